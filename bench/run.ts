/**
 * `npm run bench`: saving a diary score through the API (POST /procedures/:id/pain-scores) over real
 * HTTP on loopback, on PGlite and, when PG_TEST_URL is set, on PostgreSQL. Target (issue): p95 < 100 ms.
 * 10 procedures x 30 scores each (a full diary), after a warm-up; sequential, as a nurse would enter them.
 */
import type { AddressInfo } from 'node:net';
import { createTestApp } from '../server/test/test-app.ts';
import { auditedReadVsHealth, type Figure, pgliteFairness, searchScaling } from './load.ts';
import { patientPageVsRawSql } from './patient-page.ts';
import { benchReports } from './reports.ts';

const PROCEDURES = 10;
const SCORES_PER_PROCEDURE = 30;
const WARMUP = 20;
const TARGET_P95_MS = 100;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function benchOne(
  kind: 'pglite' | 'postgres',
): Promise<{ kind: string; n: number; p50: number; p95: number; max: number }> {
  const t = await createTestApp({}, kind);
  try {
    await t.createUser('bench-nurse', 'nurse');
    await t.createUser('bench-doc', 'physician');
    const nurse = await t.login('bench-nurse');
    const doc = await t.login('bench-doc');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const call = async (path: string, body: unknown, headers: Record<string, string>) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string }>;
    };
    const patient = await call(
      '/api/v1/patients',
      {
        mrn: 'BENCH-1',
        givenName: 'Bench',
        familyName: 'Mark',
        birthDate: '1980-01-01',
        sex: 'other',
      },
      nurse.write,
    );
    const episode = await call(
      `/api/v1/patients/${patient.id}/episodes`,
      { region: 'lumbar', side: 'left', onsetDate: '2026-01-01', indexPain: 'bench' },
      nurse.write,
    );
    const timings: number[] = [];
    for (let p = 0; p < PROCEDURES; p++) {
      const procedure = await call(
        `/api/v1/episodes/${episode.id}/procedures`,
        {
          kind: 'mbb',
          intent: 'diagnostic',
          performedAt: new Date(Date.now() - (p + 1) * 86_400_000).toISOString(),
          levels: ['L4-L5'],
          side: 'left',
          anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
          guidance: 'fluoroscopy',
          sedation: 'none',
          overrideReason: 'bench: blocks one day apart on purpose',
        },
        doc.write,
      );
      for (let i = 0; i < SCORES_PER_PROCEDURE; i++) {
        const body = {
          minutesAfter: i === 0 ? -5 : i * 15,
          score: (i * 7) % 11,
          context: 'activity',
        };
        const started = performance.now();
        await call(`/api/v1/procedures/${procedure.id}/pain-scores`, body, nurse.write);
        timings.push(performance.now() - started);
      }
    }
    const measured = timings.slice(WARMUP).sort((a, b) => a - b);
    return {
      kind,
      n: measured.length,
      p50: percentile(measured, 50),
      p95: percentile(measured, 95),
      max: measured.at(-1)!,
    };
  } finally {
    await t.close();
  }
}

const kinds: ('pglite' | 'postgres')[] = process.env['PG_TEST_URL']
  ? ['pglite', 'postgres']
  : ['pglite'];
let failed = false;
for (const kind of kinds) {
  const r = await benchOne(kind);
  const ok = r.p95 < TARGET_P95_MS;
  failed ||= !ok;
  console.log(
    `save diary score (${r.kind}): n=${r.n} p50=${r.p50.toFixed(1)} ms p95=${r.p95.toFixed(1)} ms max=${r.max.toFixed(1)} ms  ${ok ? 'ok' : 'OVER'} (target p95 < ${TARGET_P95_MS} ms)`,
  );
}
// Reports at a realistic practice size (issue 13): BENCH_PATIENTS=0 skips them.
if (Number(process.env['BENCH_PATIENTS'] ?? 1) > 0) {
  for (const kind of kinds) failed = !(await benchReports(kind)) || failed;
}
if (!process.env['PG_TEST_URL'])
  console.log('PostgreSQL skipped: set PG_TEST_URL to benchmark it too.');
if (!(await (await import('./client-weight.ts')).printClientWeight())) failed = true; // issue 11 parts 4-5

// Issue 11: each figure beside its reference from the same run, and the ratio.
const figures: (() => Promise<Figure>)[] = [
  ...(process.env['PG_TEST_URL']
    ? [() => auditedReadVsHealth(), () => patientPageVsRawSql(), () => searchScaling('postgres')]
    : []),
  () => searchScaling('pglite'),
  () => pgliteFairness(),
];
for (const figure of figures) {
  const f = await figure();
  failed ||= !f.ok;
  console.log(
    `${f.name}: ${f.value.toFixed(1)} vs reference ${f.reference.toFixed(1)} -> ratio ${f.ratio.toFixed(2)}  ${f.ok ? 'ok' : 'OVER'} (target ${f.target})`,
  );
}
process.exit(failed ? 1 : 0);
