import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Permission } from '../domain/index.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/schema.ts';
import type { AuditTrail } from './plugins/audit.ts';
import type { AuditSealer } from './services/audit-seal.ts';
import type { Clock } from './services/clock.ts';
import type { ActiveSession } from './services/sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The open database (plugins/database.ts). */
    db: Kysely<Database>;
    /** Connections shared by requests that only read and audit (db/shared-reads.ts). */
    sharedReads: Kysely<Database>;
    /** The hash-chained audit trail (plugins/audit.ts). */
    audit: AuditTrail;
    config: ServerConfig;
    /** Chains committed audit events in the background (docs/adr/0004). */
    auditSealer: AuditSealer;
    /** "Now" for clinical dates (worklist, follow-ups); settable in tests. */
    clock: Clock;
  }
  interface FastifyRequest {
    /** The signed-in session, set by the auth hook on every /api route that is not public. */
    session: ActiveSession | null;
    /** Per-request nonce for the Content-Security-Policy (Angular's inline component styles). */
    cspNonce: string;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, config, login). */
    public?: boolean;
    /** The permission a session's role must hold (domain/roles.ts). */
    permission?: Permission;
  }
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
