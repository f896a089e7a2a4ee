import type { Kysely } from 'kysely';
import { FACET_LEVELS, type Region } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http-problem.ts';

// Checks of a procedure's inputs. Booking (planned-procedures.ts) still repeats them while its rework
// is in flight on another branch; it should call these once that lands.

/** 400 with a field message per level that is not a facet level of the region (domain.md section 6). */
export function assertLevelsOfRegion(region: string, levels: readonly string[]): void {
  const allowed = FACET_LEVELS[region as Region];
  const wrong = levels
    .map((level, i) => ({ level, i }))
    .filter(({ level }) => !allowed.includes(level));
  if (wrong.length)
    throw badRequest(
      wrong.map(({ level, i }) => ({
        path: `levels.${i}`,
        message: `${level} is not a ${region} level (${allowed[0]} to ${allowed.at(-1)})`,
      })),
    );
}

/** 400 unless the user is a physician (only physicians perform procedures). */
export async function assertPhysician(tx: Kysely<Database>, userId: string): Promise<void> {
  const performer = await tx
    .selectFrom('users')
    .select('role')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (performer?.role !== 'physician')
    throw badRequest([{ path: 'performerId', message: 'The performer must be a physician' }]);
}
