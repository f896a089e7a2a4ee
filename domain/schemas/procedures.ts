import * as z from 'zod';
import { type BlockAssessment } from '../assessment.ts';
import {
  ANESTHETIC_AGENTS,
  COMPLICATIONS,
  GUIDANCE,
  INTENTS,
  kindIntentProblem,
  PROCEDURE_KINDS,
  SEDATION_LEVELS,
} from '../procedures.ts';
import { PAIN_CONTEXTS } from '../relief.ts';
import { IdSchema, plainString, textField } from './primitives.ts';
import { dateTimeField } from './dates.ts';
import { NrsSchema } from './episodes.ts';

const optionalReason = (label: string) =>
  textField(label, 500, 0)
    .nullish()
    .transform((v) => v?.trim() || null);

const positive = (label: string, max: number, unit: string) =>
  z
    .number({ error: `${label} must be a number` })
    .gt(0, `${label} must be more than 0`)
    .max(max, `${label} must be at most ${max} ${unit}`);

/** POST /episodes/:id/procedures (api.md). Levels are checked against the episode's region by the server. */
export const ProcedureCreateSchema = z
  .object({
    kind: z.enum(PROCEDURE_KINDS, { error: 'Kind must be mbb, ia or rfa' }),
    intent: z.enum(INTENTS, { error: 'Intent must be diagnostic or therapeutic' }),
    performedAt: dateTimeField('Performed at'),
    levels: z
      .array(plainString('Level', 10), { error: 'Choose at least one level' })
      .min(1, 'Choose at least one level')
      .max(6, 'At most 6 levels'),
    side: z.enum(['left', 'right', 'bilateral'], {
      error: 'Side must be left, right or bilateral',
    }),
    anesthetic: z.object(
      {
        agent: z.enum(ANESTHETIC_AGENTS, { error: 'Choose the anesthetic agent' }),
        concentrationPercent: positive('Concentration', 10, '%'),
        volumeMl: positive('Volume', 20, 'mL'),
      },
      { error: 'Anesthetic (agent, concentration, volume) is required' },
    ),
    steroid: z
      .object({ name: textField('Steroid', 60), doseMg: positive('Steroid dose', 200, 'mg') })
      .nullish()
      .transform((v) => v ?? null),
    guidance: z.enum(GUIDANCE, { error: 'Guidance must be fluoroscopy, ct or ultrasound' }),
    sedation: z.enum(SEDATION_LEVELS, {
      error: 'Sedation must be none, minimal, moderate or deep',
    }),
    performerId: IdSchema.nullish(),
    complications: z
      .array(
        z.enum(Object.keys(COMPLICATIONS) as [keyof typeof COMPLICATIONS], {
          error: 'Unknown complication',
        }),
      )
      .max(10)
      .default([]),
    notes: textField('Notes', 2000, 0)
      .nullish()
      .transform((v) => v || null),
    /** Why sedation beyond minimal was needed (payer rule: sedation recorded and justified). */
    sedationReason: optionalReason('Sedation reason'),
    /** Why a second diagnostic block comes sooner than the rule set's interval. */
    intervalExceptionReason: optionalReason('Exception reason'),
    /** Why RFA is not possible, for a repeat therapeutic IA. */
    rfaNotPossibleReason: optionalReason('Reason RFA is not possible'),
    /** The physician's reason for going ahead although a payer-rule check fails. */
    overrideReason: optionalReason('Override reason'),
    /** The booking this recording performs (issue 12): its baseline scores move to the procedure. */
    plannedProcedureId: IdSchema.nullish(),
  })
  .refine((p) => p.levels.length === new Set(p.levels).size, {
    message: 'Each level may be chosen once',
    path: ['levels'],
  })
  .superRefine((p, ctx) => {
    const problem = kindIntentProblem(p.kind, p.intent);
    if (problem) ctx.addIssue({ code: 'custom', path: ['intent'], message: problem });
  });
export type ProcedureCreate = z.input<typeof ProcedureCreateSchema>;

const ErrorMark = z.object({ reason: z.string(), at: z.string(), byName: z.string() }).nullable();

export const InterpretationViewSchema = z.object({
  version: z.number(),
  text: z.string(),
  verdict: z.string(),
  signedAt: z.string(),
  signedByName: z.string(),
});

export const ProcedureViewSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  patientId: z.string(),
  kind: z.enum(PROCEDURE_KINDS),
  intent: z.enum(INTENTS),
  sequence: z.number(),
  label: z.string(),
  performedAt: z.string(),
  levels: z.array(z.string()),
  side: z.enum(['left', 'right', 'bilateral']),
  anesthetic: z.object({
    agent: z.enum(ANESTHETIC_AGENTS),
    concentrationPercent: z.number(),
    volumeMl: z.number(),
  }),
  steroid: z.object({ name: z.string(), doseMg: z.number() }).nullable(),
  guidance: z.enum(GUIDANCE),
  sedation: z.enum(SEDATION_LEVELS),
  performerId: z.string().nullable(),
  performerName: z.string().nullable(),
  complications: z.array(z.string()),
  notes: z.string().nullable(),
  sedationReason: z.string().nullable(),
  intervalExceptionReason: z.string().nullable(),
  rfaNotPossibleReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  version: z.number(),
  enteredInError: ErrorMark,
  interpretation: InterpretationViewSchema.nullable(),
});
export type ProcedureView = z.infer<typeof ProcedureViewSchema>;

/** POST /procedures/:id/pain-scores (api.md): minutesAfter (<= 0 is the baseline) or recordedAt. */
export const PainScoreCreateSchema = z
  .object({
    minutesAfter: z
      .number({ error: 'Minutes after must be a whole number' })
      .int('Minutes after must be a whole number')
      .min(-1440, 'A baseline must be within 24 hours before the block')
      .max(400 * 1440, 'Minutes after is too far after the block')
      .optional(),
    recordedAt: dateTimeField('Time').optional(),
    score: NrsSchema,
    context: z.enum(PAIN_CONTEXTS, { error: 'Context must be rest or activity' }),
    side: z
      .enum(['left', 'right'], { error: 'Side must be left or right' })
      .nullish()
      .transform((v) => v ?? null),
    reportedReliefPercent: z
      .number({ error: 'Reported relief must be a whole number from 0 to 100' })
      .int('Reported relief must be a whole number from 0 to 100')
      .min(0, 'Reported relief must be a whole number from 0 to 100')
      .max(100, 'Reported relief must be a whole number from 0 to 100')
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((p) => (p.minutesAfter === undefined) !== (p.recordedAt === undefined), {
    message: 'Give either minutes after the block or the time the score describes',
    path: ['minutesAfter'],
  });
export type PainScoreCreate = z.input<typeof PainScoreCreateSchema>;

export const PainScoreViewSchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  minutesAfter: z.number(),
  describesAt: z.string(),
  enteredAt: z.string(),
  late: z.boolean(),
  score: z.number(),
  context: z.enum(PAIN_CONTEXTS),
  side: z.enum(['left', 'right']).nullable(),
  reportedReliefPercent: z.number().nullable(),
  reliefPercent: z.number().nullable(),
  recordedByName: z.string(),
  /** 'patient' when the patient entered it at home through a diary link (issue 15). */
  source: z.enum(['staff', 'patient']),
  version: z.number(),
  enteredInError: ErrorMark,
});
export type PainScoreView = z.infer<typeof PainScoreViewSchema>;

/** POST /procedures/:id/interpretation: the physician's reading; a later edit is a new version. */
export const InterpretationSignSchema = z.object({ text: textField('Interpretation', 4000) });

/** The assessment as the API returns it (api.md GET /procedures/:id/assessment). */
export type AssessmentView = BlockAssessment & {
  ruleSet: { id: string; name: string; version: number };
};
