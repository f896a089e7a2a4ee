import { sql } from 'kysely';
import * as z from 'zod';
import {
  AuditEventViewSchema,
  AuditQuerySchema,
  AuditVerifyQuerySchema,
  AuditVerifyResultSchema,
  type AuditEventView,
  type AuditQuery,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { patientMatches } from '../../services/patient-match.ts';
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

/**
 * Counting every match of a trail with millions of rows reads them all (issue 11: 188 ms at 1.8 M).
 * Up to this many the count is exact; beyond, the unfiltered list estimates from the id range (ids
 * only grow; gaps from rolled-back writes make it a slight overestimate), a filtered one says "at least".
 */
const COUNT_CAP = 10_000;

/** The audit log (admin only): filtered listing and the hash-chain integrity check. */
export async function auditRoutes(app: App): Promise<void> {
  const config = { permission: 'audit:read' as const };

  const events = async (filters: AuditQuery) => {
    const { userId, patientId, username, patient, action, from, to, page, pageSize } = filters;
    let query = app.db.selectFrom('audit_events');
    if (userId) query = query.where('actor_id', '=', userId);
    if (patientId) query = query.where('patient_id', '=', patientId);
    // Names resolve to ids here, so an admin filters by what they know (username, MRN, name).
    if (username) query = query.where(sql`lower(actor_username)`, '=', username.toLowerCase());
    if (patient)
      query = query.where(
        'patient_id',
        'in',
        app.db
          .selectFrom('patients as p')
          .select(sql<string>`p.id::text`.as('id'))
          .where((eb) => patientMatches(eb, patient)),
      );
    if (action) query = query.where('action', '=', action);
    if (from) query = query.where('at', '>=', new Date(`${from}T00:00:00Z`));
    if (to)
      query = query.where('at', '<', new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000));
    const filtered = Boolean(userId || patientId || username || patient || action || from || to);
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      app.db
        .selectFrom(
          query
            .select('id')
            .limit(COUNT_CAP + 1)
            .as('capped'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    let total = Number(count.n);
    const totalExact = total <= COUNT_CAP;
    if (!totalExact && filtered) total = COUNT_CAP;
    if (!totalExact && !filtered) {
      const range = await app.db
        .selectFrom('audit_events')
        .select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
        .executeTakeFirstOrThrow();
      total = Number(range.hi) - Number(range.lo) + 1;
    }
    const items: AuditEventView[] = rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actor_id === null ? null : String(r.actor_id),
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      patientId: r.patient_id,
      ip: r.ip,
      details: r.details,
    }));
    return { items, total, page, pageSize, ...(totalExact ? {} : { totalExact }) };
  };

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
