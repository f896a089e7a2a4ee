import * as z from 'zod';
import { THERAPY_KINDS, THERAPY_RESPONSES } from '../conservative-care.ts';
import { FUNCTION_INSTRUMENTS, INSTRUMENT_SECTIONS, scoreFunction } from '../function-scores.ts';
import { STAGES } from '../pathway.ts';
import {
  FACET_SIGNS,
  REGIONS,
  RUNNING_STATUSES,
  SIDES,
  SUSPECTED_CAUSES,
} from '../patient-facts.ts';
import { OTHER_CAUSES, RADICULOPATHY } from '../indication-checks.ts';
import { IdSchema, plainString, textField, VersionSchema } from './primitives.ts';
import { dateField, pastDateField } from './dates.ts';

/** A pain score on the 0-10 NRS: integers only, never a range (domain.md section 2). */
export const NrsSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'Pain score is required'
        : 'Pain score must be a whole number from 0 to 10',
  })
  .int('Pain score must be a whole number from 0 to 10')
  .min(0, 'Pain score must be a whole number from 0 to 10')
  .max(10, 'Pain score must be a whole number from 0 to 10');

const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Intake facts that exclude facet interventions (domain.md section 4 indication); null = not recorded yet. */
const IntakeExclusionsShape = {
  radiculopathy: z
    .enum(RADICULOPATHY, { error: 'Radiculopathy must be none, treated or untreated' })
    .nullish()
    .transform((v) => v ?? null),
  otherCause: z
    .enum(OTHER_CAUSES, { error: 'Other cause must be none, fracture, tumor, infection or other' })
    .nullish()
    .transform((v) => v ?? null),
};
/** PUT /episodes/:id/intake-exclusions: record them later, with the episode's version. */
export const IntakeExclusionsSchema = z.object({
  version: VersionSchema,
  ...IntakeExclusionsShape,
});

/** POST /patients/:id/episodes (api.md). */
export const EpisodeCreateSchema = z.object({
  region: z.enum(REGIONS, { error: 'Region must be cervical, thoracic or lumbar' }),
  side: z.enum(SIDES, { error: 'Side must be left, right or bilateral' }),
  onsetDate: pastDateField('Onset date'),
  indexPain: textField('Index pain description', 500),
  signs: z
    .array(z.enum(keysOf(FACET_SIGNS), { error: 'Unknown facet sign' }))
    .max(20)
    .default([]),
  causes: z
    .array(z.enum(keysOf(SUSPECTED_CAUSES), { error: 'Unknown suspected cause' }))
    .max(20)
    .default([]),
  baselineNrsRest: NrsSchema.nullish().transform((v) => v ?? null),
  baselineNrsActivity: NrsSchema.nullish().transform((v) => v ?? null),
  ...IntakeExclusionsShape,
  ruleSetId: IdSchema.nullish(),
});
export type EpisodeCreate = z.input<typeof EpisodeCreateSchema>;

export const StageChangeViewSchema = z.object({
  id: z.string(),
  from: z.enum(STAGES).nullable(),
  to: z.enum(STAGES),
  reason: z.string().nullable(),
  at: z.string(),
  byId: z.string(),
  byName: z.string(),
});

export const EpisodeViewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  region: z.enum(REGIONS),
  side: z.enum(SIDES),
  onsetDate: z.string(),
  indexPain: z.string(),
  signs: z.array(z.string()),
  causes: z.array(z.string()),
  baselineNrsRest: z.number().nullable(),
  baselineNrsActivity: z.number().nullable(),
  radiculopathy: z.enum(RADICULOPATHY).nullable(),
  otherCause: z.enum(OTHER_CAUSES).nullable(),
  stage: z.enum(STAGES),
  ruleSetId: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  version: z.number(),
  stageHistory: z.array(StageChangeViewSchema),
});
export type EpisodeView = z.infer<typeof EpisodeViewSchema>;

/** POST /episodes/:id/stage */
export const StageMoveSchema = z.object({
  version: VersionSchema,
  to: z.enum(STAGES, { error: 'Unknown stage' }),
  reason: textField('Reason', 500, 0).nullish(),
});

/** POST /episodes/:id/therapies (api.md). */
export const TherapyCreateSchema = z
  .object({
    kind: z.enum(THERAPY_KINDS, { error: 'Choose a kind of therapy' }),
    startDate: pastDateField('Start date'),
    endDate: dateField('End date')
      .nullish()
      .transform((v) => v ?? null),
    response: z
      .enum(THERAPY_RESPONSES, { error: 'Response must be none, partial or good' })
      .nullish()
      .transform((v) => v ?? null),
    notes: textField('Notes', 1000, 0)
      .nullish()
      .transform((v) => v || null),
  })
  .refine((t) => !t.endDate || t.endDate >= t.startDate, {
    message: 'End date must be on or after the start date',
    path: ['endDate'],
  });
export type TherapyCreate = z.input<typeof TherapyCreateSchema>;

export const TherapyViewSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  kind: z.enum(THERAPY_KINDS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  response: z.enum(THERAPY_RESPONSES).nullable(),
  notes: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  version: z.number(),
  enteredInError: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).nullable(),
});
export type TherapyView = z.infer<typeof TherapyViewSchema>;

/** Marking a record entered-in-error instead of deleting it (design.md, Data). */
export const EnteredInErrorSchema = z.object({
  version: VersionSchema,
  reason: textField('Reason', 500),
});
export type EnteredInError = z.input<typeof EnteredInErrorSchema>;

const SectionScore = z
  .number({ error: 'Section scores must be whole numbers from 0 to 5' })
  .int('Section scores must be whole numbers from 0 to 5')
  .min(0, 'Section scores must be whole numbers from 0 to 5')
  .max(5, 'Section scores must be whole numbers from 0 to 5');

/**
 * POST /episodes/:id/function-scores: section scores by section name only (no copyrighted text).
 * Every key must be a section of the instrument, and enough sections must be answered for a total.
 */
export const FunctionScoreCreateSchema = z
  .object({
    instrument: z.enum(FUNCTION_INSTRUMENTS, { error: 'Choose ODI or NDI' }),
    takenOn: pastDateField('Date'),
    sections: z.record(plainString('Section', 40), SectionScore.nullable()),
  })
  .superRefine((value, ctx) => {
    // Zod runs this even when a field above failed; score only what passed (a score of 30 made a 500).
    if (
      !INSTRUMENT_SECTIONS[value.instrument] ||
      typeof value.sections !== 'object' ||
      value.sections === null
    )
      return;
    if (Object.values(value.sections).some((v) => v !== null && !SectionScore.safeParse(v).success))
      return;
    const names = INSTRUMENT_SECTIONS[value.instrument];
    for (const key of Object.keys(value.sections)) {
      if (!names.includes(key))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', key],
          message: `"${key}" is not a section of this questionnaire`,
        });
    }
    // Structure only here: the fewest answered sections is the episode's rule-set setting (checked by the server).
    const result = scoreFunction(value.instrument, value.sections, 1);
    if (!result.assessable)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: result.reason });
  });

export const FunctionScoreViewSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  instrument: z.enum(FUNCTION_INSTRUMENTS),
  takenOn: z.string(),
  sections: z.record(z.string(), z.number().nullable()),
  total: z.number().nullable(),
  band: z.string().nullable(),
  answered: z.number(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  version: z.number(),
  enteredInError: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).nullable(),
});
export type FunctionScoreView = z.infer<typeof FunctionScoreViewSchema>;

/** POST /episodes/:id/running: return to running. */
export const RunningCheckCreateSchema = z.object({
  takenOn: pastDateField('Date'),
  status: z.enum(RUNNING_STATUSES, { error: 'Return to running must be yes, partial or no' }),
  weeklyDistanceKm: z
    .number({ error: 'Weekly distance must be a number' })
    .min(0, 'Weekly distance cannot be negative')
    .max(500, 'Weekly distance must be at most 500 km')
    .nullish()
    .transform((v) => v ?? null),
});

const ErrorMarkSchema = z
  .object({ reason: z.string(), at: z.string(), byName: z.string() })
  .nullable();

/** One return-to-running check as the API shows it. */
export const RunningCheckViewSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  takenOn: z.string(),
  status: z.enum(RUNNING_STATUSES),
  weeklyDistanceKm: z.number().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  version: z.number(),
  enteredInError: ErrorMarkSchema,
});
export type RunningCheckView = z.infer<typeof RunningCheckViewSchema>;

/** GET /episodes/:id/record: everything recorded on an episode, conservative care measured against its rule set. */
export const EpisodeRecordSchema = z.object({
  episode: EpisodeViewSchema,
  therapies: z.array(TherapyViewSchema),
  functionScores: z.array(FunctionScoreViewSchema),
  runningChecks: z.array(RunningCheckViewSchema),
  conservativeCare: z.object({
    days: z.number(),
    minimumDays: z.number(),
    met: z.boolean(),
    ruleSetName: z.string(),
  }),
});
export type EpisodeRecord = z.infer<typeof EpisodeRecordSchema>;
