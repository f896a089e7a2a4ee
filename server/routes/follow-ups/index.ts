import * as z from 'zod';
import {
  DurabilitySchema,
  FollowUpCancelSchema,
  FollowUpRescheduleSchema,
  FollowUpResultSchema,
  FollowUpViewSchema,
  IdSchema,
  localDateOf,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  changeFollowUp,
  followUpView,
  procedureFollowUpViews,
  recordFollowUpResult,
} from '../../services/follow-ups.ts';
import { episodeRfaDurability } from '../../services/rfa-durability.ts';
import { loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';

const IdParams = z.object({ id: IdSchema });

/** A procedure's follow-ups (api.md fixed points), recording, rescheduling and cancelling them; RFA durability. */
export async function followUpRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'follow-ups:write' as const };

  app.get(
    '/api/v1/procedures/:id/follow-ups',
    {
      config: read,
      schema: {
        tags: ['follow-ups'],
        params: IdParams,
        response: { 200: z.array(FollowUpViewSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await loadProcedure(tx, id);
        const views = await procedureFollowUpViews(tx, id);
        await app.audit.patientData(tx, request, 'follow-up.read', patientId, 'procedure', id);
        return views;
      });
    },
  );

  app.get(
    '/api/v1/follow-ups/:id',
    {
      config: read,
      schema: { tags: ['follow-ups'], params: IdParams, response: { 200: FollowUpViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const view = await followUpView(tx, id);
        await app.audit.patientData(tx, request, 'follow-up.read', view.patientId, 'follow-up', id);
        return view;
      });
    },
  );

  // 201 once; the same follow-up again (or a cancelled one) is 409 naming who and when (api.md).
  app.post(
    '/api/v1/follow-ups/:id/result',
    {
      config: write,
      schema: {
        tags: ['follow-ups'],
        params: IdParams,
        body: FollowUpResultSchema,
        response: { 201: FollowUpViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      const view = await app.db.transaction().execute(async (tx) => {
        const { view, patientId } = await recordFollowUpResult(
          tx,
          id,
          request.body,
          user,
          app.clock.now(),
          timeZone,
        );
        const action =
          request.body.outcome === 'no-answer' ? 'follow-up.no-answer' : 'follow-up.result';
        await app.audit.patientData(tx, request, action, patientId, 'follow-up', id, {
          status: view.status,
          redFlags: view.result?.redFlags.length ?? 0,
        });
        return view;
      });
      return reply.status(201).send(view);
    },
  );

  for (const [path, schema] of [
    ['reschedule', FollowUpRescheduleSchema],
    ['cancel', FollowUpCancelSchema],
  ] as const) {
    app.post(
      `/api/v1/follow-ups/:id/${path}`,
      {
        config: write,
        schema: {
          tags: ['follow-ups'],
          params: IdParams,
          body: schema,
          response: { 200: FollowUpViewSchema },
        },
      },
      async (request) => {
        const user = sessionOf(request).user;
        const { id } = request.params;
        return app.db.transaction().execute(async (tx) => {
          const view = await changeFollowUp(tx, id, request.body, user);
          await app.audit.patientData(
            tx,
            request,
            path === 'cancel' ? 'follow-up.cancel' : 'follow-up.reschedule',
            view.patientId,
            'follow-up',
            id,
          );
          return view;
        });
      },
    );
  }

  // Each RFA's durability: relief still >= 50% at 3, 6 and 12 months (issue 12, physician view).
  app.get(
    '/api/v1/episodes/:id/rfa-durability',
    {
      config: read,
      schema: { tags: ['follow-ups'], params: IdParams, response: { 200: DurabilitySchema } },
    },
    async (request) => {
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      const today = localDateOf(app.clock.now(), timeZone);
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const out = await episodeRfaDurability(tx, id, timeZone, today);
        await app.audit.patientData(tx, request, 'follow-up.read', patientId, 'episode', id, {
          durability: true,
        });
        return out;
      });
    },
  );
}
