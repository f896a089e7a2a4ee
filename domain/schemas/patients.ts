import * as z from 'zod';
import { STAGES } from '../pathway.ts';
import { SEXES } from '../patient-facts.ts';
import { PageQuerySchema, plainString, textField, VersionSchema } from './primitives.ts';
import { pastDateField } from './dates.ts';

const optionalText = (label: string, max: number) =>
  textField(label, max, 0)
    .nullish()
    .transform((v) => (v ? v : null));

/** The editable fields of a patient (api.md: POST /patients). */
const PatientFields = z.object({
  mrn: textField('MRN', 20).regex(/^[A-Za-z0-9-]+$/, 'MRN may use letters, digits and dashes only'),
  givenName: textField('Given name', 100),
  familyName: textField('Family name', 100),
  birthDate: pastDateField('Birth date').refine(
    (d) => d >= '1900-01-01',
    'Birth date must be in 1900 or later',
  ),
  sex: z.enum(SEXES, { error: 'Choose the patient’s sex' }),
  phone: optionalText('Phone', 30).refine(
    (v) => v === null || /^[0-9+() .-]{5,30}$/.test(v),
    'Phone may use digits, spaces and + ( ) . - only',
  ),
  email: optionalText('Email', 254).refine(
    (v) => v === null || z.email().safeParse(v).success,
    'Email must be an address like name@example.org',
  ),
  /** Runner: usual weekly distance, stored in km (the UI shows km or miles, a user setting). */
  runner: z.boolean({ error: 'Runner must be true or false' }),
  weeklyDistanceKm: z
    .number({ error: 'Weekly distance must be a number' })
    .min(0, 'Weekly distance cannot be negative')
    .max(500, 'Weekly distance must be at most 500 km')
    .nullish()
    .transform((v) => v ?? null),
});

export const PatientCreateSchema = PatientFields.extend({
  runner: PatientFields.shape.runner.default(false),
});
export type PatientCreate = z.input<typeof PatientCreateSchema>;

/** PATCH /patients/:id: any field, plus the version read. No defaults: an absent field stays as it is. */
export const PatientUpdateSchema = PatientFields.partial().extend({ version: VersionSchema });
export type PatientUpdate = z.input<typeof PatientUpdateSchema>;

export const PatientViewSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  runner: z.boolean(),
  weeklyDistanceKm: z.number().nullable(),
  /** Stage of the most recently opened episode, if any. */
  currentStage: z.enum(STAGES).nullable(),
  /** The latest procedure (not entered in error), whose pain diary search results link to directly. */
  latestProcedureId: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type PatientView = z.infer<typeof PatientViewSchema>;

export const PATIENT_SORTS = ['name', 'mrn', 'birthDate', 'updated'] as const;

export const PatientListQuerySchema = PageQuerySchema.extend({
  q: plainString('Search', 100).optional(),
  stage: z.enum(STAGES, { error: 'Unknown stage' }).optional(),
  sort: z
    .enum(PATIENT_SORTS, { error: `Sort must be one of: ${PATIENT_SORTS.join(', ')}` })
    .default('name'),
  dir: z.enum(['asc', 'desc'], { error: 'Direction must be asc or desc' }).default('asc'),
});
export type PatientListQuery = z.input<typeof PatientListQuerySchema>;
