import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { type AuditEntry, appendAudit } from '../services/audit-trail.ts';
import { sessionOf } from './auth.ts';

/** The audit trail as routes use it (`app.audit`); the hash chain itself lives in services/audit-trail.ts. */
export interface AuditTrail {
  /** Appends one event in the transaction that makes the change it records (design.md, Data). */
  append(tx: Kysely<Database>, entry: AuditEntry): Promise<void>;
  /** Records an access to patient data by the request's signed-in user, in the transaction that reads or changes it. */
  patientData(
    tx: Kysely<Database>,
    request: FastifyRequest,
    action: AuditAction,
    patientId: string | null,
    entity: string,
    entityId: string | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
  /** The same event, for a read that writes it in its own statement (services/audit-trail.ts auditWhenFound). */
  patientDataEntry(
    request: FastifyRequest,
    action: AuditAction,
    patientId: string | null,
    entity: string,
    entityId: string | null,
    details?: Record<string, unknown>,
  ): AuditEntry;
}

export const auditPlugin = fp(
  async (app: FastifyInstance) => {
    const trail: AuditTrail = {
      append: appendAudit,
      patientDataEntry(request, action, patientId, entity, entityId, details = {}) {
        const user = sessionOf(request).user;
        return {
          actorId: user.id,
          actorUsername: user.username,
          action,
          entity,
          entityId,
          patientId,
          ip: request.ip,
          details,
        };
      },
      patientData(tx, request, action, patientId, entity, entityId, details = {}) {
        return appendAudit(
          tx,
          trail.patientDataEntry(request, action, patientId, entity, entityId, details),
        );
      },
    };
    app.decorate('audit', trail);
  },
  { name: 'audit', fastify: '5.x', dependencies: ['database'] },
);
