import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  type BlockReading,
  readBlock,
  type RuleSetSettings,
  type SeriesSummary,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import { type Cohort, procedureCohortSql, ruleSetIdSql } from './cohort.ts';

export interface BlockRow {
  procedureId: string;
  patientId: string;
  performedAt: string;
  side: 'left' | 'right' | 'bilateral';
  ruleSetId: string;
  series: SeriesSummary[];
  /** Minutes after the block with a valid score, any series (diary completeness). */
  recordedMinutes: number[];
  /** Whether any series has a baseline. */
  hasBaseline: boolean;
}

/** A procedure's series as procedure_score_series keeps them (migration 0014): scores after it in time order. */
export interface StoredSeries {
  context: 'rest' | 'activity';
  side: 'left' | 'right' | null;
  baseline: number | null;
  minutes: number[];
  scores: number[];
}

const ints = (text: string): number[] => (text ? text.split(',').map(Number) : []);

/** Series of the procedures a cohort query selects (`cohortSql` yields `id`), by procedure id. */
export async function storedSeries(
  db: Kysely<Database>,
  cohortSql: RawBuilder<unknown>,
): Promise<Map<string, StoredSeries[]>> {
  // Arrays as comma-separated text: the driver's array parser is the slow part at this size.
  const rows = await sql<{
    procedure_id: string;
    context: 'rest' | 'activity';
    side: string;
    baseline: number | null;
    minutes: string;
    scores: string;
  }>`
    SELECT s.procedure_id::text, s.context, s.side, s.baseline,
      array_to_string(s.minutes, ',') AS minutes, array_to_string(s.scores, ',') AS scores
    FROM procedure_score_series s WHERE s.procedure_id IN (${cohortSql})`.execute(db);
  const byId = new Map<string, StoredSeries[]>();
  for (const r of rows.rows) {
    const list = byId.get(r.procedure_id) ?? [];
    list.push({
      context: r.context,
      side: r.side === '' ? null : (r.side as 'left' | 'right'),
      baseline: num(r.baseline),
      minutes: ints(r.minutes),
      scores: ints(r.scores),
    });
    byId.set(r.procedure_id, list);
  }
  return byId;
}

/**
 * One row per diagnostic block of `kind` in the cohort with its series summaries: the baseline (the
 * latest score at or before the block) and the lowest score and highest reported relief in the
 * anesthetic phase of the episode's rule set, looked up in procedure_score_series (migration 0014:
 * one row per series, running minima by time point), so no request groups the pain scores
 * themselves. The time points recorded come along as text when asked (diary completeness). readBlock() reads.
 */
export async function blockRows(
  db: Kysely<Database>,
  c: Cohort,
  kind: 'mbb' | 'ia',
  sets: RuleSets,
  { recordedMinutes = false }: { recordedMinutes?: boolean } = {},
): Promise<BlockRow[]> {
  // Each rule set's anesthetic phase as a CASE on the episode's rule set id (read once above): a
  // join to rule_sets carried its settings through every row and misled the planner into a lookup
  // per episode (EXPLAIN at 20,000 patients, issue 13).
  const phase = sql`CASE b.rs_id ${sql.join(
    [...sets.values()].map(
      (s) => sql`WHEN ${s.id}::bigint THEN ${s.settings.anestheticPhaseMinutes}::int`,
    ),
    sql` `,
  )} END`;
  // Turning every time point into text is the costly part of the row; only the diary figures read it.
  const minutes = recordedMinutes ? sql`array_to_string(s.minutes, ',')` : sql`NULL::text`;
  const rows = await sql<{
    id: string;
    patient_id: string;
    performed_at: string;
    side: BlockRow['side'];
    rs_id: string;
    context: 'rest' | 'activity' | null;
    s_side: string | null;
    baseline: number | null;
    lowest: number | null;
    reported: number | null;
    minutes: string | null;
  }>`
    WITH blocks AS (
      SELECT p.id, e.patient_id, p.performed_at, p.side, ${ruleSetIdSql(c)} AS rs_id
      FROM ${procedureCohortSql(c, [kind])} AND p.intent = 'diagnostic'
    )
    SELECT b.id::text, b.patient_id::text,
      to_char(b.performed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS performed_at, b.side, b.rs_id::text, s.context, s.side AS s_side, s.baseline,
      s.running_lowest[width_bucket(ph.phase, s.minutes)] AS lowest,
      s.running_reported[width_bucket(ph.phase, s.minutes)] AS reported,
      ${minutes} AS minutes
    FROM blocks b CROSS JOIN LATERAL (SELECT ${phase} AS phase) ph
    LEFT JOIN procedure_score_series s ON s.procedure_id = b.id`.execute(db);
  const byId = new Map<string, BlockRow>();
  for (const [i, r] of rows.rows.entries()) {
    await breatheAt(i);
    let block = byId.get(r.id);
    if (!block) {
      block = {
        procedureId: r.id,
        patientId: r.patient_id,
        performedAt: r.performed_at, // ISO text from SQL: parsing 40,000 Dates cost more than the query
        side: r.side,
        ruleSetId: r.rs_id,
        series: [],
        recordedMinutes: [],
        hasBaseline: false,
      };
      byId.set(r.id, block);
    }
    if (!r.context) continue;
    block.series.push({
      context: r.context,
      side: r.s_side ? (r.s_side as 'left' | 'right') : null,
      baseline: num(r.baseline),
      lowest: num(r.lowest),
      reported: num(r.reported),
    });
    if (r.baseline !== null) block.hasBaseline = true;
    if (r.minutes) block.recordedMinutes.push(...ints(r.minutes));
  }
  return [...byId.values()];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Rule-set settings by id. */
export type RuleSets = Map<
  string,
  { id: string; key: string; name: string; version: number; settings: RuleSetSettings }
>;

/** Rule-set settings by id, for reading blocks under their own rule set. */
export async function ruleSetSettings(db: Kysely<Database>): Promise<RuleSets> {
  const rows = await db
    .selectFrom('rule_sets')
    .select(['id', 'key', 'name', 'version', 'settings'])
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: String(r.id),
        key: r.key,
        name: r.name,
        version: r.version,
        settings: r.settings as unknown as RuleSetSettings,
      },
    ]),
  );
}

/** Each block read under its episode's rule set. */
export async function readUnderOwn(
  blocks: readonly BlockRow[],
  sets: RuleSets,
): Promise<(BlockRow & BlockReading)[]> {
  const out: (BlockRow & BlockReading)[] = [];
  for (let i = 0; i < blocks.length; i++) {
    await breatheAt(i);
    const b = blocks[i]!;
    out.push({ ...b, ...readBlock(b.series, b.side, sets.get(b.ruleSetId)!.settings) });
  }
  return out;
}

/** Every block's verdict under `settings`, in the order of `blocks`. */
export async function verdictsUnder(
  blocks: readonly BlockRow[],
  settings: RuleSetSettings,
): Promise<BlockReading['verdict'][]> {
  const out: BlockReading['verdict'][] = [];
  for (let i = 0; i < blocks.length; i++) {
    await breatheAt(i);
    const b = blocks[i]!;
    out.push(readBlock(b.series, b.side, settings).verdict);
  }
  return out;
}

/**
 * Reading a large practice's blocks is a few hundred milliseconds of JavaScript; a report computed
 * behind a served one (report-cache.ts) lets other requests run every SLICE blocks instead of
 * holding the event loop for all of them.
 */
const SLICE = 2000;
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** In a loop over rows or blocks: lets other requests run at every SLICE-th item. */
export const breatheAt = async (index: number): Promise<void> => {
  if (index % SLICE === SLICE - 1) await breathe();
};
