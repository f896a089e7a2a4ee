import type { Kysely } from 'kysely';
import {
  hasPermission,
  type Role,
  STAGE_LABELS,
  type Stage,
  stageMovePermission,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../http-problem.ts';

/**
 * Role checks that depend on the data, not just the route (issue 10, defect 9). The route's own
 * permission lets nurses move stages and correct records; these narrow it to the physician where the
 * decision is clinical.
 */

/** Ending the pathway (not facet-mediated, discharged) is a physician's decision. */
export function assertMayMoveStage(role: Role, to: Stage): void {
  if (!hasPermission(role, stageMovePermission(to))) {
    throw forbidden(
      `Only a physician may move an episode to ${STAGE_LABELS[to]}.`,
      'physician-decision',
    );
  }
}

/**
 * Once a physician has signed the interpretation of a procedure, its pain scores are the evidence the
 * signature rests on: only a physician may mark one entered in error.
 */
export async function assertMayCorrectPainScore(
  tx: Kysely<Database>,
  role: Role,
  painScoreId: string,
): Promise<void> {
  if (hasPermission(role, 'signed-scores:correct')) return;
  const signed = await tx
    .selectFrom('pain_scores as s')
    .innerJoin('interpretations as i', 'i.procedure_id', 's.procedure_id')
    .select('i.id')
    .where('s.id', '=', painScoreId)
    .limit(1)
    .executeTakeFirst();
  if (signed) {
    throw forbidden(
      'A physician has signed the interpretation of this procedure; only a physician may mark its pain scores entered in error.',
      'physician-decision',
    );
  }
}
