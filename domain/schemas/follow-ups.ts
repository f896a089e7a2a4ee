import * as z from 'zod';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, FOLLOW_UP_UNITS, RED_FLAGS } from '../follow-ups.ts';
import { PAIN_CONTEXTS } from '../relief.ts';
import { FUNCTION_INSTRUMENTS } from '../function-scores.ts';
import { REGIONS, RUNNING_STATUSES } from '../patient-facts.ts';
import { COMPLICATIONS, INTENTS, PROCEDURE_KINDS } from '../procedures.ts';
import { IdSchema, textField, VersionSchema } from './primitives.ts';
import { dateField } from './dates.ts';
import { NrsSchema } from './episodes.ts';

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`);
const percent = (label: string) =>
  z
    .number({ error: `${label} must be a whole number from 0 to 100` })
    .int(`${label} must be a whole number from 0 to 100`)
    .min(0, `${label} must be a whole number from 0 to 100`)
    .max(100, `${label} must be a whole number from 0 to 100`);
const note = (label: string) =>
  textField(label, 2000, 0)
    .nullish()
    .transform((v) => v?.trim() || null);

const FollowUpPointSchema = z.object({
  count: whole('Follow-up point', 1, 400),
  unit: z.enum(FOLLOW_UP_UNITS, { error: 'Unit must be days, weeks or months' }),
  kind: z.enum(FOLLOW_UP_KINDS, { error: 'Kind must be call or visit' }),
});

/** The follow-up settings of a rule set (spread into RuleSetSettingsSchema). */
export const FollowUpSettingsShape = {
  followUpPoints: z.array(FollowUpPointSchema).max(20, 'At most 20 follow-up points'),
  diagnosticFollowUpPoints: z.array(FollowUpPointSchema).max(20, 'At most 20 follow-up points'),
  followUpWindowDays: whole('Follow-up window (days)', 0, 60),
  followUpMaxAttempts: whole('Call attempts before missed', 1, 10),
};

/** One change of a follow-up (created, rescheduled, no answer, done, missed, cancelled): history is kept. */
export const FollowUpEventSchema = z.object({
  at: z.string(),
  byName: z.string(),
  action: z.string(),
  detail: z.string().nullable(),
});

export const FollowUpResultViewSchema = z.object({
  painRest: z.number().nullable(),
  painActivity: z.number().nullable(),
  reportedReliefPercent: z.number().nullable(),
  reliefRestPercent: z.number().nullable(),
  reliefActivityPercent: z.number().nullable(),
  functionScore: z
    .object({ instrument: z.enum(FUNCTION_INSTRUMENTS), total: z.number().nullable() })
    .nullable(),
  running: z
    .object({ status: z.enum(RUNNING_STATUSES), weeklyDistanceKm: z.number().nullable() })
    .nullable(),
  complications: z.array(z.string()),
  redFlags: z.array(z.enum(RED_FLAGS)),
  note: z.string().nullable(),
  outsideWindow: z.boolean(),
});

/** GET /procedures/:id/follow-ups (api.md fixed point: id, dueDate, kind, status). */
export const FollowUpViewSchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  patientId: z.string(),
  label: z.string(),
  dueDate: z.string(),
  windowDays: z.number(),
  kind: z.enum(FOLLOW_UP_KINDS),
  status: z.enum(FOLLOW_UP_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  result: FollowUpResultViewSchema.nullable(),
  history: z.array(FollowUpEventSchema),
  version: z.number(),
});
export type FollowUpView = z.infer<typeof FollowUpViewSchema>;

/**
 * POST /follow-ups/:id/result (api.md). `outcome: "no-answer"` counts an attempt; otherwise at least
 * one pain score or the patient's own relief is needed. Function score as section scores would need
 * the episode's form: here its computed total from the ODI/NDI form.
 */
export const FollowUpResultSchema = z
  .object({
    outcome: z
      .enum(['answered', 'no-answer'], { error: 'Choose answered or no answer' })
      .default('answered'),
    painRest: NrsSchema.nullish().transform((v) => v ?? null),
    painActivity: NrsSchema.nullish().transform((v) => v ?? null),
    reportedReliefPercent: percent('Reported relief')
      .nullish()
      .transform((v) => v ?? null),
    functionScore: z
      .object({
        instrument: z.enum(FUNCTION_INSTRUMENTS, { error: 'Choose ODI or NDI' }),
        total: z
          .number({ error: 'Function score must be a number from 0 to 100' })
          .min(0, 'Function score must be a number from 0 to 100')
          .max(100, 'Function score must be a number from 0 to 100'),
      })
      .nullish()
      .transform((v) => v ?? null),
    running: z
      .object({
        status: z.enum(RUNNING_STATUSES, { error: 'Return to running must be yes, partial or no' }),
        weeklyDistanceKm: z
          .number({ error: 'Weekly distance must be a number' })
          .min(0, 'Weekly distance cannot be negative')
          .max(500, 'Weekly distance must be at most 500 km')
          .nullish()
          .transform((v) => v ?? null),
      })
      .nullish()
      .transform((v) => v ?? null),
    complications: z
      .array(
        z.enum(Object.keys(COMPLICATIONS) as [keyof typeof COMPLICATIONS], {
          error: 'Unknown complication',
        }),
      )
      .max(10)
      .default([]),
    redFlags: z
      .array(z.enum(RED_FLAGS, { error: 'Red flags are fever, redness or drainage' }))
      .max(3)
      .default([]),
    note: note('Note'),
  })
  .refine(
    (r) =>
      r.outcome === 'no-answer' ||
      r.painRest !== null ||
      r.painActivity !== null ||
      r.reportedReliefPercent !== null,
    {
      message: "Record at least one pain score or the patient's own percent relief",
      path: ['painActivity'],
    },
  );
export type FollowUpResult = z.input<typeof FollowUpResultSchema>;

/** Why a follow-up or booking is moved or cancelled: required, and spaces alone are no reason (issue 12). */
const reason = () =>
  textField('Reason', 500).refine((v) => v.trim() !== '', { message: 'Reason is required' });

/** POST /follow-ups/:id/reschedule and /cancel: the row's version and a reason (history is kept). */
export const FollowUpRescheduleSchema = z.object({
  version: VersionSchema,
  dueDate: dateField('Due date'),
  reason: reason(),
});
export const FollowUpCancelSchema = z.object({
  version: VersionSchema,
  reason: reason(),
});

/** POST /planned-procedures/:id/reschedule: another day (not in the past), the version and a reason. */
export const PlannedRescheduleSchema = z.object({
  version: VersionSchema,
  plannedDate: dateField('Date'),
  reason: reason(),
});

/** POST /episodes/:id/planned-procedures/check: the booking's payer-rule dry run, nothing saved. */
export const PlannedBookingChecksSchema = z.object({
  checks: z.array(z.object({ id: z.string(), status: z.string(), message: z.string() })),
});

export const PLANNED_STATUSES = ['planned', 'performed', 'cancelled'] as const;

/** POST /episodes/:id/planned-procedures: book a procedure for a day (not in the past). */
export const PlannedProcedureCreateSchema = z
  .object({
    kind: z.enum(PROCEDURE_KINDS, { error: 'Kind must be mbb, ia or rfa' }),
    intent: z.enum(INTENTS, { error: 'Intent must be diagnostic or therapeutic' }),
    plannedDate: dateField('Date'),
    levels: z
      .array(z.string().max(10), { error: 'Choose at least one level' })
      .min(1, 'Choose at least one level')
      .max(6, 'At most 6 levels'),
    side: z.enum(['left', 'right', 'bilateral'], {
      error: 'Side must be left, right or bilateral',
    }),
    performerId: IdSchema.nullish(),
    notes: note('Notes'),
  })
  .refine((p) => p.levels.length === new Set(p.levels).size, {
    message: 'Each level may be chosen once',
    path: ['levels'],
  });
export type PlannedProcedureCreate = z.input<typeof PlannedProcedureCreateSchema>;

/** POST /planned-procedures/:id/baseline: the baseline score on the day, before the procedure exists. */
export const PlannedBaselineSchema = z.object({
  score: NrsSchema,
  context: z.enum(PAIN_CONTEXTS, { error: 'Context must be rest or activity' }),
  side: z
    .enum(['left', 'right'], { error: 'Side must be left or right' })
    .nullish()
    .transform((v) => v ?? null),
});

export const PlannedProcedureViewSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  patientId: z.string(),
  region: z.enum(REGIONS),
  kind: z.enum(PROCEDURE_KINDS),
  intent: z.enum(INTENTS),
  plannedDate: z.string(),
  levels: z.array(z.string()),
  side: z.enum(['left', 'right', 'bilateral']),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(PLANNED_STATUSES),
  procedureId: z.string().nullable(),
  cancelReason: z.string().nullable(),
  baselines: z.array(
    z.object({
      score: z.number(),
      context: z.enum(PAIN_CONTEXTS),
      side: z.enum(['left', 'right']).nullable(),
      describesAt: z.string(),
    }),
  ),
  checks: z.array(z.object({ id: z.string(), status: z.string(), message: z.string() })),
  /** Booked, rescheduled (from, to, why), cancelled, performed: oldest first. */
  history: z.array(FollowUpEventSchema),
  version: z.number(),
});
export type PlannedProcedureView = z.infer<typeof PlannedProcedureViewSchema>;

export const WORKLIST_KINDS = ['procedure', 'diary', 'follow-up'] as const;

/** GET /worklist (api.md fixed point): `date` defaults to today in the practice's zone. */
export const WorklistQuerySchema = z.object({
  date: dateField('Date').optional(),
  providerId: IdSchema.optional(),
  region: z.enum(REGIONS, { error: 'Region must be cervical, thoracic or lumbar' }).optional(),
  pageSize: z.coerce
    .number()
    .int('Page size must be a whole number')
    .min(1, 'Page size must be at least 1')
    .max(100, 'Page size must be at most 100')
    .default(25),
  overduePage: z.coerce
    .number()
    .int('Page must be a whole number')
    .min(1, 'Page must be at least 1')
    .default(1),
  dueTodayPage: z.coerce
    .number()
    .int('Page must be a whole number')
    .min(1, 'Page must be at least 1')
    .default(1),
  upcomingPage: z.coerce
    .number()
    .int('Page must be a whole number')
    .min(1, 'Page must be at least 1')
    .default(1),
});

export const WorklistRowSchema = z.object({
  key: z.string(),
  kind: z.enum(WORKLIST_KINDS),
  patientId: z.string(),
  patientName: z.string(),
  mrn: z.string(),
  dueAt: z.string(),
  dueDate: z.string(),
  what: z.string(),
  region: z.enum(REGIONS),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  procedureId: z.string().nullable(),
  followUpId: z.string().nullable(),
  plannedProcedureId: z.string().nullable(),
  episodeId: z.string(),
  followUpKind: z.enum(FOLLOW_UP_KINDS).nullable(),
  attempts: z.number(),
  /** Diary rows: time points after the block recorded (by staff or the patient at home) of the total. */
  diaryProgress: z
    .object({ recorded: z.number(), total: z.number(), byPatient: z.number() })
    .nullable()
    .optional(),
});
export type WorklistRow = z.infer<typeof WorklistRowSchema>;

const Section = z.array(WorklistRowSchema);
export const WorklistViewSchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  overdue: Section,
  dueToday: Section,
  upcoming: Section,
  totals: z.object({ overdue: z.number(), dueToday: z.number(), upcoming: z.number() }),
  pageSize: z.number(),
  pages: z.object({ overdue: z.number(), dueToday: z.number(), upcoming: z.number() }),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type WorklistView = z.infer<typeof WorklistViewSchema>;

/** GET /reports/overdue-digest: what became overdue since yesterday, per provider (what a daily e-mail would carry). */
export const OverdueDigestSchema = z.object({
  date: z.string(),
  since: z.string(),
  providers: z.array(
    z.object({
      providerId: z.string().nullable(),
      providerName: z.string(),
      rows: z.array(WorklistRowSchema.extend({ overdueSince: z.string() })),
    }),
  ),
});
export type OverdueDigest = z.infer<typeof OverdueDigestSchema>;

export const DurabilitySchema = z.array(
  z.object({
    procedureId: z.string(),
    label: z.string(),
    performedOn: z.string(),
    milestones: z.array(
      z.object({
        months: z.number(),
        status: z.enum(['held', 'lost', 'pending', 'unknown']),
        reliefPercent: z.number().nullable(),
        date: z.string().nullable(),
      }),
    ),
  }),
);
export type DurabilityView = z.infer<typeof DurabilitySchema>;
