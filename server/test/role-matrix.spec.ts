import { createTestApp, type Signed, type TestApp } from './test-app.ts';

/**
 * The server enforces every role (security baseline): walking every route in the OpenAPI
 * description, a manager is refused everything but a short list, and a nurse is refused the
 * physician's and admin's routes. A new route without a permission fails here.
 */
describe('role matrix over every route', () => {
  let t: TestApp;
  let manager: Signed;
  let nurse: Signed;
  let routes: [string, string][];
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('matrix-manager', 'manager');
    await t.createUser('matrix-nurse', 'nurse');
    manager = await t.login('matrix-manager');
    nurse = await t.login('matrix-nurse');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path] as [string, string]));
  });
  afterAll(async () => t.close());

  const call = (as: Signed, method: string, path: string) =>
    t.app.inject({ method: method as 'GET', url: path.replace('{id}', '1'), headers: as.write, ...(method === 'GET' ? {} : { payload: {} }) });

  // Routes every signed-in user (or anyone) may call: no patient data behind them.
  const OPEN_TO_ALL = new Set(['GET /api/v1/health', 'GET /api/v1/config', 'POST /api/v1/auth/login', 'GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'GET /api/v1/rule-sets', 'GET /api/v1/practice-settings',
    // The patient's diary link: no session at all, the token is the credential (diary-links.spec.ts covers its scope).
    'GET /api/v1/diary/{token}', 'POST /api/v1/diary/{token}/pain-scores']);
  // Routes a nurse may not call: recording procedures, signing, and all administration.
  const NOT_FOR_NURSES = [
    'POST /api/v1/episodes/{id}/procedures', 'POST /api/v1/episodes/{id}/procedures/check', 'POST /api/v1/procedures/{id}/interpretation',
    'POST /api/v1/procedures/{id}/entered-in-error', 'GET /api/v1/users', 'POST /api/v1/users', 'PATCH /api/v1/users/{id}', 'POST /api/v1/users/{id}/password',
    'GET /api/v1/audit/events', 'GET /api/v1/audit/verify', 'POST /api/v1/rule-sets', 'POST /api/v1/rule-sets/{id}/versions', 'PUT /api/v1/practice-settings/default-rule-set',
    'PUT /api/v1/practice-settings',
  ];

  it('finds the routes to walk', () => expect(routes.length).toBeGreaterThan(35));

  it('refuses a manager every route that is not open to all (no patient data for managers)', async () => {
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const key = `${method} ${path}`;
      if (OPEN_TO_ALL.has(key) || key === 'POST /api/v1/auth/logout') continue;
      const res = await call(manager, method, path);
      if (res.statusCode !== 403) wrong.push(`${key} -> ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a nurse the physician and admin routes, and lets a nurse reach the rest', async () => {
    for (const key of NOT_FOR_NURSES) expect(routes.map(([m, p]) => `${m} ${p}`)).withContext('route exists').toContain(key);
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const key = `${method} ${path}`;
      if (key === 'POST /api/v1/auth/logout') continue;
      const status = (await call(nurse, method, path)).statusCode;
      const refused = status === 403;
      if (refused !== NOT_FOR_NURSES.includes(key)) wrong.push(`${key} -> ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
