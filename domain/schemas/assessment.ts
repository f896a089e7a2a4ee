import * as z from 'zod';
import { VERDICTS } from '../relief.ts';
import { PAIN_CONTEXTS } from '../relief.ts';
import { PainScoreViewSchema } from './procedures.ts';

const Verdict = z.enum(VERDICTS);
const Side = z.enum(['left', 'right']);
const SeriesKey = z.object({ context: z.enum(PAIN_CONTEXTS), side: Side.nullable() });

/** GET /procedures/:id/assessment (api.md): the block's verdict, one per side, and the rule set's threshold it was read against. */
export const AssessmentViewSchema = z.object({
  baseline: z.number().nullable(),
  peakReliefPercent: z.number().nullable(),
  reportedPeakReliefPercent: z.number().nullable(),
  reliefDurationMinutes: z.number().nullable(),
  verdict: Verdict,
  sides: z.array(
    z.object({
      side: Side,
      verdict: Verdict,
      peakReliefPercent: z.number().nullable(),
      reliefDurationMinutes: z.number().nullable(),
      series: SeriesKey.nullable(),
    }),
  ),
  summary: z.string(),
  confounded: z.boolean(),
  peakRestsOnLateEntries: z.boolean(),
  threshold: z.object({
    percent: z.number(),
    exclusive: z.boolean(),
    greyZoneLowerPercent: z.number().nullable(),
    label: z.string(),
  }),
  reasons: z.array(z.string()),
  primary: SeriesKey.nullable(),
  series: z.array(
    z.object({
      context: z.enum(PAIN_CONTEXTS),
      side: Side.nullable(),
      baseline: z.number().nullable(),
      points: z.array(
        z.object({
          minutesAfter: z.number(),
          score: z.number(),
          reliefPercent: z.number().nullable(),
          reportedReliefPercent: z.number().nullable(),
          late: z.boolean().optional(),
        }),
      ),
      peakReliefPercent: z.number().nullable(),
      peakAtMinutes: z.number().nullable(),
      reportedPeakReliefPercent: z.number().nullable(),
      reliefDurationMinutes: z.number().nullable(),
      verdict: Verdict,
      peakIsLateEntry: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
  comparative: z
    .object({
      previousProcedureId: z.string(),
      result: z.enum(['concordant', 'discordant', 'not-assessable', 'not-comparable']),
      reason: z.string(),
    })
    .nullable(),
  ruleSet: z.object({ id: z.string(), name: z.string(), version: z.number() }),
});

/** GET /procedures/:id/pain-scores: the diary, its schedule as of now (domain/diary.ts) and every score. */
export const PainDiarySchema = z.object({
  performedAt: z.string(),
  lateEntryMinutes: z.number(),
  schedule: z.array(
    z.object({ minutesAfter: z.number(), status: z.enum(['done', 'due', 'overdue', 'upcoming']) }),
  ),
  scores: z.array(PainScoreViewSchema),
});
export type PainDiary = z.infer<typeof PainDiarySchema>;
