import { seedDemoPractice } from '../demo/practice.ts';
import { seedDemo } from '../demo/seed.ts';
import { createTestApp, type TestApp } from './test-app.ts';

describe('demo practice', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('seeds one user per role once, then patients once, and the checks read them', async () => {
    const users = await seedDemo(t.db.kysely, 'demo-password-spec');
    expect(users.map((u) => u.username)).toEqual(['nurse', 'physician', 'manager', 'admin']);
    expect(await seedDemo(t.db.kysely, null)).toEqual([]);
    expect(await seedDemoPractice(t.db.kysely)).toBe(4);
    expect(await seedDemoPractice(t.db.kysely)).toBe(0);
    const doc = await t.login('physician', 'demo-password-spec');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/patients?q=okafor', headers: doc.read })
    ).json();
    expect(list.items[0].currentStage).toBe('diagnostic-blocks');
    const episodes = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/patients/${list.items[0].id}/episodes`,
        headers: doc.read,
      })
    ).json();
    const checks = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/episodes/${episodes[0].id}/checks`,
        headers: doc.read,
      })
    ).json();
    expect(checks.nextStep.message).toContain('Eligible for RFA');
    const verify = await t.createUser('auditor9', 'admin').then(() => t.login('auditor9'));
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: verify.read })
      ).json().ok,
    ).toBeTrue();
  });
});
