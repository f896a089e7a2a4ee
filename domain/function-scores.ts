/**
 * Function (disability) questionnaires, domain.md section 5. Only section names and section scores
 * 0-5 are stored: the question wording is copyrighted and is never reproduced.
 */
export const ODI_SECTIONS = [
  'pain-intensity',
  'personal-care',
  'lifting',
  'walking',
  'sitting',
  'standing',
  'sleeping',
  'sex-life',
  'social-life',
  'travelling',
] as const;
export const NDI_SECTIONS = [
  'pain-intensity',
  'personal-care',
  'lifting',
  'reading',
  'headaches',
  'concentration',
  'work',
  'driving',
  'sleeping',
  'recreation',
] as const;

export const FUNCTION_INSTRUMENTS = ['odi', 'ndi'] as const;
export type FunctionInstrument = (typeof FUNCTION_INSTRUMENTS)[number];

export const INSTRUMENT_SECTIONS: Readonly<Record<FunctionInstrument, readonly string[]>> = {
  odi: ODI_SECTIONS,
  ndi: NDI_SECTIONS,
};
export const INSTRUMENT_LABELS: Readonly<Record<FunctionInstrument, string>> = {
  odi: 'Oswestry Disability Index (ODI)',
  ndi: 'Neck Disability Index (NDI)',
};

/** Section name -> score 0-5, or null/absent when the patient skipped it. */
export type SectionScores = Readonly<Record<string, number | null | undefined>>;

/** Fewest answered sections for a usable total. Not fixed by domain.md: a conservative default. */
export const MIN_SECTIONS_ANSWERED = 8;

export type FunctionScoreResult =
  | {
      assessable: true;
      total: number;
      unit: '%' | 'points';
      band: string;
      answered: number;
      percent: number;
    }
  | { assessable: false; answered: number; reason: string };

function answeredScores(instrument: FunctionInstrument, sections: SectionScores): number[] {
  return INSTRUMENT_SECTIONS[instrument]
    .map((name) => sections[name])
    .filter((v): v is number => typeof v === 'number');
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** ODI bands, domain.md section 5 [37]. */
const ODI_BANDS: [number, string][] = [
  [20, 'minimal'],
  [40, 'moderate'],
  [60, 'severe'],
  [80, 'crippled'],
  [100, 'bed-bound'],
];
/** NDI bands on the raw 0-50 score, domain.md section 5 [39]. */
const NDI_BANDS: [number, string][] = [
  [4, 'none'],
  [14, 'mild'],
  [24, 'moderate'],
  [34, 'severe'],
  [50, 'complete'],
];

function bandOf(bands: [number, string][], value: number): string {
  // Bands are whole-number ranges ("> 34 complete"): a fractional score past an upper edge is in the next band.
  return bands.find(([upper]) => value <= upper)![1];
}

/**
 * Scores an ODI or NDI from its section scores.
 * ODI: sum / (5 x sections answered) x 100, a percentage. NDI: raw 0-50, a skipped item takes the mean
 * of the answered ones (x2 = percent).
 */
export function scoreFunction(
  instrument: FunctionInstrument,
  sections: SectionScores,
  minAnswered = MIN_SECTIONS_ANSWERED,
): FunctionScoreResult {
  const scores = answeredScores(instrument, sections);
  const answered = scores.length;
  if (answered < minAnswered) {
    return {
      assessable: false,
      answered,
      reason: `Only ${answered} of 10 sections answered; at least ${minAnswered} are needed for a total.`,
    };
  }
  const sum = scores.reduce((a, b) => a + b, 0);
  if (instrument === 'odi') {
    const percent = round1((sum / (5 * answered)) * 100);
    return {
      assessable: true,
      total: percent,
      unit: '%',
      band: bandOf(ODI_BANDS, percent),
      answered,
      percent,
    };
  }
  const raw = round1((sum / answered) * 10); // mean imputation for skipped items
  return {
    assessable: true,
    total: raw,
    unit: 'points',
    band: bandOf(NDI_BANDS, raw),
    answered,
    percent: round1(raw * 2),
  };
}

/** Meaningful improvement: ODI about 8 points or 18% relative reduction [38]; NDI 5 points [39]. */
export function isMeaningfulImprovement(
  instrument: FunctionInstrument,
  before: number,
  after: number,
): boolean {
  const drop = before - after;
  if (instrument === 'odi') return drop >= 8 || (before > 0 && drop / before >= 0.18);
  return drop >= 5;
}
