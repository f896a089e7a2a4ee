import * as z from 'zod';
import { IdSchema, textField } from './primitives.ts';
import { FollowUpSettingsShape } from './follow-ups.ts';

const pct = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} must be from 0 to 100`)
    .max(100, `${label} must be from 0 to 100`);
const wholeMin = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max}`);

/** Rule-set settings an admin may edit (domain/rule-sets.ts RuleSetSettings), with sane bounds. */
export const RuleSetSettingsSchema = z
  .object({
    positiveThresholdPercent: pct('Positive threshold'),
    thresholdExclusive: z.boolean({ error: 'Say whether the threshold itself counts' }),
    greyZoneLowerPercent: pct('Grey-zone lower edge').nullable(),
    blocksRequiredBeforeRfa: wholeMin('Blocks required before RFA', 4),
    anestheticPhaseMinutes: wholeMin('Anesthetic phase (minutes)', 48 * 60).min(
      15,
      'Anesthetic phase must be at least 15 minutes',
    ),
    minDaysBetweenBlocks: wholeMin('Days between blocks', 365),
    conservativeCareMinDays: wholeMin('Conservative care (days)', 730),
    conservativeCareWindowMonths: wholeMin('Conservative-care window (months)', 60)
      .min(1, 'The conservative-care window must be at least 1 month')
      .nullable()
      .default(null),
    minAnsweredSections: wholeMin('Answered ODI/NDI sections', 10)
      .min(1, 'At least 1 answered section')
      .default(8),
    diaryMinutes: z
      .array(
        wholeMin('Diary time point', 400 * 1440).min(
          1,
          'Diary time points must be after the block',
        ),
      )
      .min(1, 'Give at least one diary time point')
      .max(60, 'At most 60 diary time points')
      .refine((v) => new Set(v).size === v.length, 'Diary time points must differ'),
    lateEntryMinutes: wholeMin('Late-entry threshold (minutes)', 30 * 1440).min(
      1,
      'Late-entry threshold must be at least 1 minute',
    ),
    moderatePainMinNrs: wholeMin('Moderate pain from NRS', 10),
    maxDiagnosticSessionsPer12Months: wholeMin('Diagnostic sessions per 12 months', 24),
    maxTherapeuticIaSessionsPer12Months: wholeMin('Therapeutic IA sessions per 12 months', 24),
    maxRfaSessionsPer12Months: wholeMin('RFA sessions per 12 months', 12),
    ...FollowUpSettingsShape,
  })
  .refine(
    (s) =>
      s.conservativeCareWindowMonths === null ||
      s.conservativeCareMinDays <= s.conservativeCareWindowMonths * 31,
    {
      message: 'The conservative-care days must fit in its window',
      path: ['conservativeCareMinDays'],
    },
  )
  .refine(
    (s) => s.greyZoneLowerPercent === null || s.greyZoneLowerPercent < s.positiveThresholdPercent,
    {
      message: 'The grey zone must start below the positive threshold',
      path: ['greyZoneLowerPercent'],
    },
  );

export const RuleSetViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  version: z.number(),
  builtIn: z.boolean(),
  source: z.string().nullable(),
  isDefault: z.boolean(),
  isLatest: z.boolean(),
  createdAt: z.string(),
  positiveThresholdPercent: z.number(),
  settings: RuleSetSettingsSchema,
});
export type RuleSetView = z.infer<typeof RuleSetViewSchema>;

/** POST /rule-sets: copy an existing rule set under a new name (version 1 of a practice rule set). */
export const RuleSetCopySchema = z.object({ fromId: IdSchema, name: textField('Name', 80) });
/** POST /rule-sets/:id/versions: a new version of a practice rule set with edited settings. */
export const RuleSetVersionSchema = z.object({ settings: RuleSetSettingsSchema });
/** PUT /practice-settings/default-rule-set */
export const DefaultRuleSetSchema = z.object({ ruleSetId: IdSchema });
