import { sql } from 'kysely';
import { seedPatients } from '../../bench/seed-patients.ts';
import { likePrefix } from '../db/like-pattern.ts';
import { patientsWithStage } from '../services/patient-views.ts';
import { createTestApp, type Signed, type TestApp } from './test-app.ts';

/** The plan of a query, as text. */
async function plan(
  t: TestApp,
  query: { compile(): { sql: string; parameters: readonly unknown[] } },
): Promise<string> {
  const compiled = query.compile();
  const { rows } = await t.db.kysely.executeQuery<Record<string, string>>({
    ...compiled,
    sql: `EXPLAIN ${compiled.sql}`,
    query: compiled as never,
    queryId: { queryId: 'explain' },
  } as never);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

// Plans, not timings (no timing in unit tests): at a few thousand patients the search must use its indexes.
describe('patient search plan', () => {
  let t: TestApp;
  let nurse: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    const id = await t.createUser('plan-nurse', 'nurse');
    nurse = await t.login('plan-nurse');
    await seedPatients(t.db.kysely, id, 3000, { markers: 3 });
  }, 120_000);
  afterAll(async () => t.close());

  /** The WHERE of GET /api/v1/patients?q= (routes/patients/index.ts), built the same way. */
  const searchQuery = (key: string) => {
    const pattern = likePrefix(key);
    return patientsWithStage(t.db.kysely).where((eb) =>
      eb.or([
        eb('p.search_family', 'like', pattern),
        eb('p.search_given', 'like', pattern),
        eb('p.search_mrn', 'like', pattern),
        eb(sql<string>`p.search_given || ' ' || p.search_family`, 'like', pattern),
        eb(sql<string>`p.search_family || ', ' || p.search_given`, 'like', pattern),
      ]),
    );
  };

  for (const key of ['targetson', 'tess targ', 'targetson, te', 'b0000123']) {
    it(`answers "${key}" from indexes, without a sequential scan of patients`, async () => {
      const text = await plan(t, searchQuery(key));
      if (process.env['SHOW_PLAN']) console.log(text);
      expect(text).not.toContain('Seq Scan on patients');
      expect(text).toContain('patients_search_');
    });
  }

  it('finds the same patients through the API as before', async () => {
    const res = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/patients?q=Targetson',
        headers: nurse.read,
      })
    ).json();
    expect(res.total).toBe(3);
    const mrn = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/patients?q=B00000123',
        headers: nurse.read,
      })
    ).json();
    expect(mrn.items.map((p: { mrn: string }) => p.mrn)).toEqual(['B00000123']);
  });

  it('counts the audit list exactly up to the cap, and beyond it estimates instead of reading the whole trail', async () => {
    await t.createUser('plan-admin', 'admin');
    const admin = await t.login('plan-admin');
    const small = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?pageSize=10',
        headers: admin.read,
      })
    ).json();
    expect(small.totalExact).toBeUndefined();
    await sql`INSERT INTO audit_events (at, action, details) SELECT now(), 'patient.read', '{}' FROM generate_series(1, 10100)`.execute(
      t.db.kysely,
    );
    const exact = Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_events`.execute(t.db.kysely))
        .rows[0]!.n,
    );
    const all = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?pageSize=10',
        headers: admin.read,
      })
    ).json();
    expect(all.totalExact).toBeFalse();
    expect(all.total).toBe(exact); // no rolled-back writes here, so the id range is exact
    expect(all.items.length).toBe(10);
    const reads = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?action=patient.read',
        headers: admin.read,
      })
    ).json();
    expect(reads.total).toBe(10_000);
    expect(reads.totalExact).toBeFalse();
  });
});
