import { sql } from 'kysely';
import { seedPatients } from '../../bench/seed-patients.ts';
import type { AuditEntry } from '../services/audit-trail.ts';
import { loadPatientView, loadPatientViewAudited } from '../services/patient-views.ts';
import { lookupSession } from '../services/sessions.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

// The hottest statements are fixed texts, prepared once per PostgreSQL connection (db/prepared.ts).
describe('prepared statements (the audited patient read, the session lookup)', () => {
  let t: TestApp;
  let userId: string;
  let ids: string[];
  const read = (id: string): AuditEntry => ({
    actorId: userId,
    actorUsername: 'prep-nurse',
    action: 'patient.read',
    entity: 'patient',
    entityId: id,
    patientId: id,
    ip: '127.0.0.1',
  });

  beforeAll(async () => {
    t = await createTestApp();
    userId = await t.createUser('prep-nurse', 'nurse');
    await seedPatients(t.db.kysely, userId, 20, { markers: 0 });
    ids = (await t.db.kysely.selectFrom('patients').select('id').execute()).map((r) => r.id);
  }, 120_000);
  afterAll(async () => t.close());

  it('reads every patient as the plain view does, and audits each read once', async () => {
    const before = await t.db.kysely
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    for (const id of ids) {
      expect(await loadPatientViewAudited(t.db.kysely, id, read(id))).toEqual(
        await loadPatientView(t.db.kysely, id),
      );
    }
    const audited = await t.db.kysely
      .selectFrom('audit_events')
      .select('patient_id')
      .where('action', '=', 'patient.read')
      .where('actor_id', '=', userId)
      .where('id', '>', before.id ?? '0')
      .execute();
    expect(audited.map((r) => r.patient_id).sort()).toEqual([...ids].sort());
  });

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'parses them once per connection, however often they run',
    async () => {
      await t.db.kysely.connection().execute(async (db) => {
        for (let i = 0; i < 3; i++) {
          await loadPatientViewAudited(db, ids[0]!, read(ids[0]!));
          await lookupSession(db, 'not-a-session', 15);
        }
        const { rows } = await sql<{
          statement: string;
        }>`SELECT statement FROM pg_prepared_statements`.execute(db);
        expect(rows.length).toBe(2);
        expect(rows.some((r) => r.statement.includes('INSERT INTO audit_events'))).toBeTrue();
        expect(rows.some((r) => r.statement.includes('FROM sessions s'))).toBeTrue();
      });
    },
  );
});
