import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('rule sets', () => {
  let t: TestApp;
  let admin: Signed;
  let nurse: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('rsadmin', 'admin');
    await t.createUser('rsnurse', 'nurse');
    admin = await t.login('rsadmin');
    nurse = await t.login('rsnurse');
  });
  afterAll(async () => t.close());

  const list = async (as: Signed = nurse) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/rule-sets', headers: as.read })).json();

  it('lists the four built-in rule sets with their thresholds; Medicare LCD is the default', async () => {
    const sets = await list();
    const byName = Object.fromEntries(
      sets.map((r: { name: string; positiveThresholdPercent: number }) => [
        r.name,
        r.positiveThresholdPercent,
      ]),
    );
    expect(byName).toEqual(
      jasmine.objectContaining({
        'Medicare LCD': 80,
        'Lumbar consensus 2020': 50,
        'Cervical consensus 2021': 50,
        ASIPP: 75,
      }),
    );
    expect(sets.find((r: { isDefault: boolean }) => r.isDefault).name).toBe('Medicare LCD');
  });

  it('copies, edits as a new version, and makes it the default; assessments then name the version', async () => {
    const lcd = (await list()).find((r: { key: string }) => r.key === 'medicare-lcd');
    const copy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rule-sets',
      headers: admin.write,
      payload: { fromId: lcd.id, name: 'Our payer' },
    });
    expect(copy.statusCode).toBe(201);
    const settings = {
      ...copy.json().settings,
      positiveThresholdPercent: 70,
      greyZoneLowerPercent: 50,
    };
    const v2 = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rule-sets/${copy.json().id}/versions`,
      headers: admin.write,
      payload: { settings },
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toEqual(
      jasmine.objectContaining({ name: 'Our payer', version: 2, positiveThresholdPercent: 70 }),
    );
    const def = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/practice-settings/default-rule-set',
      headers: admin.write,
      payload: { ruleSetId: v2.json().id },
    });
    expect(def.json().find((r: { isDefault: boolean }) => r.isDefault).id).toBe(v2.json().id);

    const patient = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: nurse.write,
        payload: {
          mrn: uniqueName('R-'),
          givenName: 'A',
          familyName: 'B',
          birthDate: '1970-01-01',
          sex: 'male',
        },
      })
    ).json();
    const episode = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/patients/${patient.id}/episodes`,
        headers: nurse.write,
        payload: { region: 'lumbar', side: 'left', onsetDate: '2026-01-01', indexPain: 'x' },
      })
    ).json();
    expect(episode.ruleSetId).toBe(v2.json().id);
    // put the default back for the other specs
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/practice-settings/default-rule-set',
      headers: admin.write,
      payload: { ruleSetId: lcd.id },
    });
  });

  it('refuses editing a built-in, bad settings, and non-admins', async () => {
    const lcd = (await list()).find((r: { key: string }) => r.key === 'medicare-lcd');
    const builtIn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rule-sets/${lcd.id}/versions`,
      headers: admin.write,
      payload: { settings: lcd.settings },
    });
    expect(builtIn.statusCode).toBe(422);
    const copy = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/rule-sets',
        headers: admin.write,
        payload: { fromId: lcd.id, name: 'Bad' },
      })
    ).json();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/rule-sets/${copy.id}/versions`,
      headers: admin.write,
      payload: {
        settings: {
          ...lcd.settings,
          positiveThresholdPercent: 120,
          greyZoneLowerPercent: 90,
          diaryMinutes: [],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['settings.diaryMinutes', 'settings.positiveThresholdPercent']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/rule-sets',
          headers: nurse.write,
          payload: { fromId: lcd.id, name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
