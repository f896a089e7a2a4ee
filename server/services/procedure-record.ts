import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import { PROCEDURE_SHORT, type ProcedureCreateSchema, type Stage } from '../../domain/index.ts';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { HttpProblem, notFound } from '../http-problem.ts';
import { checksFailedBy } from './episode-checks.ts';
import { recordStageChange } from './episode-writes.ts';
import { afterProcedureRecorded } from './procedure-follow-ups.ts';
import { assertLevelsOfRegion, assertPhysician } from './procedure-inputs.ts';

type Tx = Kysely<Database>;
type ProcedureRow = Selectable<ProceduresTable>;

/** What recording a procedure did, for the route's audit rows. */
export interface RecordedProcedure {
  row: ProcedureRow;
  patientId: string;
  /** The stage move the procedure made, if any (forward only). */
  stageChange: { from: string; to: Stage } | null;
  /** Ids of the payer-rule checks the physician overrode with a reason. */
  overriddenChecks: string[];
}

/** The stage a new procedure moves its episode to, when that is the natural next stage (forward only). */
function naturalStageAfter(
  stage: Stage,
  intent: 'diagnostic' | 'therapeutic',
  kind: string,
): Stage | null {
  if (intent === 'diagnostic' && stage === 'conservative-care') return 'diagnostic-blocks';
  if ((intent === 'therapeutic' || kind === 'rfa') && stage === 'diagnostic-blocks')
    return 'treatment';
  return null;
}

/** The episode's procedures, newest first. */
export function episodeProcedureRows(tx: Tx, episodeId: string): Promise<ProcedureRow[]> {
  return tx
    .selectFrom('procedures')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .orderBy('performed_at', 'desc')
    .orderBy('sequence', 'desc')
    .execute();
}

/**
 * Records a performed procedure: the episode open, levels of its region, a physician performer, the
 * payer-rule checks passed or overridden with a reason, the next sequence number, the booking and
 * follow-up schedule, and the episode's natural next stage.
 */
export async function recordProcedure(
  tx: Tx,
  episodeId: string,
  b: z.output<typeof ProcedureCreateSchema>,
  userId: string,
): Promise<RecordedProcedure> {
  const episode = await tx
    .selectFrom('episodes')
    .select(['patient_id', 'region', 'stage', 'version'])
    .where('id', '=', episodeId)
    .forUpdate()
    .executeTakeFirst();
  if (!episode) throw notFound('The episode');
  if (episode.stage === 'discharged')
    throw new HttpProblem({
      status: 422,
      title: 'Episode closed',
      code: 'episode-closed',
      detail: 'This episode is discharged; open a new episode for new procedures.',
    });
  assertLevelsOfRegion(episode.region, b.levels);
  if (b.performerId) await assertPhysician(tx, b.performerId);
  // A procedure that would fail a payer-rule check needs the physician's recorded reason (issue: next step).
  const failing = await checksFailedBy(tx, episodeId, b);
  if (failing.length && !b.overrideReason) {
    throw new HttpProblem({
      status: 422,
      title: 'Payer-rule checks fail',
      code: 'checks-failed',
      detail: `This procedure would fail: ${failing.map((c) => c.message).join(' ')} Record an override reason to go ahead.`,
      errors: [
        {
          path: 'overrideReason',
          message: 'Give a reason for going ahead although these checks fail',
        },
      ],
      current: failing,
    });
  }
  const last = await tx
    .selectFrom('procedures')
    .select((eb) => eb.fn.max('sequence').as('n'))
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  const row = await tx
    .insertInto('procedures')
    .values({
      episode_id: episodeId,
      kind: b.kind,
      intent: b.intent,
      sequence: Number(last?.n ?? 0) + 1,
      performed_at: new Date(b.performedAt),
      levels: JSON.stringify(b.levels),
      side: b.side,
      anesthetic_agent: b.anesthetic.agent,
      anesthetic_concentration_percent: b.anesthetic.concentrationPercent,
      anesthetic_volume_ml: b.anesthetic.volumeMl,
      steroid_name: b.steroid?.name ?? null,
      steroid_dose_mg: b.steroid?.doseMg ?? null,
      guidance: b.guidance,
      sedation: b.sedation,
      performer_id: b.performerId ?? userId,
      complications: JSON.stringify(b.complications),
      notes: b.notes,
      recorded_by: userId,
      sedation_reason: b.sedationReason,
      interval_exception_reason: b.intervalExceptionReason,
      rfa_not_possible_reason: b.rfaNotPossibleReason,
      override_reason: failing.length ? b.overrideReason : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await afterProcedureRecorded(tx, row, b.plannedProcedureId ?? null, userId); // issue 12: booking, follow-up schedule
  const next = naturalStageAfter(episode.stage as Stage, b.intent, b.kind);
  if (next) {
    await tx
      .updateTable('episodes')
      .set({ stage: next, version: episode.version + 1 })
      .where('id', '=', episodeId)
      .execute();
    await recordStageChange(tx, {
      episodeId,
      from: episode.stage,
      to: next,
      reason: `${PROCEDURE_SHORT[b.kind]} recorded`,
      userId,
    });
  }
  return {
    row,
    patientId: String(episode.patient_id),
    stageChange: next ? { from: episode.stage, to: next } : null,
    overriddenChecks: failing.map((c) => c.id),
  };
}

/** Signs a new version of the procedure's interpretation with the verdict it was signed against. */
export async function signInterpretation(
  tx: Tx,
  procedureId: string,
  entry: { text: string; verdict: string; ruleSetId: string; userId: string },
): Promise<number> {
  const last = await tx
    .selectFrom('interpretations')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await tx
    .insertInto('interpretations')
    .values({
      procedure_id: procedureId,
      version,
      text: entry.text,
      verdict: entry.verdict,
      rule_set_id: entry.ruleSetId,
      signed_by: entry.userId,
    })
    .execute();
  return version;
}
