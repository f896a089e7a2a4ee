import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { createTestApp, type TestApp, uniqueName } from './test-app.ts';

/** Issue 10, defects 7 and 8: demo accounts, absolute session lifetime, HSTS, docs, failed-login audit. */
describe('session hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ sessionMaxHours: 12 });
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, host = 'localhost') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      headers: { host },
    });

  it('the absolute lifetime defaults to 12 hours and is a setting', () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    expect(loadConfig({ FT_SESSION_MAX_HOURS: '8' }).sessionMaxHours).toBe(8);
    expect(() => loadConfig({ FT_SESSION_MAX_HOURS: '0' })).toThrowError(/FT_SESSION_MAX_HOURS/);
  });

  it('ends an active session older than the lifetime, however recently it was used', async () => {
    const name = uniqueName('life');
    await t.createUser(name, 'nurse');
    const signed = await t.login(name);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: signed.read }))
        .statusCode,
    ).toBe(200);
    await t.heard(() =>
      sql`UPDATE sessions SET created_at = now() - interval '12 hours 1 minute', last_seen_at = now() WHERE user_id = ${signed.info.user.id}`.execute(
        t.db.kysely,
      ),
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: signed.read });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session-ended');
    const row = await t.db.kysely
      .selectFrom('sessions')
      .select('end_reason')
      .where('user_id', '=', signed.info.user.id)
      .executeTakeFirstOrThrow();
    expect(row.end_reason).toBe('lifetime');
  });

  it('sends HSTS whenever the request is not to localhost', async () => {
    const remote = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { host: 'facettrack.example.org' },
    });
    expect(remote.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const page = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { host: 'facettrack.example.org' },
    });
    expect(page.headers['strict-transport-security']).toBeDefined();
    for (const host of ['localhost:4200', '127.0.0.1:4200']) {
      const local = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { host } });
      expect(local.headers['strict-transport-security']).withContext(host).toBeUndefined();
    }
  });

  it('stores the typed username in the failed-login audit only when it names a real account', async () => {
    const name = uniqueName('real');
    await t.createUser(name, 'nurse');
    await login(name, 'wrong-password');
    await login('my secret password 123', 'oops');
    const rows = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'auth.login-failed')
      .execute();
    expect(rows.some((r) => r.details['username'] === name && r.actor_id !== null)).toBeTrue();
    expect(JSON.stringify(rows)).not.toContain('my secret password');
  });

  for (const demoMode of [false, true]) {
    it(
      demoMode
        ? 'lets demo accounts in in demo mode, and keeps the docs open there'
        : 'refuses demo accounts with a message when demo mode is off, even with the demo password',
      async () => {
        const app = await createTestApp({ demo: demoMode });
        try {
          // A database seeded in demo mode; this start may or may not be in demo mode.
          expect((await seedDemo(app.db.kysely, 'demo-password-123')).length).toBe(4);
          const res = await app.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'admin', password: 'demo-password-123' },
          });
          expect(res.statusCode).toBe(demoMode ? 200 : 403);
          if (!demoMode) {
            expect(res.json().code).toBe('demo-account');
            expect(res.json().detail).toContain('only in demo mode');
          }
          expect((await app.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(
            demoMode ? 200 : 401,
          );
        } finally {
          await app.close();
        }
      },
    );
  }
});

describe('demo accounts at a start without demo mode', () => {
  it('ends their open sessions and counts them for the start-up message', async () => {
    const { disableDemoAccounts } = await import('../services/demo-accounts.ts');
    const app = await createTestApp({ demo: true });
    try {
      await seedDemo(app.db.kysely, 'demo-password-123');
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nurse', password: 'demo-password-123' },
      });
      expect(res.statusCode).toBe(200);
      expect(await disableDemoAccounts(app.db.kysely)).toBe(4);
      const open = await app.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('ended_at', 'is', null)
        .execute();
      expect(open).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
