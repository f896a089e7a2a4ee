import { sql } from 'kysely';
import {
  LOGIN_LIMITS,
  loginRetryAfterSeconds,
  pairDelaySeconds,
} from '../services/login-throttle.ts';
import { createTestApp, type TestApp, TEST_PASSWORD, uniqueName } from './test-app.ts';

describe('login throttle: delays per (username, address), no lockout tool (issue 10, defect 6)', () => {
  const delays: [number, number][] = [
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 2],
    [4, 4],
    [5, 8],
    [10, 256],
    [12, 900],
    [40, 900],
  ];
  for (const [failures, seconds] of delays) {
    it(`${failures} failures of a pair -> ${seconds} s before the next try`, () =>
      expect(pairDelaySeconds(failures)).toBe(seconds));
  }

  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
  const fail = (username: string, ip: string, count: number, minutesAgo = 1) =>
    sql`INSERT INTO login_attempts (username, ip, success, at) SELECT ${username}, ${ip}, false, now() - make_interval(mins => ${minutesAgo}) FROM generate_series(1, ${count})`.execute(
      t.db.kysely,
    );
  const lock = (id: string, minutesAgo: number) =>
    sql`UPDATE users SET failed_logins = ${LOGIN_LIMITS.lockAfter}, locked_at = now() - make_interval(mins => ${minutesAgo}) WHERE id = ${id}`.execute(
      t.db.kysely,
    );

  it('the delay grows with each failure of the pair and runs from the last failure', async () => {
    const name = uniqueName('pair');
    await fail(name, '10.20.0.1', 5, 0);
    const now = new Date();
    const wait = await loginRetryAfterSeconds(t.db.kysely, name, '10.20.0.1', now);
    expect(wait).toBeGreaterThan(6);
    expect(wait).toBeLessThanOrEqual(8);
    expect(
      await loginRetryAfterSeconds(t.db.kysely, name, '10.20.0.1', new Date(now.getTime() + 9000)),
    ).toBe(0);
    expect(await loginRetryAfterSeconds(t.db.kysely, name, '10.20.0.2', now))
      .withContext('another address')
      .toBe(0);
  });

  it('five wrong passwords from one address do not block the right password from another', async () => {
    const name = uniqueName('pair');
    await t.createUser(name, 'nurse');
    await fail(name, '10.21.0.1', 5, 0);
    expect((await login(name, TEST_PASSWORD, '10.21.0.1')).statusCode).toBe(429);
    expect((await login(name, TEST_PASSWORD, '10.21.0.2')).statusCode).toBe(200);
  });

  it('keeps the per-address limit: 20 failures from one address block further tries from it', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++)
      await fail(uniqueName('spray'), '10.22.0.1', 1);
    const name = uniqueName('spray');
    await t.createUser(name, 'nurse');
    expect((await login(name, TEST_PASSWORD, '10.22.0.1')).statusCode).toBe(429);
    expect((await login(name, TEST_PASSWORD, '10.22.0.2')).statusCode).toBe(200);
  });

  it('a lock expires on its own', async () => {
    const name = uniqueName('lock');
    const id = await t.createUser(name, 'nurse');
    await lock(id, 1);
    expect((await login(name, TEST_PASSWORD, '10.23.0.1')).statusCode)
      .withContext('locked')
      .toBe(401);
    await lock(id, LOGIN_LIMITS.lockMinutes + 1);
    expect((await login(name, TEST_PASSWORD, '10.23.0.1')).statusCode)
      .withContext('expired')
      .toBe(200);
    const row = await t.db.kysely
      .selectFrom('users')
      .select(['locked_at', 'failed_logins'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_at: null, failed_logins: 0 });
  });

  it('a locked user gets in from an address that succeeded before, not from a new one', async () => {
    const name = uniqueName('lock');
    const id = await t.createUser(name, 'physician');
    expect((await login(name, TEST_PASSWORD, '10.24.0.1')).statusCode).toBe(200);
    await lock(id, 1);
    expect((await login(name, TEST_PASSWORD, '10.24.0.2')).statusCode)
      .withContext('new address')
      .toBe(401);
    expect((await login(name, TEST_PASSWORD, '10.24.0.1')).statusCode)
      .withContext('known address')
      .toBe(200);
  });

  it('never locks the last active admin; a second admin can be locked', async () => {
    await t.db.kysely
      .updateTable('users')
      .set({ active: false })
      .where('role', '=', 'admin')
      .execute();
    const only = uniqueName('admin');
    const onlyId = await t.createUser(only, 'admin');
    await t.db.kysely
      .updateTable('users')
      .set({ failed_logins: LOGIN_LIMITS.lockAfter - 1 })
      .where('id', '=', onlyId)
      .execute();
    expect((await login(only, 'wrong-password', '10.25.0.1')).statusCode).toBe(401);
    let row = await t.db.kysely
      .selectFrom('users')
      .select(['locked_at', 'failed_logins'])
      .where('id', '=', onlyId)
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(LOGIN_LIMITS.lockAfter);
    expect(row.locked_at).withContext('last admin spared').toBeNull();
    const spared = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.lock-spared')
      .where('entity_id', '=', onlyId)
      .execute();
    expect(spared.length).toBe(1);
    expect((await login(only, TEST_PASSWORD, '10.25.0.2')).statusCode).toBe(200);

    const second = uniqueName('admin');
    const secondId = await t.createUser(second, 'admin');
    await t.db.kysely
      .updateTable('users')
      .set({ failed_logins: LOGIN_LIMITS.lockAfter - 1 })
      .where('id', '=', secondId)
      .execute();
    expect((await login(second, 'wrong-password', '10.25.0.3')).statusCode).toBe(401);
    row = await t.db.kysely
      .selectFrom('users')
      .select(['locked_at', 'failed_logins'])
      .where('id', '=', secondId)
      .executeTakeFirstOrThrow();
    expect(row.locked_at).withContext('another admin remains').not.toBeNull();
  });
});
