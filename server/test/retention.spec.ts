import { sql } from 'kysely';
import { pruneOperationalRows } from '../services/retention.ts';
import { createTestApp, type TestApp } from './test-app.ts';

describe('retention of operational rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('prunes login attempts after a day and sessions after 30 days idle, keeping recent ones and the audit trail', async () => {
    await t.createUser('keeper', 'nurse');
    const recent = await t.login('keeper');
    await t.login('keeper');
    await sql`UPDATE sessions SET last_seen_at = now() - interval '31 days' WHERE csrf_token <> ${recent.csrfToken}`.execute(
      t.db.kysely,
    );
    await t.db.kysely
      .insertInto('login_attempts')
      .values([
        {
          username: 'old',
          ip: '10.9.9.9',
          success: false,
          at: new Date(Date.now() - 25 * 3600_000),
        },
        {
          username: 'new',
          ip: '10.9.9.9',
          success: false,
          at: new Date(Date.now() - 23 * 3600_000),
        },
      ])
      .execute();
    const auditBefore = await t.db.kysely
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const pruned = await pruneOperationalRows(t.db.kysely);
    expect(pruned.sessions).toBe(1);
    expect(pruned.loginAttempts).toBe(1);
    const left = await t.db.kysely
      .selectFrom('login_attempts')
      .select('username')
      .where('ip', '=', '10.9.9.9')
      .execute();
    expect(left.map((r) => r.username)).toEqual(['new']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: recent.read }))
        .statusCode,
    ).toBe(200);
    const auditAfter = await t.db.kysely
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });
});
