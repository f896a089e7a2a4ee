import { sql } from 'kysely';
import { seedPractice } from '../demo/bulk-insert.ts';
import { generatePractice } from '../demo/generator.ts';
import { createTestApp, type TestApp } from './test-app.ts';

describe('generated practice (npm run seed)', () => {
  const options = {
    patients: 60,
    seed: 42,
    until: '2026-06-30',
    spanDays: 730,
    performers: 3,
    mrnStart: 1,
  };

  it('is the same practice for the same seed, another for another seed', () => {
    expect(generatePractice(options)).toEqual(generatePractice(options));
    expect(generatePractice({ ...options, seed: 43 })).not.toEqual(generatePractice(options));
  });

  it('has nothing after `until`, and every score belongs to a procedure of the practice', () => {
    const g = generatePractice(options);
    const end = Date.parse('2026-07-01T00:00:00Z');
    expect(g.procedures.every((p) => Date.parse(p.performedAt) < end)).toBeTrue();
    expect(
      g.scores.every((s) => Date.parse(s.describesAt) < end && s.procedure < g.procedures.length),
    ).toBeTrue();
    expect(g.stages.every((s) => Date.parse(s.at) < end)).toBeTrue();
    expect(new Set(g.procedures.map((p) => p.kind))).toEqual(new Set(['mbb', 'rfa', 'ia']));
  });

  describe('written in bulk', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => t.close());

    it('writes what it reports, twice without collisions, and keeps the audit chain valid', async () => {
      const first = await seedPractice(t.db.kysely, {
        patients: 30,
        seed: 1,
        until: '2026-06-30',
        spanDays: 365,
      });
      const second = await seedPractice(t.db.kysely, {
        patients: 30,
        seed: 1,
        until: '2026-06-30',
        spanDays: 365,
      });
      const count = async (table: string) =>
        Number(
          (
            await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
              t.db.kysely,
            )
          ).rows[0]!.n,
        );
      expect(await count('patients')).toBe(first.patients + second.patients);
      expect(await count('procedures')).toBe(first.procedures + second.procedures);
      expect(await count('pain_scores')).toBe(first.painScores + second.painScores);
      // New rows after a seed still get fresh ids (the identity sequences moved past the bulk ids).
      const nurse = await t.createUser('after-seed', 'nurse').then(() => t.login('after-seed'));
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: nurse.write,
        payload: {
          mrn: 'AFTER-1',
          givenName: 'A',
          familyName: 'B',
          birthDate: '1980-01-01',
          sex: 'other',
        },
      });
      expect(created.statusCode).toBe(201);
      const admin = await t.createUser('seed-admin', 'admin').then(() => t.login('seed-admin'));
      expect(
        (
          await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.read })
        ).json().ok,
      ).toBeTrue();
    });
  });
});
