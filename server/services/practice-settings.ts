import type { Kysely } from 'kysely';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../domain/calendar.ts';
import type { PracticeSettingsView } from '../../domain/schemas/practice-settings.ts';
import type { Database } from '../db/schema.ts';

const TIME_ZONE_KEY = 'timeZone';

let serverZone: string | undefined;

/** The zone this server runs in (TZ, else the system's), used until an admin picks the practice's. */
export function serverTimeZone(): string {
  // Read once: resolving it costs more than the rest of a request's date work.
  serverZone ??= (() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  })();
  return serverZone;
}

/** The practice settings as the API shows them. */
export async function practiceSettings(db: Kysely<Database>): Promise<PracticeSettingsView> {
  const row = await db
    .selectFrom('practice_settings')
    .select('value')
    .where('key', '=', TIME_ZONE_KEY)
    .executeTakeFirst();
  const chosen = typeof row?.value === 'string' && isTimeZone(row.value) ? row.value : null;
  return { timeZone: chosen ?? serverTimeZone(), timeZoneIsDefault: chosen === null };
}

/** The practice's IANA time zone: every payer date, "today" and window edge is local to it. */
export async function practiceTimeZone(db: Kysely<Database>): Promise<string> {
  return (await practiceSettings(db)).timeZone;
}

/** Stores one practice setting as JSON (call inside the transaction that audits the change). */
export async function savePracticeSetting(
  tx: Kysely<Database>,
  key: string,
  setting: unknown,
  userId: string,
): Promise<void> {
  const value = JSON.stringify(setting);
  await tx
    .insertInto('practice_settings')
    .values({ key, value, updated_by: userId })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** Stores the practice's time zone (call inside the transaction that audits the change). */
export function savePracticeTimeZone(
  tx: Kysely<Database>,
  timeZone: string,
  userId: string,
): Promise<void> {
  return savePracticeSetting(tx, TIME_ZONE_KEY, timeZone, userId);
}
