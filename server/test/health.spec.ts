import { createTestApp, type TestApp } from './test-app.ts';

describe('health and public config', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, idleTimeoutMinutes: 20 });
  });
  afterAll(async () => t.close());

  it('answers 200 {status: ok} without a session once migrations ran (api.md)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('tells the login page whether demo mode is on and the idle timeout', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(res.json()).toEqual({ demoMode: true, idleTimeoutMinutes: 20 });
  });
});
