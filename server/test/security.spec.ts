import { createTestApp, type TestApp } from './test-app.ts';

describe('security headers and public surfaces', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves the SPA with a strict CSP whose style nonce Angular receives on <app-root>', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/patients/12' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(res.body).toContain(`<app-root ngCspNonce="${nonce}"`);
    expect(res.headers['x-frame-options']).toBe('DENY');
    const again = await t.app.inject({ method: 'GET', url: '/' });
    expect(String(again.headers['content-security-policy'])).not.toContain(nonce);
    const direct = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(direct.body).toContain('ngCspNonce="');
  });

  it('marks API answers no-store so patient data is not cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  // Issue 10, defect 8 changed this: the description needs a session outside demo mode.
  it('publishes the OpenAPI description only to a signed-in user outside demo mode', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    await t.createUser('docs-reader', 'manager');
    const signed = await t.login('docs-reader');
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: signed.read });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/v1/auth/login']).toBeDefined();
  });

  it('refuses a non-GET to an unknown path with a problem, never the SPA', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/whatever', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
