import * as z from 'zod';
import {
  AuditEventViewSchema,
  AuditQuerySchema,
  AuditVerifyQuerySchema,
  AuditVerifyResultSchema,
  type AuditQuery,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { listAuditEvents } from '../../services/audit-events.ts';
import { verifyFullChunk, verifyIncremental } from '../../services/audit-verify.ts';
import type { App } from '../../types.ts';

const PageOfEvents = z.object({
  items: z.array(AuditEventViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** False when total is an estimate (more than COUNT_CAP events match). */
  totalExact: z.boolean().optional(),
});

/** The audit log (admin only): filtered listing and the hash-chain integrity check. */
export async function auditRoutes(app: App): Promise<void> {
  const config = { permission: 'audit:read' as const };

  const events = (filters: AuditQuery) => listAuditEvents(app.db, filters);

  app.get(
    '/api/v1/audit/events',
    {
      config,
      schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: PageOfEvents } },
    },
    (request) => events(request.query),
  );

  // A patient's name or MRN in a GET query lands in proxy access logs: the client sends filters in a
  // POST body instead, as the patient search does (FHIR's _search).
  app.post(
    '/api/v1/audit/events/search',
    {
      config,
      schema: { tags: ['audit'], body: AuditQuerySchema, response: { 200: PageOfEvents } },
    },
    (request) => events(request.body),
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config,
      schema: {
        tags: ['audit'],
        querystring: AuditVerifyQuerySchema,
        response: { 200: AuditVerifyResultSchema },
      },
    },
    async (request) => {
      const { mode, from } = request.query;
      // Seal what has committed and anchor the head first, so the report covers everything up to now.
      await app.auditSealer.seal({ anchor: true });
      const anchorage = app.auditSealer.anchorage;
      const result =
        mode === 'full'
          ? await verifyFullChunk(app.db, anchorage, from ?? '0')
          : await verifyIncremental(app.db, anchorage);
      // A full check is audited once, when its last chunk has run.
      if (mode === 'incremental' || result.nextSeq === null) {
        const admin = sessionOf(request).user;
        await app.db.transaction().execute((tx) =>
          app.audit.append(tx, {
            actorId: admin.id,
            actorUsername: admin.username,
            action: 'audit.verify',
            ip: request.ip,
            details: {
              ok: result.ok,
              checked: result.checked,
              mode,
              ...(result.problemCount ? { problems: result.problemCount } : {}),
            },
          }),
        );
      }
      return result;
    },
  );
}
