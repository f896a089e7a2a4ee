import type { Kysely } from 'kysely';
import * as z from 'zod';
import {
  type AuditAction,
  EnteredInErrorSchema,
  IdSchema,
  type Permission,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import { HttpProblem, notFound, versionConflict } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { assertMayCorrectPainScore } from '../../services/role-scope.ts';
import type { App } from '../../types.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';
import { cancelOpenFollowUps } from '../../services/follow-ups.ts';

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
const CORRECTABLE = [
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

/**
 * Clinical records are never deleted (design.md, Data): a mistake is marked entered-in-error with
 * who, when and why, the same way for every kind of record. A second mark is refused.
 */
export async function correctionRoutes(app: App): Promise<void> {
  for (const kind of CORRECTABLE) {
    app.post(
      `/api/v1/${kind.path}/:id/entered-in-error`,
      {
        config: { permission: kind.permission },
        schema: {
          tags: ['corrections'],
          params: z.object({ id: IdSchema }),
          body: EnteredInErrorSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const user = sessionOf(request).user;
        const { id } = request.params;
        const { version, reason } = request.body;
        await app.db.transaction().execute(async (tx) => {
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
          // The reason stays on the row: free text may name people, and the audit trail cannot be corrected.
          await app.audit.patientData(
            tx,
            request,
            kind.action,
            await kind.patientOf(tx, id),
            kind.path,
            id,
          );
        });
        return reply.status(204).send(null);
      },
    );
  }
}
