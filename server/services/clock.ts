/**
 * The server's notion of "now". Production reads the system clock; specs set it, and e2e journeys may
 * shift it (FT_TEST_CLOCK, demo mode only) to see "the next day" without waiting for it.
 */
export interface Clock {
  now(): Date;
  /** Moves the clock by `days` from the system time (0 = real time again). */
  shiftDays(days: number): void;
  /** Pins the clock to an instant (specs); null returns to the system time. */
  pin(instant: Date | null): void;
}

export function createClock(): Clock {
  let offsetMs = 0;
  let pinned: Date | null = null;
  return {
    now: () => (pinned ? new Date(pinned) : new Date(Date.now() + offsetMs)),
    shiftDays(days) {
      pinned = null;
      offsetMs = days * 86_400_000;
    },
    pin(instant) {
      pinned = instant ? new Date(instant) : null;
    },
  };
}
