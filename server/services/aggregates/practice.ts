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
import { blockRows, readUnderOwn, ruleSetSettings } from './block-readings.ts';
import { cohortOf, median, procedureCohortSql, rangeSql, ruleSetIdSql } from './cohort.ts';
import { conversion } from './conversion.ts';

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
  const c = await cohortOf(db, q);
  const all = procedureCohortSql(c, ['mbb', 'ia', 'rfa']);
  const [byMonth, byPerformer] = await Promise.all([
    sql<{ month: string; kind: 'mbb' | 'ia' | 'rfa'; n: number }>`
      SELECT to_char(p.performed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.kind, count(*)::int AS n FROM ${all} GROUP BY 1, 2 ORDER BY 1, 2`.execute(
      db,
    ),
    sql<{ performer: string | null; kind: 'mbb' | 'ia' | 'rfa'; n: number }>`
      SELECT u.name AS performer, x.kind, x.n FROM (SELECT p.performer_id, p.kind, count(*)::int AS n FROM ${all} GROUP BY 1, 2) x
      LEFT JOIN users u ON u.id = x.performer_id ORDER BY 1, 2`.execute(db),
  ]);
  const sets = await ruleSetSettings(db);
  const readings = readUnderOwn(await blockRows(db, c, 'mbb'), sets);
  const assessed = readings.filter((r) => r.verdict !== 'not-assessable');
  const positive = assessed.filter((r) => r.verdict === 'positive').length;
  const conv = await conversion(db, c);
  const [medians, stages, diary] = await Promise.all([
    medianDays(db, c),
    stageFigures(db, c),
    diaryFigures(db, c, now),
  ]);
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
    followUps: null,
  };
}

type C = Awaited<ReturnType<typeof cohortOf>>;

/** Median days from intake (episode opened) to its first MBB, and from the last MBB before an RFA to that RFA, for events in range. */
async function medianDays(db: Kysely<Database>, c: C): Promise<PracticeReport['medianDays']> {
  const firstBlock = await sql<{ days: number }>`
    SELECT extract(epoch FROM (f.first_at - e.created_at)) / 86400 AS days
    FROM (SELECT p.episode_id, min(p.performed_at) AS first_at FROM procedures p WHERE p.kind = 'mbb' AND p.error_at IS NULL GROUP BY p.episode_id) f
    JOIN episodes e ON e.id = f.episode_id WHERE ${rangeSql(c, sql`f.first_at`)}`.execute(db);
  const toRfa = await sql<{ days: number }>`
    SELECT extract(epoch FROM (r.first_at - (SELECT max(b.performed_at) FROM procedures b WHERE b.episode_id = r.episode_id AND b.kind = 'mbb' AND b.error_at IS NULL AND b.performed_at < r.first_at))) / 86400 AS days
    FROM (SELECT p.episode_id, min(p.performed_at) AS first_at FROM procedures p WHERE p.kind = 'rfa' AND p.error_at IS NULL GROUP BY p.episode_id) r
    WHERE ${rangeSql(c, sql`r.first_at`)}`.execute(db);
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
  const current = await sql<{
    stage: Stage;
    n: number;
  }>`SELECT stage, count(*)::int AS n FROM episodes GROUP BY stage`.execute(db);
  const stays = await sql<{ stage: Stage; days: number[] }>`
    SELECT to_stage AS stage, array_agg(extract(epoch FROM (next_at - at)) / 86400) AS days FROM (
      SELECT to_stage, at, lead(at) OVER (PARTITION BY episode_id ORDER BY at, id) AS next_at FROM stage_changes
    ) s WHERE next_at IS NOT NULL AND ${rangeSql(c, sql`at`)} GROUP BY to_stage`.execute(db);
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
 * Diary completeness over MBBs in range: of the time points (baseline and the rule set's diary
 * minutes) whose time has come, the share with a score. Overdue: diaries still open (block in the last
 * 15 days) with a time point past its window and no score (domain/diary.ts diarySchedule).
 */
async function diaryFigures(
  db: Kysely<Database>,
  c: C,
  now: Date,
): Promise<PracticeReport['diary']> {
  const r = await sql<{ procedures: number; expected: number; recorded: number; overdue: number }>`
    WITH blocks AS (
      SELECT p.id, p.performed_at, ${ruleSetIdSql(c)} AS rs_id FROM ${procedureCohortSql(c, ['mbb'])} AND p.intent = 'diagnostic'
    ), points AS (
      SELECT b.id, b.performed_at, m.minutes, lead(m.minutes) OVER (PARTITION BY b.id ORDER BY m.minutes) AS next_minutes
      FROM blocks b JOIN rule_sets r ON r.id = b.rs_id
      CROSS JOIN LATERAL (SELECT 0 AS minutes UNION ALL SELECT value::int FROM jsonb_array_elements_text(r.settings->'diaryMinutes')) m
    ), marked AS (
      SELECT pt.*, EXISTS (SELECT 1 FROM pain_scores s WHERE s.procedure_id = pt.id AND s.error_at IS NULL
        AND (CASE WHEN pt.minutes = 0 THEN s.minutes_after <= 0 ELSE s.minutes_after = pt.minutes END)) AS done
      FROM points pt WHERE pt.performed_at + make_interval(mins => pt.minutes) <= ${now}
    )
    SELECT (SELECT count(*)::int FROM blocks) AS procedures, count(*)::int AS expected, count(*) FILTER (WHERE done)::int AS recorded,
      count(DISTINCT id) FILTER (WHERE NOT done AND performed_at >= ${now}::timestamptz - interval '15 days'
        AND performed_at + make_interval(mins => coalesce(next_minutes, minutes + 1440)) <= ${now})::int AS overdue
    FROM marked`.execute(db);
  const row = r.rows[0] ?? { procedures: 0, expected: 0, recorded: 0, overdue: 0 };
  return {
    procedures: suppressCount(row.procedures),
    expectedPoints: row.expected,
    recordedPoints: row.recorded,
    completeness:
      suppressRate(row.recorded, row.procedures) === null
        ? null
        : row.expected
          ? row.recorded / row.expected
          : null,
    overdueProcedures: suppressCount(row.overdue),
  };
}
