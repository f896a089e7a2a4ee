import * as z from 'zod';
import { EnteredInErrorSchema, IdSchema } from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { CORRECTABLE, markEnteredInError } from '../../services/corrections.ts';
import type { App } from '../../types.ts';

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
        await app.db.transaction().execute(async (tx) => {
          const patientId = await markEnteredInError(tx, kind, id, request.body, user);
          // The reason stays on the row: free text may name people, and the audit trail cannot be corrected.
          await app.audit.patientData(tx, request, kind.action, patientId, kind.path, id);
        });
        return reply.status(204).send(null);
      },
    );
  }
}
