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
