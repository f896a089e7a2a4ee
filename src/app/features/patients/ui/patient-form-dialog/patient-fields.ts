import type { PatientView, Sex } from '@domain';
import {
  type DistanceUnit,
  DISTANCE_UNIT_LABELS,
  kmToUnit,
} from '../../data/distance-unit-store.ts';

/** Labels for sex as the form and the header show them. */
export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** The editable fields of a patient, with the label each carries in the form. */
export const PATIENT_FIELD_LABELS = {
  mrn: 'MRN',
  givenName: 'Given name',
  familyName: 'Family name',
  birthDate: 'Birth date',
  sex: 'Sex',
  phone: 'Phone',
  email: 'Email',
  runner: 'Runner',
  weeklyDistanceKm: 'Usual weekly distance',
} as const;
export type PatientField = keyof typeof PATIENT_FIELD_LABELS;

/** "32 km" or "19.9 miles" in the user's unit; null when there is no distance. */
export function distanceText(km: number | null, unit: DistanceUnit): string | null {
  return km === null ? null : `${kmToUnit(km, unit)} ${DISTANCE_UNIT_LABELS[unit]}`;
}

/** One field of a saved patient as text, for "their values" after a conflict. */
export function patientFieldText(
  patient: Pick<PatientView, PatientField>,
  field: PatientField,
  unit: DistanceUnit,
): string {
  switch (field) {
    case 'sex':
      return SEX_LABELS[patient.sex];
    case 'runner':
      return patient.runner ? 'Yes' : 'No';
    case 'weeklyDistanceKm':
      return distanceText(patient.weeklyDistanceKm, unit) ?? '—';
    default:
      return patient[field] ?? '—';
  }
}
