import * as z from 'zod';
import { IdSchema, PageQuerySchema } from './common.ts';

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
  'diary-link.create',
  'diary-link.revoke',
  'diary-link.read',
  'diary-link.refused',
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

const isoDate = z.iso.date({ error: 'Date must be a calendar date (YYYY-MM-DD)' });

/** GET /api/v1/audit/events filters. */
export const AuditQuerySchema = PageQuerySchema.extend({
  userId: IdSchema.optional(),
  patientId: IdSchema.optional(),
  action: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'The "to" date must be on or after the "from" date',
  path: ['to'],
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** GET /api/v1/audit/verify (api.md). */
export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.string().optional(),
  reason: z.string().optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
