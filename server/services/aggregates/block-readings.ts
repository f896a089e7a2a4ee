import { type Kysely, sql } from 'kysely';
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
}

/**
 * One row per diagnostic block of `kind` in the cohort with its series summaries: the baseline (the
 * latest score at or before the block) and the lowest score and highest reported relief in the
 * anesthetic phase of the episode's rule set. SQL does the per-score work; readBlock() the reading.
 */
export async function blockRows(
  db: Kysely<Database>,
  c: Cohort,
  kind: 'mbb' | 'ia',
): Promise<BlockRow[]> {
  const rows = await sql<{
    id: string;
    patient_id: string;
    performed_at: Date;
    side: BlockRow['side'];
    rs_id: string;
    context: 'rest' | 'activity' | null;
    s_side: 'left' | 'right' | null;
    baseline: number | null;
    lowest: number | null;
    reported: number | null;
  }>`
    WITH blocks AS (
      SELECT p.id, e.patient_id, p.performed_at, p.side, ${ruleSetIdSql(c)} AS rs_id
      FROM ${procedureCohortSql(c, [kind])} AND p.intent = 'diagnostic'
    )
    SELECT b.id::text, b.patient_id::text, b.performed_at, b.side, b.rs_id::text, s.context, s.side AS s_side,
      (array_agg(s.score ORDER BY s.minutes_after DESC, s.id DESC) FILTER (WHERE s.minutes_after <= 0))[1] AS baseline,
      min(s.score) FILTER (WHERE s.minutes_after > 0 AND s.minutes_after <= (r.settings->>'anestheticPhaseMinutes')::int) AS lowest,
      max(s.reported_relief_percent) FILTER (WHERE s.minutes_after > 0 AND s.minutes_after <= (r.settings->>'anestheticPhaseMinutes')::int) AS reported
    FROM blocks b
    JOIN rule_sets r ON r.id = b.rs_id
    LEFT JOIN pain_scores s ON s.procedure_id = b.id AND s.error_at IS NULL
    GROUP BY b.id, b.patient_id, b.performed_at, b.side, b.rs_id, s.context, s.side
  `.execute(db);
  const byId = new Map<string, BlockRow>();
  for (const r of rows.rows) {
    let block = byId.get(r.id);
    if (!block) {
      block = {
        procedureId: r.id,
        patientId: r.patient_id,
        performedAt: new Date(r.performed_at).toISOString(),
        side: r.side,
        ruleSetId: r.rs_id,
        series: [],
      };
      byId.set(r.id, block);
    }
    if (r.context)
      block.series.push({
        context: r.context,
        side: r.s_side,
        baseline: num(r.baseline),
        lowest: num(r.lowest),
        reported: num(r.reported),
      });
  }
  return [...byId.values()];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Rule-set settings by id, for reading blocks under their own rule set. */
export async function ruleSetSettings(
  db: Kysely<Database>,
): Promise<
  Map<string, { id: string; key: string; name: string; version: number; settings: RuleSetSettings }>
> {
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
export function readUnderOwn(
  blocks: readonly BlockRow[],
  sets: Awaited<ReturnType<typeof ruleSetSettings>>,
): (BlockRow & BlockReading)[] {
  return blocks.map((b) => ({
    ...b,
    ...readBlock(b.series, b.side, sets.get(b.ruleSetId)!.settings),
  }));
}
