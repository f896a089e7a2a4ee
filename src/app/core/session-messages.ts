/** Why a user is back on the login page; the number of minutes comes from the server's setting. */
export function idleSignOutMessage(minutes: number | null): string {
  return minutes
    ? `You were signed out after ${minutes} minutes without activity.`
    : 'You were signed out after a period without activity.';
}

/** Shown when the server ends a session for any reason other than idleness. */
export const SESSION_ENDED_MESSAGE = 'Your session has ended. Please sign in again.';

/** Shown after the user signs out themselves. */
export const SIGNED_OUT_MESSAGE = 'You have signed out.';
