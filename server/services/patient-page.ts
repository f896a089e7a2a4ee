import type { Kysely } from 'kysely';
import type { EpisodePage, PatientPage } from '../../domain/index.ts';
import { notFound } from '../http-problem.ts';
import type { Database } from '../db/schema.ts';
import { episodePatientId } from './clinical-rows.ts';
import { episodeChecks } from './episode-checks.ts';
import { episodeRecord } from './episode-record.ts';
import { painTimeline } from './episode-report.ts';
import { episodeViews } from './episode-views.ts';
import { patientEpisodeRows } from './episode-writes.ts';
import { episodePlanned } from './planned-procedure-records.ts';
import { plannedViews } from './planned-procedures.ts';
import { loadPatientView } from './patient-views.ts';
import { episodeRfaDurability } from './rfa-durability.ts';

/** "Now" for the page: the practice's zone and today's local date in it. */
export interface PageClock {
  timeZone: string;
  today: string;
}

/**
 * One episode's part of the patient page, read in the caller's transaction, each piece as its own
 * route gives it (issue 11: one call instead of five). Throws 404 for an unknown episode.
 */
export async function episodePage(
  tx: Kysely<Database>,
  episodeId: string,
  { timeZone, today }: PageClock,
): Promise<EpisodePage & { patientId: string }> {
  const { patientId } = await episodePatientId(tx, episodeId);
  const record = await episodeRecord(tx, episodeId, timeZone);
  const { ruleSet, checks, nextStep } = await episodeChecks(tx, episodeId, { timeZone });
  const { patientId: _, ...timeline } = await painTimeline(tx, episodeId);
  const planned = await plannedViews(tx, await episodePlanned(tx, episodeId), timeZone);
  return {
    patientId,
    record,
    checks: { ruleSet, checks, nextStep },
    painTimeline: timeline,
    plannedProcedures: planned,
    rfaDurability: await episodeRfaDurability(tx, episodeId, timeZone, today),
  };
}

/** The patient page on opening: the patient, their episodes, and the newest episode's page. */
export async function patientPage(
  tx: Kysely<Database>,
  patientId: string,
  clock: PageClock,
): Promise<PatientPage> {
  const patient = await loadPatientView(tx, patientId);
  if (!patient) throw notFound('The patient');
  const rows = await patientEpisodeRows(tx, patientId);
  const episodes = await episodeViews(tx, rows);
  const newest = episodes[0] ? await episodePage(tx, episodes[0].id, clock) : null;
  if (!newest) return { patient, episodes, newest: null };
  const { patientId: _, ...page } = newest;
  return { patient, episodes, newest: page };
}
