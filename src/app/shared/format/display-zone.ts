/**
 * The zone staff screens show moments in: the practice's once a session says it (SessionStore),
 * else undefined, the browser's. Its own module, apart from date-format.ts: the session store is
 * in the bundle the first page loads, the formatting is not (issue 11, part 5).
 */
let displayTimeZone: string | undefined;

/**
 * Moments are shown in `timeZone` from now on (undefined: the browser's). The session store sets
 * the practice's on sign-in: a nurse's tablet set to another zone still shows the clinic's times,
 * the same local dates the payer rules count in.
 */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayTimeZone = timeZone;
}

/** The zone set above, or undefined for the browser's. */
export function displayZone(): string | undefined {
  return displayTimeZone;
}
