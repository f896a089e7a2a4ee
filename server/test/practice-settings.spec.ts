import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type Signed, type TestApp } from './test-app.ts';

describe('practice settings: time zone', () => {
  let t: TestApp;
  let admin: Signed;
  let nurse: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('psadmin', 'admin');
    await t.createUser('psnurse', 'nurse');
    admin = await t.login('psadmin');
    nurse = await t.login('psnurse');
  });
  afterAll(async () => t.close());

  const read = async (as: Signed): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'GET', url: '/api/v1/practice-settings', headers: as.read });
  const put = async (
    as: Signed,
    payload: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'PUT', url: '/api/v1/practice-settings', headers: as.write, payload });

  it("defaults to the server's zone, keeps an admin's choice (audited), refuses bad zones and non-admins", async () => {
    const first = await read(nurse);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timeZoneIsDefault: true,
    });

    const res = await put(admin, { timeZone: 'America/Denver' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ timeZone: 'America/Denver', timeZoneIsDefault: false });
    expect((await read(nurse)).json().timeZone).toBe('America/Denver');
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'settings.update')
      .execute();
    expect(audit.length).toBe(1);

    const bad = await put(admin, { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'timeZone', message: jasmine.stringContaining('IANA zone name') },
    ]);
    expect((await put(nurse, { timeZone: 'UTC' })).statusCode).toBe(403);
    expect((await read(nurse)).json().timeZone).toBe('America/Denver');
  });
});

describe('practice settings: the zone every staff screen shows times in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('tzadmin', 'admin');
    await t.createUser('tznurse', 'nurse');
  });
  afterAll(async () => t.close());

  it("is the practice's, at sign-in and on /auth/me, and follows a change", async () => {
    const admin = await t.login('tzadmin');
    const nurse = await t.login('tznurse');
    expect(nurse.info.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const put = (timeZone: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/practice-settings',
        headers: admin.write,
        payload: { timeZone },
      });
    const me = async (as: Signed) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as.read })).json();
    expect((await put('Asia/Kolkata')).statusCode).toBe(200);
    expect((await me(nurse)).timeZone).toBe('Asia/Kolkata');
    const again = await t.login('tznurse');
    expect(again.info.timeZone).toBe('Asia/Kolkata');
    expect((await put('Europe/Madrid')).statusCode).toBe(200);
    expect((await me(again)).timeZone).toBe('Europe/Madrid');
  });
});
