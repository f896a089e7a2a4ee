import type { Kysely, Selectable } from 'kysely';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { createFollowUps } from './follow-ups.ts';
import { performPlanned } from './planned-procedures.ts';
import { practiceTimeZone } from './practice-settings.ts';
import { loadProcedure } from './procedure-data.ts';

/**
 * What recording a procedure sets in motion (issue 12): the booking it performs becomes performed
 * (its baseline moves over), and its follow-ups are scheduled from the episode's rule set.
 */
export async function afterProcedureRecorded(
  tx: Kysely<Database>,
  procedure: Selectable<ProceduresTable>,
  plannedProcedureId: string | null,
  byUser: string,
): Promise<void> {
  if (plannedProcedureId) await performPlanned(tx, plannedProcedureId, procedure);
  const { ruleSet } = await loadProcedure(tx, String(procedure.id));
  await createFollowUps(tx, procedure, ruleSet.settings, await practiceTimeZone(tx), byUser);
}
