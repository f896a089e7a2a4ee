import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/**
 * Issue 10, defect 3: writes racing at the same moment. On PostgreSQL (FT_TEST_DB=postgres) the
 * requests of each round run truly in parallel on separate pool connections; each must end in a
 * success or a 409, never a 500, and successes get distinct versions and keys.
 */
describe('concurrent writes: one success and a 409, or distinct versions, never a 500', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  let admin: Signed;
  const ROUNDS = 6;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('cnurse', 'nurse');
    await t.createUser('cdoc', 'physician');
    await t.createUser('cadmin', 'admin');
    nurse = await t.login('cnurse');
    doc = await t.login('cdoc');
    admin = await t.login('cadmin');
  }, 30_000);
  afterAll(async () => t.close());

  const post = (as: Signed, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode);
  const expectNo500 = (responses: { statusCode: number; body: string }[]) => {
    for (const r of responses)
      expect([200, 201, 409]).withContext(r.body.slice(0, 200)).toContain(r.statusCode);
  };

  async function newProcedure(): Promise<string> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('C-'),
        givenName: 'Cora',
        familyName: 'Current',
        birthDate: '1970-01-01',
        sex: 'female',
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
    const procedure = await post(doc, `/api/v1/episodes/${episode.id}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: new Date(Date.now() - 7 * 3600_000).toISOString(),
      levels: ['L4-L5'],
      side: 'bilateral',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
    });
    expect(procedure.statusCode).toBe(201);
    return procedure.json().id;
  }

  it('signing one interpretation twice at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await newProcedure();
      const both = await Promise.all(
        [1, 2].map((n) =>
          post(doc, `/api/v1/procedures/${id}/interpretation`, { text: `Reading ${n}` }),
        ),
      );
      expectNo500(both);
      const versions = await t.db.kysely
        .selectFrom('interpretations')
        .select('version')
        .where('procedure_id', '=', id)
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.version)).toEqual(
        statuses(both)
          .filter((s) => s === 200)
          .map((_, i) => i + 1),
      );
    }
  }, 60_000);

  it('two new versions of one rule set at once', async () => {
    const lcd = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rule-sets', headers: admin.read })
    )
      .json()
      .find((r: { key: string }) => r.key === 'medicare-lcd');
    for (let round = 0; round < ROUNDS; round++) {
      const copy = (
        await post(admin, '/api/v1/rule-sets', { fromId: lcd.id, name: `Race ${round}` })
      ).json();
      const both = await Promise.all(
        [60, 70].map((p) =>
          post(admin, `/api/v1/rule-sets/${copy.id}/versions`, {
            settings: { ...copy.settings, positiveThresholdPercent: p },
          }),
        ),
      );
      expectNo500(both);
      const versions = await t.db.kysely
        .selectFrom('rule_sets')
        .select('version')
        .where('key', '=', copy.key)
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.version)).toEqual([
        1,
        ...statuses(both)
          .filter((s) => s === 201)
          .map((_, i) => i + 2),
      ]);
    }
  }, 60_000);

  it('two copies of one rule set at once get different keys', async () => {
    const lcd = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rule-sets', headers: admin.read })
    )
      .json()
      .find((r: { key: string }) => r.key === 'medicare-lcd');
    for (let round = 0; round < ROUNDS; round++) {
      const copies = await Promise.all(
        [1, 2, 3].map((n) =>
          post(admin, '/api/v1/rule-sets', { fromId: lcd.id, name: `Twin ${round}.${n}` }),
        ),
      );
      expect(statuses(copies))
        .withContext(copies.map((c) => c.body.slice(0, 120)).join('\n'))
        .toEqual([201, 201, 201]);
      expect(new Set(copies.map((c) => c.json().key)).size).toBe(3);
    }
  }, 60_000);
});
