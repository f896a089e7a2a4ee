import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

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
    const doc = (
      await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: nurse.read })
    ).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => [m.toUpperCase(), path] as [string, string]),
    );
  });
  afterAll(async () => t.close());

  const call = (as: Signed, method: string, path: string) =>
    t.app.inject({
      method: method as 'GET',
      url: path.replace('{id}', '1'),
      headers: as.write,
      ...(method === 'GET' ? {} : { payload: {} }),
    });

  // Routes every signed-in user (or anyone) may call: no patient data behind them.
  const OPEN_TO_ALL = new Set([
    'GET /api/v1/health',
    'GET /api/v1/config',
    'POST /api/v1/auth/login',
    'GET /api/v1/auth/me',
    'POST /api/v1/auth/logout',
    'GET /api/v1/rule-sets',
    'GET /api/v1/practice-settings',
    // The patient's diary link: no session at all, the token is the credential (diary-links.spec.ts covers its scope).
    'GET /api/v1/diary/{token}',
    'POST /api/v1/diary/{token}/pain-scores',
  ]);
  // Aggregate, de-identified reports a manager may read (issue 13); nothing patient-level.
  const FOR_MANAGERS = new Set(['GET /api/v1/reports/practice']);
  // Routes a nurse may not call: recording procedures, signing, and all administration.
  const NOT_FOR_NURSES = [
    'POST /api/v1/episodes/{id}/procedures',
    'POST /api/v1/episodes/{id}/procedures/check',
    'POST /api/v1/procedures/{id}/interpretation',
    'POST /api/v1/procedures/{id}/entered-in-error',
    'GET /api/v1/users',
    'POST /api/v1/users',
    'PATCH /api/v1/users/{id}',
    'POST /api/v1/users/{id}/password',
    'GET /api/v1/audit/events',
    'POST /api/v1/audit/events/search',
    'GET /api/v1/audit/verify',
    'POST /api/v1/rule-sets',
    'POST /api/v1/rule-sets/{id}/versions',
    'PUT /api/v1/practice-settings/default-rule-set',
    'PUT /api/v1/practice-settings',
    'GET /api/v1/reports/overdue-digest',
    // Exports (issue 16): the FHIR record is for physicians and admins, the practice export for admins.
    'GET /api/v1/patients/{id}/fhir',
    'POST /api/v1/exports',
    'GET /api/v1/exports',
    'GET /api/v1/exports/{id}',
    'GET /api/v1/exports/{id}/files/{type}',
    'PUT /api/v1/practice-settings',
    'GET /api/v1/reports/practice',
    'GET /api/v1/reports/outcomes',
  ];

  it('finds the routes to walk', () => expect(routes.length).toBeGreaterThan(35));

  it('refuses a manager every route that is not open to all (no patient data for managers)', async () => {
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const key = `${method} ${path}`;
      if (OPEN_TO_ALL.has(key) || key === 'POST /api/v1/auth/logout') continue;
      const res = await call(manager, method, path);
      const expected = FOR_MANAGERS.has(key) ? 200 : 403;
      if (res.statusCode !== expected) wrong.push(`${key} -> ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a nurse the physician and admin routes, and lets a nurse reach the rest', async () => {
    for (const key of NOT_FOR_NURSES)
      expect(routes.map(([m, p]) => `${m} ${p}`))
        .withContext('route exists')
        .toContain(key);
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

/** Decisions the route permission alone does not capture (issue 10, defect 9): physicians only. */
describe('role matrix: physician decisions inside nurse-writable routes', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('scope-nurse', 'nurse');
    await t.createUser('scope-doc', 'physician');
    nurse = await t.login('scope-nurse');
    doc = await t.login('scope-doc');
  }, 30_000);
  afterAll(async () => t.close());

  const post = (as: Signed, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  async function episodeInDiagnosticBlocks(): Promise<{ episodeId: string; procedureId: string }> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('SC-'),
        givenName: 'Sal',
        familyName: 'Scope',
        birthDate: '1970-01-01',
        sex: 'male',
      })
    ).json();
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: '2026-01-01',
        indexPain: 'Low back',
      })
    ).json();
    await post(nurse, `/api/v1/episodes/${episode.id}/stage`, {
      version: 1,
      to: 'conservative-care',
    });
    const procedure = (
      await post(doc, `/api/v1/episodes/${episode.id}/procedures`, {
        kind: 'mbb',
        intent: 'diagnostic',
        performedAt: new Date(Date.now() - 7 * 3600_000).toISOString(),
        levels: ['L4-L5'],
        side: 'bilateral',
        anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
        guidance: 'fluoroscopy',
        sedation: 'none',
      })
    ).json();
    return { episodeId: episode.id, procedureId: procedure.id };
  }

  for (const to of ['not-facet-mediated', 'discharged']) {
    it(`only a physician moves an episode to ${to}`, async () => {
      const { episodeId } = await episodeInDiagnosticBlocks();
      const byNurse = await post(nurse, `/api/v1/episodes/${episodeId}/stage`, {
        version: 3,
        to,
        reason: 'Negative blocks',
      });
      expect(byNurse.statusCode).toBe(403);
      expect(byNurse.json().code).toBe('physician-decision');
      const byDoc = await post(doc, `/api/v1/episodes/${episodeId}/stage`, {
        version: 3,
        to,
        reason: 'Negative blocks',
      });
      expect(byDoc.statusCode).withContext(byDoc.body).toBe(200);
    });
  }

  it('a nurse still moves an episode along the pathway (not an ending)', async () => {
    const { episodeId } = await episodeInDiagnosticBlocks();
    expect(
      (
        await post(nurse, `/api/v1/episodes/${episodeId}/stage`, {
          version: 3,
          to: 'conservative-care',
          reason: 'More therapy first',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('a nurse marks a pain score entered in error before signing, only a physician after', async () => {
    const { procedureId } = await episodeInDiagnosticBlocks();
    const score = async () =>
      (
        await post(nurse, `/api/v1/procedures/${procedureId}/pain-scores`, {
          minutesAfter: 30,
          score: 2,
          context: 'activity',
        })
      ).json();
    const before = await score();
    expect(
      (
        await post(nurse, `/api/v1/pain-scores/${before.id}/entered-in-error`, {
          version: 1,
          reason: 'Typo',
        })
      ).statusCode,
    ).toBe(204);
    const after = await score();
    expect(
      (
        await post(doc, `/api/v1/procedures/${procedureId}/interpretation`, {
          text: 'Positive block',
        })
      ).statusCode,
    ).toBe(200);
    const byNurse = await post(nurse, `/api/v1/pain-scores/${after.id}/entered-in-error`, {
      version: 1,
      reason: 'Typo',
    });
    expect(byNurse.statusCode).toBe(403);
    const row = await t.db.kysely
      .selectFrom('pain_scores')
      .select('error_reason')
      .where('id', '=', after.id)
      .executeTakeFirstOrThrow();
    expect(row.error_reason).toBeNull();
    expect(
      (
        await post(doc, `/api/v1/pain-scores/${after.id}/entered-in-error`, {
          version: 1,
          reason: 'Typo',
        })
      ).statusCode,
    ).toBe(204);
  });
});
