import * as z from 'zod';
import {
  DiaryLinkCreatedSchema,
  DiaryLinkViewSchema,
  diaryLinkStatus,
  IdSchema,
} from '../../../domain/index.ts';
import { HttpProblem, notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { diaryLinkBase, issueDiaryLink, type DiaryLinkRow } from '../../services/diary-links.ts';
import { loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';
import { iso, userNames } from '../../services/clinical-rows.ts';
import { patientDiaryRoutes } from './patient.ts';

const IdParams = z.object({ id: IdSchema });

function linkView(row: DiaryLinkRow, names: Map<string, string>, now = new Date()) {
  return {
    id: String(row.id),
    createdAt: iso(row.created_at),
    createdByName: names.get(String(row.created_by)) ?? 'Unknown',
    expiresAt: iso(row.expires_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    status: diaryLinkStatus({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now),
  };
}

/**
 * Staff side of the patient's diary link (issue 15): nurses and physicians issue, list and revoke a
 * procedure's links. The token leaves the server once, in the 201's `url`; only its hash is kept.
 */
export async function diaryLinkRoutes(app: App): Promise<void> {
  if (!app.config.publicUrl && !app.config.demo)
    app.log.warn('FT_PUBLIC_URL is not set: diary links take their address from the request');
  app.post(
    '/api/v1/procedures/:id/diary-links',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags: ['diary-links'],
        params: IdParams,
        response: { 201: DiaryLinkCreatedSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const created = await app.db.transaction().execute(async (tx) => {
        const { row, patientId, ruleSet } = await loadProcedure(tx, id);
        if (row.error_reason)
          throw new HttpProblem({
            status: 422,
            title: 'Procedure entered in error',
            code: 'entered-in-error',
            detail: 'This procedure is marked entered in error; it has no diary to hand over.',
          });
        const {
          row: link,
          token,
          revokedIds,
        } = await issueDiaryLink(
          tx,
          row,
          ruleSet.settings.diaryMinutes,
          app.config.diaryLinkGraceHours,
          user.id,
        );
        if (link.expires_at.getTime() <= Date.now()) {
          throw new HttpProblem({
            status: 422,
            title: 'Diary over',
            code: 'diary-over',
            detail:
              "This procedure's diary has ended; there is nothing left for the patient to enter.",
          });
        }
        await app.audit.patientData(
          tx,
          request,
          'diary-link.create',
          patientId,
          'diary-link',
          String(link.id),
          { procedureId: id, ...(revokedIds.length ? { revokedIds } : {}) },
        );
        return {
          id: String(link.id),
          url: `${diaryLinkBase(app.config, request)}/diary/${token}`,
          expiresAt: iso(link.expires_at),
        };
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/procedures/:id/diary-links',
    {
      config: { permission: 'patients:read' },
      schema: {
        tags: ['diary-links'],
        params: IdParams,
        response: { 200: z.array(DiaryLinkViewSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await loadProcedure(tx, id);
        const rows = await tx
          .selectFrom('diary_links')
          .selectAll()
          .where('procedure_id', '=', id)
          .orderBy('id', 'desc')
          .execute();
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'diary-link', null, {
          procedureId: id,
        });
        const names = await userNames(
          tx,
          rows.map((r) => r.created_by),
        );
        return rows.map((r) => linkView(r, names));
      });
    },
  );

  // Revoking keeps the row (who and when); the scores already entered through the link stay.
  app.delete(
    '/api/v1/diary-links/:id',
    {
      config: { permission: 'patients:write' },
      schema: { tags: ['diary-links'], params: IdParams, response: { 200: DiaryLinkViewSchema } },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const link = await tx
          .selectFrom('diary_links')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!link) throw notFound('The diary link');
        const { patientId } = await loadProcedure(tx, String(link.procedure_id));
        const row = link.revoked_at
          ? link
          : await tx
              .updateTable('diary_links')
              .set({ revoked_at: new Date(), revoked_by: user.id })
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirstOrThrow();
        await app.audit.patientData(tx, request, 'diary-link.revoke', patientId, 'diary-link', id, {
          procedureId: String(link.procedure_id),
        });
        return linkView(row, await userNames(tx, [row.created_by]));
      });
    },
  );

  await app.register(patientDiaryRoutes);
}
