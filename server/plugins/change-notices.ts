import type { Db } from '../db/database.ts';
import { type ChangeNotices, noticedCache, openChangeNotices } from '../db/change-notices.ts';
import { practiceTimeZone } from '../services/practice-settings.ts';
import type { SessionCache } from '../services/sessions.ts';
import type { App } from '../types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether what is kept in memory may still be true (db/change-notices.ts). */
    changeNotices: ChangeNotices;
    /** Sessions as last read, while no change notice has come (db/change-notices.ts). */
    sessionCache: SessionCache;
    /** The practice's time zone, read once and again after each change notice. */
    practiceTimeZone(): Promise<string>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Keeps sessions and the practice's time zone in memory while no change notice has come (issue 11:
 * each request looked both up, each on a pooled connection of its own). A write this instance
 * answers forgets them before its answer leaves, so the next request, even one sent the moment the
 * answer arrives (after a sign-out, say), reads afresh; the notice itself comes a little later.
 */
export async function registerChangeNotices(app: App, db: Db): Promise<void> {
  const notices = await openChangeNotices(db);
  app.decorate('changeNotices', notices);
  const sessions: SessionCache = noticedCache(notices);
  app.decorate('sessionCache', sessions);
  const zone = noticedCache<'zone', string>(notices, 1);
  app.decorate('practiceTimeZone', () => zone.get('zone', () => practiceTimeZone(app.db)));
  app.addHook('onSend', async (request) => {
    if (!SAFE_METHODS.has(request.method)) notices.changedHere();
  });
  app.addHook('onClose', () => notices.close());
}
