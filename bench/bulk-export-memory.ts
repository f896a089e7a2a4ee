/**
 * `npm run bench:export`: the practice bulk export keeps memory flat (issue 16: "streamed so memory
 * stays flat at 20,000 patients"). It exports a small and a four-times-larger seeded practice on
 * in-memory PGlite and compares the peak live heap above the baseline of each run: a ratio, not a timing,
 * so a busy machine does not make it flaky. Flat means the larger practice needs less than 2x the
 * smaller one's extra heap (a run that held every resource would need about 4x).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBulkExport } from '../server/services/bulk-export.ts';
import { createTestApp } from '../server/test/test-app.ts';

const SMALL = Number(process.env['BENCH_EXPORT_PATIENTS'] ?? 300);
const TARGET_RATIO = 2;
const gc = (globalThis as { gc?: () => void }).gc;

async function seed(
  t: Awaited<ReturnType<typeof createTestApp>>,
  patients: number,
  userId: string,
): Promise<void> {
  const db = t.db.kysely;
  for (let start = 0; start < patients; start += 250) {
    const n = Math.min(250, patients - start);
    const rows = await db
      .insertInto('patients')
      .values(
        Array.from({ length: n }, (_, i) => ({
          mrn: `M-${start + i}`,
          given_name: `Given${start + i}`,
          family_name: 'Bench',
          birth_date: '1980-01-01',
          sex: 'female',
          runner: false,
          created_by: userId,
          updated_by: userId,
          search_mrn: `m-${start + i}`,
          search_given: `given${start + i}`,
          search_family: 'bench',
        })),
      )
      .returning('id')
      .execute();
    const episodes = await db
      .insertInto('episodes')
      .values(
        rows.map((r) => ({
          patient_id: r.id,
          region: 'lumbar',
          side: 'bilateral',
          onset_date: '2025-01-01',
          index_pain: 'x',
          signs: '[]',
          causes: '[]',
          stage: 'diagnostic-blocks',
          created_by: userId,
        })),
      )
      .returning('id')
      .execute();
    const procedures = await db
      .insertInto('procedures')
      .values(
        episodes.map((e) => ({
          episode_id: e.id,
          kind: 'mbb',
          intent: 'diagnostic',
          sequence: 1,
          performed_at: new Date('2026-01-10T09:00:00Z'),
          levels: '["L4-L5","L5-S1"]',
          side: 'bilateral',
          anesthetic_agent: 'lidocaine',
          anesthetic_concentration_percent: 2,
          anesthetic_volume_ml: 0.5,
          guidance: 'fluoroscopy',
          sedation: 'none',
          complications: '[]',
          recorded_by: userId,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('pain_scores')
      .values(
        procedures.flatMap((p) =>
          [
            [-5, 8],
            [15, 3],
            [30, 1],
            [60, 1],
            [120, 2],
            [240, 4],
            [360, 7],
            [480, 8],
          ].map(([m, s]) => ({
            procedure_id: p.id,
            minutes_after: m!,
            describes_at: new Date(Date.parse('2026-01-10T09:00:00Z') + m! * 60_000),
            score: s!,
            context: 'activity',
            recorded_by: userId,
          })),
        ),
      )
      .execute();
  }
}

async function peakExtraHeap(
  patients: number,
): Promise<{ patients: number; extraMb: number; seconds: number }> {
  const t = await createTestApp({}, 'pglite');
  const dir = await mkdtemp(path.join(tmpdir(), 'ft-bench-export-'));
  try {
    const userId = await t.createUser('bench-admin', 'admin');
    await seed(t, patients, userId);
    const job = await t.db.kysely
      .insertInto('export_jobs')
      .values({ status: 'running', requested_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    // Live heap (after a collection), sampled while the export runs: garbage awaiting collection is not memory held.
    const sampler = setInterval(() => {
      gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 1000);
    const started = performance.now();
    await runBulkExport(t.db.kysely, dir, String(job.id), {
      id: userId,
      username: 'bench-admin',
      ip: null,
    });
    clearInterval(sampler);
    return {
      patients,
      extraMb: (peak - baseline) / 2 ** 20,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (!gc) console.log('Run with --expose-gc (npm run bench:export does) for a steadier baseline.');
const small = await peakExtraHeap(SMALL);
const large = await peakExtraHeap(SMALL * 4);
const ratio = large.extraMb / Math.max(small.extraMb, 1);
const ok = ratio < TARGET_RATIO;
for (const r of [small, large])
  console.log(
    `bulk export ${r.patients} patients: peak extra heap ${r.extraMb.toFixed(1)} MB in ${r.seconds.toFixed(1)} s`,
  );
console.log(
  `bulk export memory ratio (4x patients): ${ratio.toFixed(2)}  ${ok ? 'ok' : 'OVER'} (target < ${TARGET_RATIO})`,
);
process.exit(ok ? 0 : 1);
