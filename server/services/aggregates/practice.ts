import { type Kysely, sql } from 'kysely';
import {
  type PracticeReport,
  type PracticeReportQuery,
  STAGES,
  type Stage,
  suppressCount,
  suppressRate,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import {
  type BlockRow,
  blockRows,
  breatheAt,
  readUnderOwn,
  type RuleSets,
  ruleSetSettings,
} from './block-readings.ts';
import { cohortOf, median, procedureCohortSql, rangeSql } from './cohort.ts';
import { conversion } from './conversion.ts';
import { followUpCompletion } from './follow-up-completion.ts';

/**
 * The practice dashboard (issue 13): aggregate and de-identified. Counts of patients or procedures
 * under five are "< 5" and rates over fewer than five are null (domain/outcomes/small-cells.ts);
 * performers are staff, shown by name; nothing about a patient leaves this function but counts.
 */
export async function practiceReport(
  db: Kysely<Database>,
  q: PracticeReportQuery,
  now = new Date(),
): Promise<PracticeReport> {
  const [c, sets] = await Promise.all([cohortOf(db, q), ruleSetSettings(db)]);
  const all = procedureCohortSql(c, ['mbb', 'ia', 'rfa']);
  // Independent queries, run side by side on the pool (a second or more in sequence at 20,000 patients).
  const [byMonth, byPerformer, blocks, conv, medians, stages, followUps] = await Promise.all([
    sql<{ month: string; kind: 'mbb' | 'ia' | 'rfa'; n: number }>`
      SELECT to_char(p.performed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.kind, count(*)::int AS n FROM ${all} GROUP BY 1, 2 ORDER BY 1, 2`.execute(
      db,
    ),
    sql<{ performer: string | null; kind: 'mbb' | 'ia' | 'rfa'; n: number }>`
      SELECT u.name AS performer, x.kind, x.n FROM (SELECT p.performer_id, p.kind, count(*)::int AS n FROM ${all} GROUP BY 1, 2) x
      LEFT JOIN users u ON u.id = x.performer_id ORDER BY 1, 2`.execute(db),
    blockRows(db, c, 'mbb', sets, { recordedMinutes: true }),
    conversion(db, c),
    medianDays(db, c),
    stageFigures(db, c),
    followUpCompletion(db, c, now),
  ]);
  const readings = await readUnderOwn(blocks, sets);
  const assessed = readings.filter((r) => r.verdict !== 'not-assessable');
  const positive = assessed.filter((r) => r.verdict === 'positive').length;
  const diary = await diaryFigures(blocks, sets, now);
  return {
    from: c.from,
    to: c.to,
    proceduresByMonth: byMonth.rows.map((r) => ({
      month: r.month,
      kind: r.kind,
      count: suppressCount(r.n),
    })),
    proceduresByPerformer: byPerformer.rows.map((r) => ({
      performer: r.performer ?? 'Not recorded',
      kind: r.kind,
      count: suppressCount(r.n),
    })),
    blocks: {
      assessed: suppressCount(assessed.length),
      positive: suppressCount(positive),
      positiveRate: suppressRate(positive, assessed.length),
    },
    conversion: {
      patientsWithMbb: suppressCount(conv.patientsWithMbb),
      patientsWithRfa: suppressCount(conv.patientsWithRfa),
      rate: suppressRate(conv.patientsWithRfa, conv.patientsWithMbb),
    },
    medianDays: medians,
    stages,
    diary,
    followUps,
  };
}

type C = Awaited<ReturnType<typeof cohortOf>>;

/** Median days from intake (episode opened) to its first MBB, and from the last MBB before an RFA to that RFA, for events in range. */
async function medianDays(db: Kysely<Database>, c: C): Promise<PracticeReport['medianDays']> {
  const [firstBlock, toRfa] = await Promise.all([
    sql<{ days: number }>`
    SELECT extract(epoch FROM (f.first_at - e.created_at)) / 86400 AS days
    FROM (SELECT p.episode_id, min(p.performed_at) AS first_at FROM procedures p WHERE p.kind = 'mbb' AND p.error_at IS NULL GROUP BY p.episode_id) f
    JOIN episodes e ON e.id = f.episode_id WHERE ${rangeSql(c, sql`f.first_at`)}`.execute(db),
    sql<{ days: number }>`
    WITH r AS (SELECT p.episode_id, min(p.performed_at) AS first_at FROM procedures p WHERE p.kind = 'rfa' AND p.error_at IS NULL GROUP BY p.episode_id)
    SELECT extract(epoch FROM (r.first_at - max(b.performed_at))) / 86400 AS days
    FROM r JOIN procedures b ON b.episode_id = r.episode_id AND b.kind = 'mbb' AND b.error_at IS NULL AND b.performed_at < r.first_at
    WHERE ${rangeSql(c, sql`r.first_at`)} GROUP BY r.episode_id, r.first_at`.execute(db),
  ]);
  const days = (rows: { days: number | null }[]) =>
    rows
      .map((r) => r.days)
      .filter((d): d is number => d !== null)
      .map(Number);
  const shown = (values: number[]) => (values.length < 5 ? null : Math.round(median(values)!));
  return {
    intakeToFirstBlock: shown(days(firstBlock.rows)),
    lastBlockToRfa: shown(days(toRfa.rows)),
  };
}

/** Episodes now in each stage, and the median days of stays in a stage that began in range and have ended. */
async function stageFigures(db: Kysely<Database>, c: C): Promise<PracticeReport['stages']> {
  const [current, stays] = await Promise.all([
    sql<{
      stage: Stage;
      n: number;
    }>`SELECT stage, count(*)::int AS n FROM episodes GROUP BY stage`.execute(db),
    sql<{ stage: Stage; days: number[] }>`
    SELECT to_stage AS stage, array_agg(extract(epoch FROM (next_at - at)) / 86400) AS days FROM (
      SELECT to_stage, at, lead(at) OVER (PARTITION BY episode_id ORDER BY at, id) AS next_at FROM stage_changes
      WHERE at >= (${c.from}::date)::timestamp AT TIME ZONE 'UTC'
    ) s WHERE next_at IS NOT NULL AND ${rangeSql(c, sql`at`)} GROUP BY to_stage`.execute(db),
  ]);
  const counts = new Map(current.rows.map((r) => [r.stage, r.n]));
  const durations = new Map(stays.rows.map((r) => [r.stage, r.days.map(Number)]));
  return STAGES.map((stage) => {
    const d = durations.get(stage) ?? [];
    return {
      stage,
      current: suppressCount(counts.get(stage) ?? 0),
      medianDays: d.length < 5 ? null : Math.round(median(d)! * 10) / 10,
    };
  });
}

/**
 * Diary completeness over diagnostic MBBs in range: of the time points (baseline and the rule set's
 * diary minutes) whose time has come, the share with a score. Overdue: diaries still open (block in
 * the last 15 days) with a time point past its window and no score (domain/diary.ts diarySchedule).
 * Reads the blocks' stored series (one row per series), not every score.
 */
async function diaryFigures(
  blocks: readonly BlockRow[],
  sets: RuleSets,
  now: Date,
): Promise<PracticeReport['diary']> {
  const nowMs = now.getTime();
  const openSince = nowMs - 15 * 86_400_000;
  let expected = 0;
  let recorded = 0;
  let overdue = 0;
  // Each rule set's time points once, not once per block (40,000 blocks at 20,000 patients).
  const schedules = new Map(
    [...sets.values()].map((s) => [s.id, [0, ...s.settings.diaryMinutes].sort((x, y) => x - y)]),
  );
  for (const [n, b] of blocks.entries()) {
    await breatheAt(n);
    const at = Date.parse(b.performedAt);
    const minutes = schedules.get(b.ruleSetId)!;
    let late = false;
    for (let i = 0; i < minutes.length; i++) {
      const m = minutes[i]!;
      if (at + m * 60_000 > nowMs) continue;
      expected++;
      if (m === 0 ? b.hasBaseline || b.recordedMinutes.includes(0) : b.recordedMinutes.includes(m))
        recorded++;
      else if (at >= openSince && at + (minutes[i + 1] ?? m + 1440) * 60_000 <= nowMs) late = true;
    }
    if (late) overdue++;
  }
  return {
    procedures: suppressCount(blocks.length),
    expectedPoints: expected,
    recordedPoints: recorded,
    completeness:
      suppressRate(recorded, blocks.length) === null ? null : expected ? recorded / expected : null,
    overdueProcedures: suppressCount(overdue),
  };
}
