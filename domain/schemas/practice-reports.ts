/**
 * Practice-level reports (issue 13, api.md): GET /reports/practice (managers and physicians: aggregate,
 * de-identified, small cells suppressed) and GET /reports/outcomes (physicians: cohort figures with
 * procedure and patient ids so a bar opens that patient's procedure).
 */
import * as z from 'zod';
import { addDays } from '../calendar.ts';
import { STAGES } from '../pathway.ts';
import { REGIONS } from '../patient-facts.ts';
import { ANESTHETIC_AGENTS, PROCEDURE_KINDS } from '../procedures.ts';
import { VERDICTS } from '../relief.ts';
import { todayIso } from './dates.ts';
import { IdSchema } from './primitives.ts';

/** The longest range a report covers: keeps every query bounded. */
export const REPORT_MAX_DAYS = 3660;

const optionalDate = (label: string) =>
  z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` }).optional();

/** from/to (inclusive calendar dates); default the last 12 months to today; from must not be after to. */
const rangeShape = { from: optionalDate('From'), to: optionalDate('To') };
function withDefaults<Q extends { from?: string | undefined; to?: string | undefined }>(
  q: Q,
): Q & { from: string; to: string } {
  const to = q.to ?? todayIso();
  return { ...q, to, from: q.from ?? addDays(to, -365) };
}
function rangeInOrder(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be on or after From' });
  else if (addDays(q.from, REPORT_MAX_DAYS) < q.to)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'The range can be at most 10 years' });
}

export const PracticeReportQuerySchema = z
  .object(rangeShape)
  .transform(withDefaults)
  .superRefine(rangeInOrder);
export type PracticeReportQuery = z.output<typeof PracticeReportQuerySchema>;

const BooleanText = z
  .enum(['true', 'false'], { error: 'Must be true or false' })
  .transform((v) => v === 'true');

export const OutcomesQuerySchema = z
  .object({
    ...rangeShape,
    region: z.enum(REGIONS, { error: 'Region must be cervical, thoracic or lumbar' }).optional(),
    /** Which diagnostic blocks the waterfall and rule-set counts read (MBB by default). */
    kind: z.enum(['mbb', 'ia'], { error: 'Kind must be mbb or ia' }).optional(),
    level: z
      .string()
      .regex(/^[CTL][0-9]{1,2}-(?:[CTL][0-9]{1,2}|S1)$/, 'Level must look like L4-L5')
      .optional(),
    agent: z.enum(ANESTHETIC_AGENTS, { error: 'Unknown anesthetic agent' }).optional(),
    ruleSetId: IdSchema.optional(),
    performerId: IdSchema.optional(),
    runners: BooleanText.optional(),
  })
  .transform(withDefaults)
  .superRefine(rangeInOrder);
export type OutcomesQuery = z.output<typeof OutcomesQuerySchema>;
export type OutcomesQueryInput = z.input<typeof OutcomesQuerySchema>;

/** A count as a manager sees it: "< 5" for groups of 1-4 (domain/outcomes/small-cells.ts). */
const Count = z.union([z.number(), z.literal('< 5')]);
/** A share 0..1, or null when the group is under five (not shown). */
const Rate = z.number().nullable();

export const PracticeReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** When the figures' data were read (ISO time); a large practice's may be up to a minute old. */
  asOf: z.string().optional(),
  proceduresByMonth: z.array(
    z.object({ month: z.string(), kind: z.enum(PROCEDURE_KINDS), count: Count }),
  ),
  proceduresByPerformer: z.array(
    z.object({ performer: z.string(), kind: z.enum(PROCEDURE_KINDS), count: Count }),
  ),
  blocks: z.object({ assessed: Count, positive: Count, positiveRate: Rate }),
  conversion: z.object({ patientsWithMbb: Count, patientsWithRfa: Count, rate: Rate }),
  medianDays: z.object({
    intakeToFirstBlock: z.number().nullable(),
    lastBlockToRfa: z.number().nullable(),
  }),
  stages: z.array(
    z.object({ stage: z.enum(STAGES), current: Count, medianDays: z.number().nullable() }),
  ),
  diary: z.object({
    procedures: Count,
    expectedPoints: z.number(),
    recordedPoints: z.number(),
    completeness: Rate,
    overdueProcedures: Count,
  }),
  /** Follow-up completion per performing physician: follow-ups that came due in range (not cancelled), done, still open past their window. */
  followUps: z
    .array(z.object({ performer: z.string(), due: Count, done: Count, overdue: Count, rate: Rate }))
    .nullable(),
});
export type PracticeReport = z.infer<typeof PracticeReportSchema>;

const Verdict = z.enum(VERDICTS);
export const OutcomesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** When the figures' data were read (ISO time); a large practice's may be up to a minute old. */
  asOf: z.string().optional(),
  waterfall: z.object({
    total: z.number(),
    truncated: z.boolean(),
    thresholds: z.array(z.object({ ruleSet: z.string(), percent: z.number() })),
    bars: z.array(
      z.object({
        procedureId: z.string(),
        patientId: z.string(),
        performedAt: z.string(),
        peakReliefPercent: z.number(),
        verdict: Verdict,
      }),
    ),
  }),
  byRuleSet: z.array(
    z.object({
      ruleSetId: z.string(),
      name: z.string(),
      positive: z.number(),
      greyZone: z.number(),
      negative: z.number(),
      notAssessable: z.number(),
    }),
  ),
  /** Patients positive under a 50% rule but not under the 80% rule (how many change eligibility). */
  eligibilityChange: z.object({
    patients: z.number(),
    positiveAt50: z.number(),
    positiveAt80: z.number(),
  }),
  conversion: z.object({
    patientsWithMbb: z.number(),
    patientsWithRfa: z.number(),
    rate: z.number().nullable(),
  }),
  durability: z.object({
    rfas: z.number(),
    at: z.array(z.object({ months: z.number(), share: z.number().nullable() })),
    curve: z.array(
      z.object({
        days: z.number(),
        atRisk: z.number(),
        events: z.number(),
        censored: z.number(),
        survival: z.number(),
      }),
    ),
  }),
  agreement: z.object({
    total: z.number(),
    points: z.array(
      z.object({
        procedureId: z.string(),
        patientId: z.string(),
        nrsPeak: z.number(),
        reportedPeak: z.number(),
      }),
    ),
  }),
  running: z.object({
    runners: z.number(),
    yes: z.number(),
    partial: z.number(),
    no: z.number(),
    notChecked: z.number(),
  }),
});
export type OutcomesReport = z.infer<typeof OutcomesReportSchema>;
