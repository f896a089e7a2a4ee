import type { Role } from '../../domain/index.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('user administration', () => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('chief', 'admin');
    admin = await t.login('chief');
  });
  afterAll(async () => t.close());

  const create = (body: Record<string, unknown>, as: Signed = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', payload: body, headers: as.write });
  const patch = (id: string, body: Record<string, unknown>, as: Signed = admin) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: body, headers: as.write });

  it('creates a user who can then sign in; the hash never leaves the server', async () => {
    const username = uniqueName('nina');
    const res = await create({
      username,
      name: 'Nina Nurse',
      role: 'nurse',
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(
      jasmine.objectContaining({
        username,
        name: 'Nina Nurse',
        role: 'nurse',
        active: true,
        locked: false,
        version: 1,
      }),
    );
    expect(res.body).not.toContain('argon2');
    expect((await t.login(username, 'a long enough password')).info.user.role).toBe('nurse');
  });

  it('refuses a short password and a duplicate username with field messages', async () => {
    const short = await create({
      username: uniqueName('s'),
      name: 'S',
      role: 'nurse',
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: 'password', message: 'Password must be at least 12 characters' },
    ]);
    const username = uniqueName('dup');
    await create({ username, name: 'A', role: 'nurse', password: 'a long enough password' });
    const dup = await create({
      username,
      name: 'B',
      role: 'nurse',
      password: 'a long enough password',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([
      { path: 'username', message: 'This username is already in use' },
    ]);
  });

  const roles: Role[] = ['nurse', 'physician', 'manager'];
  for (const role of roles) {
    it(`forbids a ${role} every user-admin route (403)`, async () => {
      const name = uniqueName(role);
      const id = await t.createUser(name, role);
      const s = await t.login(name);
      const calls = [
        t.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.read }),
        create(
          {
            username: uniqueName('x'),
            name: 'X',
            role: 'admin',
            password: 'a long enough password',
          },
          s,
        ),
        patch(id, { version: 1, role: 'admin' }, s),
        t.app.inject({
          method: 'POST',
          url: `/api/v1/users/${id}/password`,
          payload: { version: 1, password: 'another long password' },
          headers: s.write,
        }),
      ];
      for (const res of await Promise.all(calls)) expect(res.statusCode).toBe(403);
      const still = await t.db.kysely
        .selectFrom('users')
        .select('role')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(still.role).toBe(role);
    });
  }

  it('answers 401 to every user-admin route without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
  });

  it("changes a role with the current version, ends that user's sessions, and audits from/to", async () => {
    const name = uniqueName('doc');
    const id = await t.createUser(name, 'nurse');
    const theirSession = await t.login(name);
    const res = await patch(id, { version: 1, role: 'physician' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('physician');
    expect(res.json().version).toBe(2);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: theirSession.read }))
        .statusCode,
    ).toBe(401);
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event.details).toEqual({ role: { from: 'nurse', to: 'physician' } });
    expect(event.actor_username).toBe('chief');
  });

  it('refuses a stale version with 409 and the current row, overwriting nothing', async () => {
    const id = await t.createUser(uniqueName('race'), 'nurse');
    expect((await patch(id, { version: 1, name: 'First Edit' })).statusCode).toBe(200);
    const stale = await patch(id, { version: 1, name: 'Second Edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version-conflict');
    expect(stale.json().current.name).toBe('First Edit');
    expect(stale.json().current.version).toBe(2);
  });

  it('deactivates and reactivates; a deactivated user is signed out', async () => {
    const name = uniqueName('leaver');
    const id = await t.createUser(name, 'nurse');
    const s = await t.login(name);
    expect((await patch(id, { version: 1, active: false })).json().active).toBeFalse();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.read })).statusCode,
    ).toBe(401);
    expect((await patch(id, { version: 2, active: true })).json().active).toBeTrue();
  });

  it('will not let an admin deactivate or demote themselves', async () => {
    const me = admin.info.user.id;
    const current = await t.db.kysely
      .selectFrom('users')
      .select('version')
      .where('id', '=', me)
      .executeTakeFirstOrThrow();
    const res = await patch(me, { version: current.version, active: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('active');
  });

  it('unlocks a locked account and resets a password (which ends sessions)', async () => {
    const name = uniqueName('locked');
    const id = await t.createUser(name, 'nurse');
    await t.db.kysely
      .updateTable('users')
      .set({ locked_at: new Date(), failed_logins: 10 })
      .where('id', '=', id)
      .execute();
    const unlocked = await patch(id, { version: 1, unlock: true });
    expect(unlocked.json()).toEqual(
      jasmine.objectContaining({ locked: false, failedLogins: 0, version: 2 }),
    );
    const s = await t.login(name);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/password`,
      payload: { version: 2, password: 'a brand new password' },
      headers: admin.write,
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.read })).statusCode,
    ).toBe(401);
    expect((await t.login(name, 'a brand new password')).info.user.id).toBe(id);
  });

  it('pages and searches by username or name prefix', async () => {
    const prefix = uniqueName('zq');
    for (let i = 0; i < 3; i++) await t.createUser(`${prefix}-${i}`, 'nurse');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${prefix.toUpperCase()}&page=2&pageSize=2`,
      headers: admin.read,
    });
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual([`${prefix}-2`]);
  });
});
