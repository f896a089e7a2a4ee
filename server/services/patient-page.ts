import type { Kysely } from 'kysely';
import type { EpisodePage, PatientPage } from '../../domain/index.ts';
import { notFound } from '../http-problem.ts';
import { allSettledOrThrow, concurrently } from '../db/concurrent.ts';
import type { Database } from '../db/schema.ts';
import { episodePatientId } from './clinical-rows.ts';
import { episodeChecks } from './episode-checks.ts';
import { episodeRecord } from './episode-record.ts';
import { painTimeline } from './episode-report.ts';
import { episodeViews } from './episode-views.ts';
import { episodeRowsOf } from './episode-writes.ts';
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
 * One episode's part of the patient page, each piece as its own route gives it (issue 11: one call
 * instead of five), read on `db` (a handle from `concurrently`): the pieces are independent, so
 * they are read side by side and their statements share round trips.
 */
async function episodePieces(
  db: Kysely<Database>,
  episodeId: string,
  { timeZone, today }: PageClock,
): Promise<EpisodePage> {
  const [record, { ruleSet, checks, nextStep }, { patientId: _, ...timeline }, planned, rfa] =
    await allSettledOrThrow([
      episodeRecord(db, episodeId, timeZone),
      episodeChecks(db, episodeId, { timeZone }),
      painTimeline(db, episodeId),
      episodePlanned(db, episodeId).then((rows) => plannedViews(db, rows, timeZone)),
      episodeRfaDurability(db, episodeId, timeZone, today),
    ]);
  return {
    record,
    checks: { ruleSet, checks, nextStep },
    painTimeline: timeline,
    plannedProcedures: planned,
    rfaDurability: rfa,
  };
}

/** One episode's part of the patient page, read on the caller's connection. Throws 404 for an unknown episode. */
export async function episodePage(
  connection: Kysely<Database>,
  episodeId: string,
  clock: PageClock,
): Promise<EpisodePage & { patientId: string }> {
  return concurrently(connection, async (db) => {
    const [{ patientId }, page] = await allSettledOrThrow([
      episodePatientId(db, episodeId),
      episodePieces(db, episodeId, clock),
    ]);
    return { patientId, ...page };
  });
}

/** The patient page on opening: the patient, their episodes, and the newest episode's page. */
export async function patientPage(
  connection: Kysely<Database>,
  patientId: string,
  clock: PageClock,
): Promise<PatientPage> {
  return concurrently(connection, async (db) => {
    const [patient, rows] = await allSettledOrThrow([
      loadPatientView(db, patientId),
      episodeRowsOf(db, patientId),
    ]);
    if (!patient) throw notFound('The patient');
    const newestId = rows[0] ? String(rows[0].id) : null;
    const [episodes, newest] = await allSettledOrThrow([
      episodeViews(db, rows),
      newestId ? episodePieces(db, newestId, clock) : Promise.resolve(null),
    ]);
    return { patient, episodes, newest };
  });
}
