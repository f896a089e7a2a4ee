import * as z from 'zod';
import {
  addDays,
  localDateOf,
  OverdueDigestSchema,
  WorklistQuerySchema,
  WorklistViewSchema,
} from '../../../domain/index.ts';
import {
  activePhysicians,
  publicRow,
  worklistPages,
  worklistRows,
} from '../../services/worklist.ts';
import type { App } from '../../types.ts';

/** The nurse's day (issue 12): the worklist and the overdue digest (follow-ups and bookings have their own folders). */
export async function nursesDayRoutes(app: App): Promise<void> {
  await app.register(worklistRoutes);
  if (app.config.testClock) await app.register(testClockRoutes);
}

async function worklistRoutes(app: App): Promise<void> {
  // api.md fixed point: {overdue, dueToday, upcoming}, rows with kind, patientId, dueAt; paged per section.
  app.get(
    '/api/v1/worklist',
    {
      config: { permission: 'worklist:read' },
      schema: {
        tags: ['worklist'],
        querystring: WorklistQuerySchema,
        response: { 200: WorklistViewSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const timeZone = await app.practiceTimeZone();
      const now = app.clock.now();
      const date = q.date ?? localDateOf(now, timeZone);
      return app.db.transaction().execute(async (tx) => {
        const { overdue, dueToday, upcoming } = await worklistPages(
          tx,
          date,
          now,
          timeZone,
          { providerId: q.providerId, region: q.region },
          { overdue: q.overduePage, dueToday: q.dueTodayPage, upcoming: q.upcomingPage },
          q.pageSize,
        );
        const providers = await activePhysicians(tx);
        const shown = [...overdue.rows, ...dueToday.rows, ...upcoming.rows];
        // One audit event for the page: which patients the nurse was shown.
        await app.audit.patientData(tx, request, 'worklist.read', null, 'worklist', null, {
          date,
          patientIds: [...new Set(shown.map((r) => r.patientId))],
        });
        return {
          date,
          timeZone,
          overdue: overdue.rows.map(publicRow),
          dueToday: dueToday.rows.map(publicRow),
          upcoming: upcoming.rows.map(publicRow),
          totals: { overdue: overdue.total, dueToday: dueToday.total, upcoming: upcoming.total },
          pageSize: q.pageSize,
          pages: { overdue: overdue.page, dueToday: dueToday.page, upcoming: upcoming.page },
          providers: providers.map((p) => ({ id: String(p.id), name: p.name })),
        };
      });
    },
  );

  // What became overdue since yesterday, per provider: the data a daily e-mail would carry (no e-mail is sent).
  app.get(
    '/api/v1/reports/overdue-digest',
    {
      config: { permission: 'digest:read' },
      schema: {
        tags: ['worklist'],
        querystring: z.object({ date: WorklistQuerySchema.shape.date }),
        response: { 200: OverdueDigestSchema },
      },
    },
    async (request) => {
      const timeZone = await app.practiceTimeZone();
      const now = app.clock.now();
      const date = request.query.date ?? localDateOf(now, timeZone);
      return app.db.transaction().execute(async (tx) => {
        const rows = (await worklistRows(tx, date, now, timeZone, {})).filter(
          (r) => r.section === 'overdue' && r.overdueSince === date,
        );
        const groups = new Map<
          string,
          { providerId: string | null; providerName: string; rows: ReturnType<typeof digestRow>[] }
        >();
        const digestRow = (r: (typeof rows)[number]) => ({
          ...publicRow(r),
          overdueSince: r.overdueSince!,
        });
        for (const r of rows) {
          const key = r.providerId ?? '';
          if (!groups.has(key))
            groups.set(key, {
              providerId: r.providerId,
              providerName: r.providerName ?? 'No provider',
              rows: [],
            });
          groups.get(key)!.rows.push(digestRow(r));
        }
        await app.audit.patientData(tx, request, 'digest.read', null, 'overdue-digest', null, {
          date,
          patientIds: [...new Set(rows.map((r) => r.patientId))],
        });
        return {
          date,
          since: addDays(date, -1),
          providers: [...groups.values()].sort((a, b) =>
            a.providerName.localeCompare(b.providerName),
          ),
        };
      });
    },
  );
}

/** Test-only (FT_TEST_CLOCK, demo mode): shifts the server clock by whole days for e2e journeys. */
async function testClockRoutes(app: App): Promise<void> {
  app.put(
    '/api/v1/test/clock',
    {
      config: { permission: 'worklist:read' },
      schema: {
        tags: ['test'],
        body: z.object({ offsetDays: z.number().int().min(-400).max(400) }),
      },
    },
    async (request) => {
      app.clock.shiftDays(request.body.offsetDays);
      return { now: app.clock.now().toISOString() };
    },
  );
}
