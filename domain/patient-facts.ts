/** Facts about a patient and an episode's intake (domain.md sections 1 and 5). */

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const REGIONS = ['cervical', 'thoracic', 'lumbar'] as const;
export type Region = (typeof REGIONS)[number];

export const SIDES = ['left', 'right', 'bilateral'] as const;
export type Side = (typeof SIDES)[number];

/** Intake checklist: signs that point to facet pain (domain.md section 1). */
export const FACET_SIGNS = {
  'axial-pain': 'Axial neck or low back pain',
  'one-sided': 'Often one-sided',
  'worse-activity': 'Worse with activity or standing',
  'worse-extension-rotation': 'Worse with extension or rotation',
  'better-rest': 'Better with rest',
  stiffness: 'Stiffness',
  'referral-above-knee': 'Referral to buttock, hip or thigh (not below the knee)',
  'joint-tenderness': 'Tenderness over the facet joints',
} as const;
export type FacetSign = keyof typeof FACET_SIGNS;

/** Suspected contributing causes (domain.md section 1). */
export const SUSPECTED_CAUSES = {
  'repetitive-load': 'Repetitive load',
  'running-form': 'Poor running form',
  'muscle-imbalance': 'Muscle imbalance (weak core, tight hamstrings or hip flexors)',
  degeneration: 'Degeneration',
  alignment: 'Alignment (scoliosis, leg-length difference)',
  overuse: 'Overuse (mileage increased too fast)',
} as const;
export type SuspectedCause = keyof typeof SUSPECTED_CAUSES;

export const RUNNING_STATUSES = ['yes', 'partial', 'no'] as const;
export type RunningStatus = (typeof RUNNING_STATUSES)[number];

export const KM_PER_MILE = 1.609344;

/** Whole years between a birth date and a day (both YYYY-MM-DD), as a clinician states an age. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whole months from onset to a day: the ">= 3 months of pain" indication (domain.md section 4). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Lower-case, accents removed: how names and MRNs are matched in search. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
