import type { Kysely } from 'kysely';
import type { AuditAction, Permission } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { HttpProblem, notFound, versionConflict } from '../http-problem.ts';
import { episodePatientId } from './clinical-rows.ts';
import { cancelOpenFollowUps } from './follow-ups.ts';
import { assertMayCorrectPainScore } from './role-scope.ts';

type Tx = Kysely<Database>;
const viaEpisode =
  (table: 'therapies' | 'function_scores' | 'running_checks' | 'procedures') =>
  async (tx: Tx, id: string) => {
    const row = await tx
      .selectFrom(table)
      .select('episode_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return (await episodePatientId(tx, String(row.episode_id))).patientId;
  };
const viaProcedure = async (tx: Tx, id: string) => {
  const row = await tx
    .selectFrom('pain_scores')
    .select('procedure_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return viaEpisode('procedures')(tx, String(row.procedure_id));
};

/** The records that can be marked entered-in-error, who may do it, and how to find their patient. */
export const CORRECTABLE = [
  {
    path: 'therapies',
    table: 'therapies',
    action: 'therapy.entered-in-error',
    label: 'The therapy',
    permission: 'patients:write',
    patientOf: viaEpisode('therapies'),
  },
  {
    path: 'function-scores',
    table: 'function_scores',
    action: 'function-score.entered-in-error',
    label: 'The function score',
    permission: 'patients:write',
    patientOf: viaEpisode('function_scores'),
  },
  {
    path: 'running-checks',
    table: 'running_checks',
    action: 'running-check.entered-in-error',
    label: 'The running check',
    permission: 'patients:write',
    patientOf: viaEpisode('running_checks'),
  },
  {
    path: 'procedures',
    table: 'procedures',
    action: 'procedure.entered-in-error',
    label: 'The procedure',
    permission: 'procedures:write',
    patientOf: viaEpisode('procedures'),
  },
  {
    path: 'pain-scores',
    table: 'pain_scores',
    action: 'pain-score.entered-in-error',
    label: 'The pain score',
    permission: 'patients:write',
    patientOf: viaProcedure,
  },
] as const satisfies readonly {
  path: string;
  table: keyof Database;
  action: AuditAction;
  label: string;
  permission: Permission;
  patientOf: (tx: Tx, id: string) => Promise<string>;
}[];

export type Correctable = (typeof CORRECTABLE)[number];

/**
 * Clinical records are never deleted (design.md, Data): a mistake is marked entered-in-error with
 * who, when and why, the same way for every kind of record. A second mark is refused.
 * Returns the record's patient, for the route's audit in the same transaction.
 */
export async function markEnteredInError(
  tx: Tx,
  kind: Correctable,
  id: string,
  mark: { version: number; reason: string },
  user: { id: string; role: Parameters<typeof assertMayCorrectPainScore>[1] },
): Promise<string> {
  const { version, reason } = mark;
  const row = await tx
    .selectFrom(kind.table)
    .select(['version', 'error_reason'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(kind.label);
  if (row.error_reason)
    throw new HttpProblem({
      status: 409,
      title: 'Already marked',
      code: 'already-entered-in-error',
      detail: `${kind.label} is already marked entered in error.`,
    });
  if (row.version !== version) throw versionConflict(null);
  if (kind.path === 'pain-scores') await assertMayCorrectPainScore(tx, user.role, id);
  await tx
    .updateTable(kind.table)
    .set({
      error_reason: reason,
      error_at: new Date(),
      error_by: user.id,
      version: version + 1,
    })
    .where('id', '=', id)
    .execute();
  if (kind.table === 'procedures') await cancelOpenFollowUps(tx, id, reason, user.id); // issue 12
  return kind.patientOf(tx, id);
}
