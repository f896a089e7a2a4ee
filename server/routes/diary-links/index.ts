import * as z from 'zod';
import { DiaryLinkCreatedSchema, DiaryLinkViewSchema, IdSchema } from '../../../domain/index.ts';
import { HttpProblem } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  diaryLinkBase,
  issueDiaryLink,
  lockDiaryLink,
  procedureDiaryLinkViews,
  revokeDiaryLink,
} from '../../services/diary-links.ts';
import { loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';
import { iso } from '../../services/clinical-rows.ts';
import { patientDiaryRoutes } from './patient.ts';

const IdParams = z.object({ id: IdSchema });

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
        const views = await procedureDiaryLinkViews(tx, id);
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'diary-link', null, {
          procedureId: id,
        });
        return views;
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
        const link = await lockDiaryLink(tx, id);
        const { patientId } = await loadProcedure(tx, String(link.procedure_id));
        const view = await revokeDiaryLink(tx, link, user.id);
        await app.audit.patientData(tx, request, 'diary-link.revoke', patientId, 'diary-link', id, {
          procedureId: String(link.procedure_id),
        });
        return view;
      });
    },
  );

  await app.register(patientDiaryRoutes);
}
