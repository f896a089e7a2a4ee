import * as z from 'zod';
import {
  addMonths,
  DurabilitySchema,
  FollowUpCancelSchema,
  FollowUpRescheduleSchema,
  FollowUpResultSchema,
  FollowUpViewSchema,
  IdSchema,
  localDateOf,
  PROCEDURE_SHORT,
  type ProcedureKind,
  rfaDurability,
} from '../../../domain/index.ts';
import { notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { changeFollowUp, followUpViews, recordFollowUpResult } from '../../services/follow-ups.ts';
import { practiceTimeZone } from '../../services/practice-settings.ts';
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
        const rows = await tx
          .selectFrom('follow_ups')
          .selectAll()
          .where('procedure_id', '=', id)
          .orderBy('due_date')
          .orderBy('id')
          .execute();
        await app.audit.patientData(tx, request, 'follow-up.read', patientId, 'procedure', id);
        return followUpViews(tx, rows);
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
        const row = await tx
          .selectFrom('follow_ups')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound('The follow-up');
        const [view] = await followUpViews(tx, [row]);
        await app.audit.patientData(
          tx,
          request,
          'follow-up.read',
          view!.patientId,
          'follow-up',
          id,
        );
        return view!;
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
      const timeZone = await practiceTimeZone(app.db);
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
      const timeZone = await practiceTimeZone(app.db);
      const today = localDateOf(app.clock.now(), timeZone);
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const rfas = await tx
          .selectFrom('procedures')
          .selectAll()
          .where('episode_id', '=', id)
          .where('kind', '=', 'rfa')
          .where('error_reason', 'is', null)
          .orderBy('performed_at')
          .execute();
        const out = [];
        for (const [i, p] of rfas.entries()) {
          const { ruleSet } = await loadProcedure(tx, String(p.id));
          const scores = await tx
            .selectFrom('pain_scores')
            .selectAll()
            .where('procedure_id', '=', p.id)
            .where('error_reason', 'is', null)
            .orderBy('minutes_after')
            .execute();
          const baselines: Partial<Record<'rest' | 'activity', number>> = {};
          for (const s of scores)
            if (s.minutes_after <= 0 && s.side === null)
              baselines[s.context as 'rest' | 'activity'] = s.score;
          const performedOn = localDateOf(p.performed_at, timeZone);
          const later = scores
            .filter(
              (s) =>
                s.minutes_after > 0 &&
                s.describes_at <= new Date(`${addMonths(performedOn, 13)}T00:00:00Z`),
            )
            .map((s) => ({
              date: localDateOf(s.describes_at, timeZone),
              score: s.score,
              context: s.context as 'rest' | 'activity',
              reportedReliefPercent: s.reported_relief_percent,
            }));
          out.push({
            procedureId: String(p.id),
            label: `${PROCEDURE_SHORT[p.kind as ProcedureKind]} #${i + 1}`,
            performedOn,
            milestones: rfaDurability(
              performedOn,
              baselines,
              later,
              today,
              Math.max(ruleSet.settings.followUpWindowDays, 14),
            ),
          });
        }
        await app.audit.patientData(tx, request, 'follow-up.read', patientId, 'episode', id, {
          durability: true,
        });
        return out;
      });
    },
  );
}
