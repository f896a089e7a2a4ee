/**
 * The patient's own diary link (issue 15): when it expires, whether it still opens the diary, and
 * which time points the patient's page offers. Pure rules; the server stores only the token's hash.
 */

/** What a link is at a given moment. */
export type DiaryLinkStatus = 'active' | 'revoked' | 'expired';

/**
 * A link lasts until the diary's last time point plus a grace period (a setting), so a patient who
 * rates day 14 in the evening is not locked out; the baseline (taken at the clinic) adds nothing.
 */
export function diaryLinkExpiresAt(
  performedAt: Date,
  diaryMinutes: readonly number[],
  graceHours: number,
): Date {
  const last = Math.max(0, ...diaryMinutes);
  return new Date(performedAt.getTime() + last * 60_000 + graceHours * 3_600_000);
}

/** Revocation wins over expiry: a revoked link says so even after it would have expired. */
export function diaryLinkStatus(
  link: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): DiaryLinkStatus {
  if (link.revokedAt) return 'revoked';
  return now.getTime() >= link.expiresAt.getTime() ? 'expired' : 'active';
}

/** A score the patient already gave at a time point: which context and, when bilateral, which side. */
export interface DiaryEntryKey {
  minutesAfter: number;
  context: 'rest' | 'activity';
  side: 'left' | 'right' | null;
}

/**
 * The same time point twice is refused (issue 15, decided: refuse rather than keep as a correction).
 * A patient's diary entry is a contemporaneous report; a second score for the same moment, context
 * and side is either a double tap or a change of mind, and only staff correct clinical rows
 * (entered-in-error), so the page says "already recorded, tell the clinic if it is wrong".
 */
export function isDuplicateEntry(
  existing: readonly DiaryEntryKey[],
  entry: DiaryEntryKey,
): boolean {
  return existing.some(
    (e) =>
      e.minutesAfter === entry.minutesAfter && e.context === entry.context && e.side === entry.side,
  );
}

/**
 * A time point is complete for the patient when every side asked for has a score (both sides when
 * the block was bilateral, domain.md section 2: left and right rated separately), in any context.
 */
export function isTimePointComplete(
  entries: readonly Omit<DiaryEntryKey, 'minutesAfter'>[],
  bilateral: boolean,
): boolean {
  if (!bilateral) return entries.length > 0;
  return entries.some((e) => e.side === 'left') && entries.some((e) => e.side === 'right');
}
