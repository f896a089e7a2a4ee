/**
 * Rule sets: named, versioned settings that interpretation and payer checks read (domain.md sections
 * 3 and 4). Figures domain.md marks as unverified or per payer are settings here, never constants in
 * the rules themselves.
 */
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from './follow-ups.ts';

export interface RuleSetSettings extends FollowUpSettings {
  /** Relief (%) at or above which a diagnostic block is positive (strictly above when `thresholdExclusive`). */
  positiveThresholdPercent: number;
  /** True when the threshold itself is not enough ("> 50%", cervical consensus 2021). */
  thresholdExclusive: boolean;
  /** Lower edge (%) of the grey zone below the threshold; null when the rule set has none. */
  greyZoneLowerPercent: number | null;
  /** Diagnostic blocks (each positive) needed before RFA. */
  blocksRequiredBeforeRfa: number;
  /** Anesthetic phase in which peak relief is read (default first 8 h, domain.md section 2). */
  anestheticPhaseMinutes: number;
  /** Minimum days between the first and second diagnostic block (LCD: 2 weeks). */
  minDaysBetweenBlocks: number;
  /** Conservative care needed before interventions: a per-rule-set setting (domain.md section 4). */
  conservativeCareMinDays: number;
  /** Months before the first procedure in which that conservative care must fall ("6 weeks within 6 months"); null = any time. */
  conservativeCareWindowMonths: number | null;
  /** Fewest answered ODI/NDI sections for a usable total (not fixed by domain.md section 5: a setting). */
  minAnsweredSections: number;
  /** Post-block diary time points, minutes after the block (domain.md section 2). */
  diaryMinutes: number[];
  /** A diary score entered this many minutes or more after the time it describes is flagged late (section 2). */
  lateEntryMinutes: number;
  /** Lowest baseline NRS counted as moderate-to-severe pain for the indication (not fixed by domain.md: a setting). */
  moderatePainMinNrs: number;
  /** Caps per region per rolling 12 months (domain.md section 4). */
  maxDiagnosticSessionsPer12Months: number;
  maxTherapeuticIaSessionsPer12Months: number;
  maxRfaSessionsPer12Months: number;
}

export interface RuleSetDefinition {
  /** Stable key of a built-in rule set; a practice's copy gets its own. */
  key: string;
  name: string;
  version: number;
  source: string;
  settings: RuleSetSettings;
}

const HOUR = 60;
const DAY = 24 * HOUR;
/** Default diary: 15, 30, 45, 60 min; hourly to 8 h; 24 h; daily to day 14 (domain.md section 2). */
export const DEFAULT_DIARY_MINUTES: number[] = [
  15,
  30,
  45,
  60,
  ...[2, 3, 4, 5, 6, 7, 8].map((h) => h * HOUR),
  DAY,
  ...Array.from({ length: 13 }, (_, i) => (i + 2) * DAY),
];

const COMMON = {
  anestheticPhaseMinutes: 8 * HOUR,
  lateEntryMinutes: 2 * HOUR, // not fixed by domain.md: a setting
  moderatePainMinNrs: 4,
  minAnsweredSections: 8, // not fixed by domain.md section 5: a conservative default
  maxDiagnosticSessionsPer12Months: 4, // domain.md section 4 [3][12]
  maxTherapeuticIaSessionsPer12Months: 4,
  maxRfaSessionsPer12Months: 2,
  ...DEFAULT_FOLLOW_UP_SETTINGS, // follow-up points, window and attempts (domain/follow-ups.ts)
} as const;

/** The built-in rule sets (domain.md section 3 table). */
export const BUILT_IN_RULE_SETS: readonly RuleSetDefinition[] = [
  {
    key: 'medicare-lcd',
    name: 'Medicare LCD',
    version: 1,
    source: 'Medicare LCD "Facet Joint Interventions for Pain Management" [6][1][15]',
    settings: {
      ...COMMON,
      diaryMinutes: [...DEFAULT_DIARY_MINUTES],
      positiveThresholdPercent: 80,
      thresholdExclusive: false,
      greyZoneLowerPercent: 50, // 50-79% is a grey zone under the LCD, not negative (domain.md section 3)
      blocksRequiredBeforeRfa: 2,
      minDaysBetweenBlocks: 14,
      conservativeCareMinDays: 42, // payers use 4 weeks, 6 weeks within 6 months or 3 months: a setting [53][54]
      conservativeCareWindowMonths: 6,
    },
  },
  {
    key: 'lumbar-consensus-2020',
    name: 'Lumbar consensus 2020',
    version: 1,
    source: 'Cohen et al. 2020 [16]',
    settings: {
      ...COMMON,
      diaryMinutes: [...DEFAULT_DIARY_MINUTES],
      positiveThresholdPercent: 50,
      thresholdExclusive: false,
      greyZoneLowerPercent: null,
      blocksRequiredBeforeRfa: 1,
      minDaysBetweenBlocks: 0,
      conservativeCareMinDays: 90,
      conservativeCareWindowMonths: null,
    },
  },
  {
    key: 'cervical-consensus-2021',
    name: 'Cervical consensus 2021',
    version: 1,
    source: 'Hurley et al. 2021 [17]',
    settings: {
      ...COMMON,
      diaryMinutes: [...DEFAULT_DIARY_MINUTES],
      positiveThresholdPercent: 50,
      thresholdExclusive: true,
      greyZoneLowerPercent: null,
      blocksRequiredBeforeRfa: 1,
      minDaysBetweenBlocks: 0,
      conservativeCareMinDays: 90,
      conservativeCareWindowMonths: null,
    },
  },
  {
    key: 'asipp',
    name: 'ASIPP',
    version: 1,
    source: 'ASIPP guidance [23]',
    settings: {
      ...COMMON,
      diaryMinutes: [...DEFAULT_DIARY_MINUTES],
      positiveThresholdPercent: 75,
      thresholdExclusive: false,
      greyZoneLowerPercent: null,
      blocksRequiredBeforeRfa: 2,
      minDaysBetweenBlocks: 0,
      conservativeCareMinDays: 90,
      conservativeCareWindowMonths: null,
    },
  },
];

/** The rule set a new US practice starts with (domain.md section 3: Medicare LCD is the default). */
export const DEFAULT_RULE_SET_KEY = 'medicare-lcd';
