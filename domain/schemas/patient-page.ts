import * as z from 'zod';
import { EpisodeRecordSchema, EpisodeViewSchema } from './episodes.ts';
import { DurabilitySchema, PlannedProcedureViewSchema } from './follow-ups.ts';
import { PatientViewSchema } from './patients.ts';
import { EpisodeChecksSchema, PainTimelineSchema } from './reports.ts';

/**
 * Everything the patient page shows of one episode, in one answer (issue 11: the page made eight
 * calls, each with its own session check, transaction and audit event): its record, payer checks
 * and next step, pain timeline, bookings and RFA durability, as the separate routes give them.
 */
export const EpisodePageSchema = z.object({
  record: EpisodeRecordSchema,
  checks: EpisodeChecksSchema,
  painTimeline: PainTimelineSchema,
  plannedProcedures: z.array(PlannedProcedureViewSchema),
  rfaDurability: DurabilitySchema,
});
export type EpisodePage = z.infer<typeof EpisodePageSchema>;

/** The patient page on opening: the patient, their episodes (newest first), and the newest one's page. */
export const PatientPageSchema = z.object({
  patient: PatientViewSchema,
  episodes: z.array(EpisodeViewSchema),
  newest: EpisodePageSchema.nullable(),
});
export type PatientPage = z.infer<typeof PatientPageSchema>;
