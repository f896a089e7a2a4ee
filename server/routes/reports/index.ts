import {
  OutcomesQuerySchema,
  OutcomesReportSchema,
  PracticeReportQuerySchema,
  PracticeReportSchema,
  todayIn,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  createReportCache,
  outcomesReport,
  practiceReport,
} from '../../services/aggregates/index.ts';
import type { App } from '../../types.ts';

/**
 * Practice-level reports (api.md): `GET /reports/practice` (managers and physicians; aggregate,
 * de-identified) and `GET /reports/outcomes` (physicians; cohort figures with ids so a bar opens the
 * procedure). Numbers come from services/aggregates/, computed on the pool (independent queries in
 * parallel) and reused while no write has changed them (report-cache.ts), each answer saying when
 * its data were read (`asOf`); each read is one audit
 * event naming the report and its filters (no patient ids: it spans the cohort), and nothing is
 * returned unless that event is written.
 */
export async function practiceReportRoutes(app: App): Promise<void> {
  const cache = createReportCache({
    ttlMs: app.config.reportCacheSeconds * 1000,
    staleMs: app.config.reportStaleSeconds * 1000,
    // PGlite has one connection: a recomputation behind a served report lets requests between its queries.
    behind: app.config.databaseUrl ? 'transaction' : 'yielding',
    // No request waits on this: the next one computes again. The error names no patient.
    onRefreshError: (error) =>
      app.log.error({ code: (error as { code?: unknown }).code }, 'report refresh failed'),
  });
  // A refresh behind a served report must not run into a closed pool.
  app.addHook('onClose', () => cache.settled());
  const audited = async <T>(
    request: Parameters<typeof sessionOf>[0],
    report: string,
    filters: Record<string, unknown>,
    read: (db: typeof app.db) => Promise<T>,
  ) => {
    // The practice's "today" belongs in the key: defaults and overdue counts move with it.
    const today = todayIn(await app.practiceTimeZone(), app.clock.now());
    const key = JSON.stringify([report, today, Object.entries(filters).sort()]);
    const { body, asOf } = await cache.get(app.db, key, read);
    return app.db.transaction().execute(async (tx) => {
      const user = sessionOf(request).user;
      await app.audit.append(tx, {
        actorId: user.id,
        actorUsername: user.username,
        action: 'report.read',
        entity: 'report',
        entityId: report,
        ip: request.ip,
        details: filters,
      });
      return { ...body, asOf: asOf.toISOString() };
    });
  };

  app.get(
    '/api/v1/reports/practice',
    {
      config: { permission: 'reports:aggregate' },
      schema: {
        tags: ['reports'],
        querystring: PracticeReportQuerySchema,
        response: { 200: PracticeReportSchema },
      },
    },
    async (request) =>
      audited(request, 'practice', { ...request.query }, (tx) => practiceReport(tx, request.query)),
  );

  app.get(
    '/api/v1/reports/outcomes',
    {
      config: { permission: 'reports:outcomes' },
      schema: {
        tags: ['reports'],
        querystring: OutcomesQuerySchema,
        response: { 200: OutcomesReportSchema },
      },
    },
    async (request) =>
      audited(request, 'outcomes', { ...request.query }, (tx) => outcomesReport(tx, request.query)),
  );
}
