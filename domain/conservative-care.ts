/** Conservative care (domain.md section 1): what was tried, for how long, and how it worked. */
export const THERAPY_KINDS = [
  'rest',
  'cross-training',
  'physical-therapy',
  'stretching',
  'nsaids',
  'ice-heat',
  'running-form',
  'mileage-reduction',
  'other',
] as const;
export type TherapyKind = (typeof THERAPY_KINDS)[number];

export const THERAPY_LABELS: Readonly<Record<TherapyKind, string>> = {
  rest: 'Rest and recovery',
  'cross-training': 'Cross-training (swimming, cycling)',
  'physical-therapy': 'Physical therapy',
  stretching: 'Stretching, yoga, foam rolling',
  nsaids: 'Anti-inflammatory medication (NSAIDs)',
  'ice-heat': 'Ice or heat',
  'running-form': 'Running-form coaching',
  'mileage-reduction': 'Mileage reduction',
  other: 'Other',
};

export const THERAPY_RESPONSES = ['none', 'partial', 'good'] as const;
export type TherapyResponse = (typeof THERAPY_RESPONSES)[number];

/** A therapy's dates as calendar dates (YYYY-MM-DD); no end date means ongoing. */
export interface TherapyPeriod {
  startDate: string;
  endDate?: string | null;
  /** Therapies marked entered-in-error do not count. */
  enteredInError?: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Days of conservative care up to `asOf`, counting each calendar day once however many therapies
 * overlap on it; start and end days both count, an ongoing therapy runs to `asOf`, and days after
 * `asOf` are not counted.
 */
export function conservativeCareDays(therapies: readonly TherapyPeriod[], asOf: string): number {
  const limit = dayNumber(asOf);
  const spans = therapies
    .filter((t) => !t.enteredInError)
    .map(
      (t) =>
        [
          dayNumber(t.startDate),
          Math.min(t.endDate ? dayNumber(t.endDate) : limit, limit),
        ] as const,
    )
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredTo = -Infinity; // last day already counted
  for (const [start, end] of spans) {
    const from = Math.max(start, coveredTo + 1);
    if (end >= from) total += end - from + 1;
    coveredTo = Math.max(coveredTo, end);
  }
  return total;
}

/** Whether the conservative care tried meets a rule set's minimum (a per-rule-set setting, domain.md section 4). */
export function meetsConservativeCareMinimum(
  therapies: readonly TherapyPeriod[],
  asOf: string,
  minimumDays: number,
): { met: boolean; days: number; minimumDays: number } {
  const days = conservativeCareDays(therapies, asOf);
  return { met: days >= minimumDays, days, minimumDays };
}
