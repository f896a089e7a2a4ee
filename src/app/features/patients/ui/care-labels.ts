import type { Region, RunningStatus, Side, TherapyResponse } from '@domain';

/** Display labels for values the domain names in kebab-case; the domain owns the values. */
export const REGION_LABELS: Readonly<Record<Region, string>> = {
  cervical: 'Cervical',
  thoracic: 'Thoracic',
  lumbar: 'Lumbar',
};
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  left: 'left',
  right: 'right',
  bilateral: 'bilateral',
};
export const RESPONSE_LABELS: Readonly<Record<TherapyResponse, string>> = {
  none: 'No response',
  partial: 'Partial response',
  good: 'Good response',
};
export const RUNNING_STATUS_LABELS: Readonly<Record<RunningStatus, string>> = {
  yes: 'Running fully',
  partial: 'Running partly',
  no: 'Not running',
};

/** "pain-intensity" -> "Pain intensity": section names only, never questionnaire wording. */
export function sectionLabel(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A score scale 0..max, for toggle groups. */
export function scale(max: number): number[] {
  return Array.from({ length: max + 1 }, (_, i) => i);
}
