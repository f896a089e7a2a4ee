import * as z from 'zod';
import { IdSchema, PageQuerySchema, plainString } from './primitives.ts';

/** What an audit event records; reads of patient data are events too (design.md, Data). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'auth.logout',
  'auth.locked',
  'user.create',
  'user.update',
  'user.password-reset',
  'audit.verify',
  'patient.read',
  'patient.search',
  'patient.create',
  'patient.update',
  'episode.read',
  'episode.create',
  'episode.stage',
  'episode.intake-update',
  'therapy.create',
  'therapy.entered-in-error',
  'function-score.create',
  'function-score.entered-in-error',
  'running-check.create',
  'running-check.entered-in-error',
  'procedure.read',
  'procedure.create',
  'procedure.entered-in-error',
  'pain-score.create',
  'pain-score.entered-in-error',
  'interpretation.sign',
  'rule-set.create',
  'rule-set.default',
  'settings.update',
  /** A signed-in user was refused (403) a route that serves or changes patient data (issue 10, defect 11). */
  'access.denied',
  /** An admin's account was spared a lockout because it is the last active admin (issue 10, defect 6). */
  'auth.lock-spared',
  'patient.export-fhir',
  'patient.export-csv',
  'export.bulk-start',
  'export.bulk-patients',
  'export.bulk-download',
  'follow-up.read',
  'follow-up.result',
  'follow-up.no-answer',
  'follow-up.reschedule',
  'follow-up.cancel',
  'planned-procedure.read',
  'planned-procedure.create',
  'planned-procedure.baseline',
  'planned-procedure.cancel',
  'worklist.read',
  'digest.read',
  'practice.seed',
  'report.read',
  'diary-link.create',
  'diary-link.revoke',
  'diary-link.read',
  'diary-link.refused',
  'planned-procedure.reschedule',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEventViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

const isoDate = z.iso
  .date({ error: 'Date must be a calendar date (YYYY-MM-DD)' })
  .refine((d) => !d.startsWith('0000'), 'Date must be in year 1 or later');

/** GET /api/v1/audit/events filters. */
export const AuditQuerySchema = PageQuerySchema.extend({
  userId: IdSchema.optional(),
  patientId: IdSchema.optional(),
  /** The acting user's username, exactly (case aside). */
  username: plainString('Username', 60).optional(),
  /** A patient's MRN (or its digits) or name, matched as the patient search does; the server resolves ids. */
  patient: plainString('Patient', 100).optional(),
  action: plainString('Action', 40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'The "to" date must be on or after the "from" date',
  path: ['to'],
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** Query of GET /api/v1/audit/verify: incremental from the last checkpoint, or one chunk of a full check from seal `from`. */
export const AuditVerifyQuerySchema = z.object({
  mode: z.enum(['incremental', 'full']).default('incremental'),
  from: z
    .string()
    .regex(/^\d{1,18}$/, 'Must be a chain position')
    .optional(),
});
export type AuditVerifyQuery = z.infer<typeof AuditVerifyQuerySchema>;

/** One thing verify found broken, with the chain position and event it concerns. */
export const AuditProblemSchema = z.object({
  kind: z.enum([
    'altered',
    'removed',
    'link-broken',
    'forged',
    'newest-removed',
    'anchor-mismatch',
    'unsealed',
  ]),
  seq: z.string().nullable(),
  eventId: z.string().nullable(),
  message: z.string(),
});
export type AuditProblem = z.infer<typeof AuditProblemSchema>;

const ChainHeadSchema = z.object({ seq: z.string(), hash: z.string() });

/** GET /api/v1/audit/verify (api.md: ok, checked, firstBrokenId; the rest are additions). */
export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.string().optional(),
  reason: z.string().optional(),
  mode: z.enum(['incremental', 'full']).optional(),
  /** Chain position this run started after (0: the beginning). */
  from: z.string().optional(),
  /** Full check: where the next chunk starts, null when this was the last one. */
  nextSeq: z.string().nullable().optional(),
  /** Sealed events in the chain (for a progress bar). */
  total: z.number().optional(),
  /** Events written but not sealed yet (their transaction was still running). */
  pending: z.number().optional(),
  head: ChainHeadSchema.nullable().optional(),
  /** The newest head written outside the database, and where. */
  anchor: ChainHeadSchema.extend({ at: z.string() }).nullable().optional(),
  anchorStore: z.string().optional(),
  problems: z.array(AuditProblemSchema).optional(),
  problemCount: z.number().optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
