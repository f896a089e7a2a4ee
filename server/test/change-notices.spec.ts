import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { createTestApp, type Signed, TEST_DB_KIND, type TestApp, uniqueName } from './test-app.ts';

/**
 * Issue 11: sessions and the practice's time zone are kept in memory while no change notice has
 * come (db/change-notices.ts, migration 0016). What is kept must never outlive what it says.
 */
describe('change notices: what is kept in memory, and when it is forgotten', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const me = (s: Signed) =>
    t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.read });
  let queries: jasmine.Spy;
  beforeEach(() => {
    queries = spyOn(t.db.kysely, 'executeQuery').and.callThrough();
  });
  /** Session lookups the app sent to the database while `work` ran. */
  const sessionReads = async (work: () => Promise<unknown>) => {
    const lookups = () =>
      queries.calls
        .all()
        .filter((c) => (c.args[0] as { sql: string }).sql.includes('FROM sessions s JOIN users u'))
        .length;
    const before = lookups();
    await work();
    return lookups() - before;
  };

  /** Until no notice has come for 200 ms (on PostgreSQL those of earlier writes may still be on their way). */
  const quiet = async () => {
    for (let seen = -1; seen !== t.app.changeNotices.version;) {
      seen = t.app.changeNotices.version;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('reads a session once, then not again while nothing changes', async () => {
    const name = uniqueName('nurse');
    await t.createUser(name, 'nurse');
    const s = await t.login(name);
    await quiet();
    expect(await sessionReads(() => me(s))).toBe(1);
    expect(
      await sessionReads(async () => {
        for (let i = 0; i < 3; i++) expect((await me(s)).statusCode).toBe(200);
      }),
    ).toBe(0);
  });

  it('refuses a cookie on the very next request after signing out on this instance', async () => {
    const name = uniqueName('nurse');
    await t.createUser(name, 'nurse');
    const s = await t.login(name);
    expect((await me(s)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: s.write,
    });
    expect(out.statusCode).toBe(204);
    expect((await me(s)).statusCode).toBe(401);
  });

  it('hears a session ended, a user deactivated or a role changed behind its back', async () => {
    const names = [uniqueName('nurse'), uniqueName('nurse'), uniqueName('nurse')];
    for (const n of names) await t.createUser(n, 'nurse');
    const [ended, deactivated, demoted] = await Promise.all(names.map((n) => t.login(n)));
    const patients = (s: Signed) =>
      t.app.inject({ method: 'GET', url: '/api/v1/patients', headers: s!.read });
    for (const s of [ended, deactivated, demoted])
      expect((await patients(s!)).statusCode).toBe(200);

    await t.heard(() =>
      sql`UPDATE sessions SET ended_at = now(), end_reason = 'logout' WHERE csrf_token = ${ended!.csrfToken}`.execute(
        t.db.kysely,
      ),
    );
    expect((await patients(ended!)).statusCode).toBe(401);
    await t.heard(() =>
      sql`UPDATE users SET active = false WHERE username = ${names[1]}`.execute(t.db.kysely),
    );
    expect((await patients(deactivated!)).statusCode).toBe(401);
    await t.heard(() =>
      sql`UPDATE users SET role = 'manager' WHERE username = ${names[2]}`.execute(t.db.kysely),
    );
    expect((await patients(demoted!)).statusCode).toBe(403); // managers see no patient list
  });

  it('hears the practice time zone changed behind its back', async () => {
    const before = await t.app.practiceTimeZone();
    const next = before === 'Pacific/Auckland' ? 'America/Denver' : 'Pacific/Auckland';
    await t.heard(() =>
      sql`INSERT INTO practice_settings (key, value) VALUES ('timeZone', ${JSON.stringify(next)}::jsonb)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(t.db.kysely),
    );
    expect(await t.app.practiceTimeZone()).toBe(next);
  });

  if (TEST_DB_KIND === 'postgres') {
    it('keeps nothing while its listening connection is lost, and listens again', async () => {
      const name = uniqueName('nurse');
      await t.createUser(name, 'nurse');
      const s = await t.login(name);
      expect((await me(s)).statusCode).toBe(200);
      const admin = new pg.Client({ connectionString: t.config.databaseUrl! });
      await admin.connect();
      try {
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'facettrack-notices' AND datname = current_database()`,
        );
      } finally {
        await admin.end();
      }
      for (const started = Date.now(); t.app.changeNotices.live;) {
        if (Date.now() - started > 5000) throw new Error('the lost connection went unnoticed');
        await new Promise((r) => setTimeout(r, 5));
      }
      // Deaf: a change now would go unheard, so every request reads its session.
      expect(await sessionReads(() => Promise.all([me(s), me(s)]))).toBe(2);
      for (const started = Date.now(); !t.app.changeNotices.live;) {
        if (Date.now() - started > 10_000) throw new Error('did not listen again');
        await new Promise((r) => setTimeout(r, 20));
      }
      await quiet();
      expect(await sessionReads(() => me(s))).toBe(1);
      expect(await sessionReads(() => me(s))).toBe(0);
    });

    it('refuses on a second instance a session signed out on the first, once it hears of it', async () => {
      const db2 = await openDatabase(t.config);
      const app2 = await buildApp(t.config, db2, false);
      await app2.ready();
      try {
        const name = uniqueName('nurse');
        await t.createUser(name, 'nurse');
        const s = await t.login(name);
        const onSecond = () =>
          app2.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.read });
        expect((await onSecond()).statusCode).toBe(200); // now kept by the second instance
        const heard = app2.changeNotices.version;
        const out = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: s.write,
        });
        expect(out.statusCode).toBe(204);
        for (const started = Date.now(); app2.changeNotices.version === heard;) {
          if (Date.now() - started > 5000) throw new Error('the second instance heard nothing');
          await new Promise((r) => setTimeout(r, 2));
        }
        expect((await onSecond()).statusCode).toBe(401);
      } finally {
        await app2.close();
        await db2.close();
      }
    });
  }
});
