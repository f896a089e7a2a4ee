import * as z from 'zod';
import {
  FollowUpCancelSchema,
  IdSchema,
  localDateOf,
  PlannedBaselineSchema,
  PlannedBookingChecksSchema,
  PlannedProcedureCreateSchema,
  PlannedProcedureViewSchema,
  PlannedRescheduleSchema,
} from '../../../domain/index.ts';
import { notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  bookingDryRun,
  bookProcedure,
  cancelPlanned,
  plannedPatientId,
  plannedViews,
  reschedulePlanned,
} from '../../services/planned-procedures.ts';
import {
  activePhysicians,
  episodePlanned,
  plannedById,
  recordPlannedBaseline,
} from '../../services/planned-procedure-records.ts';
import type { App } from '../../types.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';

const IdParams = z.object({ id: IdSchema });

/** Booking a procedure for a day, its baseline on the day, and cancelling it with a kept reason. */
export async function plannedProcedureRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const plan = { permission: 'procedures:plan' as const };

  app.get(
    '/api/v1/episodes/:id/planned-procedures',
    {
      config: read,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        response: { 200: z.array(PlannedProcedureViewSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const rows = await episodePlanned(tx, id);
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.read',
          patientId,
          'episode',
          id,
        );
        return plannedViews(tx, rows, timeZone);
      });
    },
  );

  // The payer-rule dry run runs at booking: the view carries the checks the procedure would fail.
  app.post(
    '/api/v1/episodes/:id/planned-procedures',
    {
      config: plan,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        body: PlannedProcedureCreateSchema,
        response: { 201: PlannedProcedureViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      const today = localDateOf(app.clock.now(), timeZone);
      const view = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const row = await bookProcedure(tx, id, request.body, user, today);
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.create',
          patientId,
          'planned-procedure',
          String(row.id),
          { kind: row.kind, plannedDate: row.planned_date },
        );
        return (await plannedViews(tx, [row], timeZone))[0]!;
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/planned-procedures/:id',
    {
      config: read,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        response: { 200: PlannedProcedureViewSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      return app.db.transaction().execute(async (tx) => {
        const row = await plannedById(tx, id);
        if (!row) throw notFound('The planned procedure');
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.read',
          await plannedPatientId(tx, row),
          'planned-procedure',
          id,
        );
        return (await plannedViews(tx, [row], timeZone))[0]!;
      });
    },
  );

  // The baseline on the day, before the procedure row exists; it becomes the procedure's baseline.
  app.post(
    '/api/v1/planned-procedures/:id/baseline',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        body: PlannedBaselineSchema,
        response: { 201: PlannedProcedureViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const b = request.body;
      const timeZone = await app.practiceTimeZone();
      const now = app.clock.now();
      const view = await app.db.transaction().execute(async (tx) => {
        const { before, updated } = await recordPlannedBaseline(tx, id, b, user.id, now, timeZone);
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.baseline',
          await plannedPatientId(tx, before),
          'planned-procedure',
          id,
          { context: b.context },
        );
        return (await plannedViews(tx, [updated], timeZone))[0]!;
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/planned-procedures/:id/cancel',
    {
      config: plan,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        body: FollowUpCancelSchema,
        response: { 200: PlannedProcedureViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      return app.db.transaction().execute(async (tx) => {
        const row = await cancelPlanned(tx, id, request.body, user.id, app.clock.now(), timeZone);
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.cancel',
          await plannedPatientId(tx, row),
          'planned-procedure',
          id,
        );
        return (await plannedViews(tx, [row], timeZone))[0]!;
      });
    },
  );

  app.post(
    '/api/v1/planned-procedures/:id/reschedule',
    {
      config: plan,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        body: PlannedRescheduleSchema,
        response: { 200: PlannedProcedureViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      const today = localDateOf(app.clock.now(), timeZone);
      return app.db.transaction().execute(async (tx) => {
        const row = await reschedulePlanned(tx, id, request.body, user.id, today, timeZone);
        await app.audit.patientData(
          tx,
          request,
          'planned-procedure.reschedule',
          await plannedPatientId(tx, row),
          'planned-procedure',
          id,
          { plannedDate: row.planned_date },
        );
        return (await plannedViews(tx, [row], timeZone))[0]!;
      });
    },
  );

  // The booking dialog's dry run: the checks the booking would carry, before anything is saved.
  app.post(
    '/api/v1/episodes/:id/planned-procedures/check',
    {
      config: plan,
      schema: {
        tags: ['planned-procedures'],
        params: IdParams,
        body: PlannedProcedureCreateSchema,
        response: { 200: PlannedBookingChecksSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      const today = localDateOf(app.clock.now(), timeZone);
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const checks = await bookingDryRun(tx, id, request.body, user, today, timeZone);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'checks', id, {
          dryRun: true,
          booking: true,
        });
        return { checks };
      });
    },
  );

  // Who can perform a booking (the booking dialog's choice): active physicians, names only.
  app.get(
    '/api/v1/planned-procedures/performers',
    {
      config: plan,
      schema: {
        tags: ['planned-procedures'],
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async () => activePhysicians(app.db),
  );
}
