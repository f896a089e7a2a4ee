import { sql } from 'kysely';
import { appendAudit, verifyAuditChain } from '../services/audit-trail.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('audit trail', () => {
  let t: TestApp;
  let admin: Signed;
  beforeEach(async () => {
    t = await createTestApp();
    await t.createUser('auditor', 'admin');
    admin = await t.login('auditor');
    for (let i = 0; i < 4; i++) {
      await t.db.kysely.transaction().execute((tx) => appendAudit(tx, { actorId: null, actorUsername: 'spec', action: 'patient.read', patientId: String(100 + i), details: { i, note: `O'Neil "q" ${i}` } }));
    }
  });
  afterEach(async () => t.close());

  const verify = () => t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.read });
  const ids = async () => (await t.db.kysely.selectFrom('audit_events').select('id').orderBy('id').execute()).map((r) => String(r.id));

  it('reports an intact chain with the number of events checked', async () => {
    const res = await verify();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: 5 }); // login + 4 reads
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    await expectAsync(sql`UPDATE audit_events SET action = 'x'`.execute(t.db.kysely)).toBeRejected();
    await expectAsync(sql`DELETE FROM audit_events`.execute(t.db.kysely)).toBeRejected();
  });

  it('catches a row edited directly in SQL (trigger disabled by someone with the rights)', async () => {
    const [, , target] = await ids();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(t.db.kysely);
    await sql`UPDATE audit_events SET patient_id = '999' WHERE id = ${target}`.execute(t.db.kysely);
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(target);
    expect(res.reason).toContain('altered');
  });

  it('catches a row deleted directly in SQL, at the row after the gap', async () => {
    const [, second, third] = await ids();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(t.db.kysely);
    await sql`DELETE FROM audit_events WHERE id = ${second}`.execute(t.db.kysely);
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(third);
    expect(res.reason).toContain('removed');
  });

  it('verifies across batch boundaries', async () => {
    expect((await verifyAuditChain(t.db.kysely, 2)).ok).toBeTrue();
  });

  it('lists events newest first, filtered by patient, action, user and date; admin only', async () => {
    const byPatient = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?patientId=102', headers: admin.read })).json();
    expect(byPatient.items.map((e: { patientId: string }) => e.patientId)).toEqual(['102']);
    expect(byPatient.items[0].details).toEqual({ i: 2, note: `O'Neil "q" 2` });
    const byAction = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?action=auth.login', headers: admin.read })).json();
    expect(byAction.total).toBe(1);
    expect(byAction.items[0].actorId).toBe(admin.info.user.id);
    const byUser = (await t.app.inject({ method: 'GET', url: `/api/v1/audit/events?userId=${admin.info.user.id}`, headers: admin.read })).json();
    expect(byUser.total).toBe(1);
    const future = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?from=2999-01-01', headers: admin.read })).json();
    expect(future.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const all = (await t.app.inject({ method: 'GET', url: `/api/v1/audit/events?from=${today}&to=${today}&pageSize=2`, headers: admin.read })).json();
    expect(all.total).toBe(5);
    expect(all.items.length).toBe(2);
    expect(Number(all.items[0].id)).toBeGreaterThan(Number(all.items[1].id));
    const backwards = await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?from=2026-02-01&to=2026-01-01', headers: admin.read });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('query.to');
    const name = uniqueName('nurse');
    await t.createUser(name, 'nurse');
    const nurse = await t.login(name);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events', headers: nurse.read })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: nurse.read })).statusCode).toBe(403);
  });

  it('writes the audit row in the same transaction as the change: a failed change leaves neither', async () => {
    const before = (await ids()).length;
    await expectAsync(t.db.kysely.transaction().execute(async (tx) => {
      await appendAudit(tx, { actorId: null, actorUsername: 'spec', action: 'patient.update', patientId: '1' });
      throw new Error('change failed');
    })).toBeRejected();
    expect((await ids()).length).toBe(before);
    expect((await verify()).json().ok).toBeTrue();
  });
});
