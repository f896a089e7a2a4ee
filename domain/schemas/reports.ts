import * as z from 'zod';
import { PainScoreViewSchema, ProcedureViewSchema } from './procedures.ts';
import { AssessmentViewSchema } from './assessment.ts';
import { EpisodeRecordSchema } from './episodes.ts';
import { PatientViewSchema } from './patients.ts';
import { FUNCTION_INSTRUMENTS } from '../function-scores.ts';
import { STAGES } from '../pathway.ts';
import { REGIONS } from '../patient-facts.ts';
import { INTENTS, PROCEDURE_KINDS } from '../procedures.ts';
import { PAIN_CONTEXTS, VERDICTS } from '../relief.ts';

const EvidenceSchema = z.object({
  kind: z.enum(['episode', 'therapy', 'function-score', 'procedure', 'setting']),
  id: z.string().optional(),
  date: z.string().optional(),
  text: z.string(),
});
export const PayerCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['met', 'not-met', 'not-assessable', 'not-applicable']),
  message: z.string(),
  evidence: z.array(EvidenceSchema),
});

/** GET /episodes/:id/checks (api.md). */
export const EpisodeChecksSchema = z.object({
  ruleSet: z.object({ id: z.string(), name: z.string(), version: z.number() }),
  checks: z.array(PayerCheckSchema),
  nextStep: z.object({ id: z.string(), message: z.string() }),
});
export type EpisodeChecks = z.infer<typeof EpisodeChecksSchema>;

/** POST /episodes/:id/procedures/check: the checks a planned procedure would newly fail. */
export const PlannedProcedureChecksSchema = z.object({ failing: z.array(PayerCheckSchema) });

/** GET /episodes/:id/pain-timeline: every score of the episode over time, with markers and bands. */
export const PainTimelineSchema = z.object({
  episode: z.object({
    id: z.string(),
    region: z.enum(REGIONS),
    onsetDate: z.string(),
    baselineNrsRest: z.number().nullable(),
    baselineNrsActivity: z.number().nullable(),
  }),
  ruleSet: z
    .object({
      id: z.string(),
      name: z.string(),
      version: z.number(),
      positiveThresholdPercent: z.number(),
      thresholdExclusive: z.boolean(),
    })
    .nullable(),
  procedures: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(PROCEDURE_KINDS),
      intent: z.enum(INTENTS),
      performedAt: z.string(),
      /** The block's verdict and its verdict per side in words ("Left positive (87.5%), right negative (12.5%)"). */
      verdict: z.enum(VERDICTS).optional(),
      sideSummary: z.string().optional(),
      /** Why the physician went ahead despite failing payer-rule checks, if they did. */
      overrideReason: z.string().nullable().optional(),
    }),
  ),
  scores: z.array(
    z.object({
      at: z.string(),
      score: z.number(),
      context: z.enum(PAIN_CONTEXTS),
      side: z.enum(['left', 'right']).nullable(),
      minutesAfter: z.number(),
      procedureId: z.string(),
      label: z.string(),
    }),
  ),
  stages: z.array(z.object({ stage: z.enum(STAGES), from: z.string(), to: z.string().nullable() })),
  functionScores: z.array(
    z.object({
      takenOn: z.string(),
      instrument: z.enum(FUNCTION_INSTRUMENTS),
      total: z.number().nullable(),
      band: z.string().nullable(),
    }),
  ),
});
export type PainTimeline = z.infer<typeof PainTimelineSchema>;

/** GET /episodes/:id/report: everything the payer documentation needs, in one read. */
export const EpisodeReportSchema = z.object({
  ...EpisodeRecordSchema.shape,
  generatedAt: z.string(),
  patient: PatientViewSchema,
  /** Every valid procedure, oldest first, with its diary and assessment. */
  blocks: z.array(
    z.object({
      procedure: ProcedureViewSchema,
      scores: z.array(PainScoreViewSchema),
      assessment: AssessmentViewSchema,
    }),
  ),
  checks: EpisodeChecksSchema,
});
export type EpisodeReport = z.infer<typeof EpisodeReportSchema>;
