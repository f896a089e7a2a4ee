import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { DEFAULT_SHARED_READS, SHARED_STATEMENT_TIMEOUT_MS } from '../db/database.ts';
import { SharingPool } from '../db/shared-reads.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

const pidOf = (t: TestApp, sleep = 0) =>
  sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(${sleep})`
    .execute(t.app.sharedReads)
    .then((r) => r.rows[0]!.pid);

describe('FT_DB_SHARED_READS', () => {
  it('is unset by default (the database default), takes a positive whole number, refuses others', () => {
    expect(loadConfig({}).dbSharedReads).toBeNull();
    expect(loadConfig({ FT_DB_SHARED_READS: '3' }).dbSharedReads).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two'])
      expect(() => loadConfig({ FT_DB_SHARED_READS: bad }))
        .withContext(bad)
        .toThrowError(/FT_DB_SHARED_READS must be a positive whole number/);
  });
});

describe('shared read connections (db/shared-reads.ts)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  (TEST_DB_KIND === 'pglite' ? it : xit)('are the one PGlite connection itself', () => {
    expect(t.app.sharedReads).toBe(t.app.db);
  });

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'serve any number of statements at once on a few connections, none waiting for a free one',
    async () => {
      const many = DEFAULT_SHARED_READS * 6;
      const started = performance.now();
      const pids = await Promise.all(Array.from({ length: many }, () => pidOf(t, 0.05)));
      expect(new Set(pids).size).toBe(DEFAULT_SHARED_READS);
      // Each connection runs its share in turn: about many / DEFAULT_SHARED_READS sleeps in all.
      expect(performance.now() - started).toBeGreaterThanOrEqual(
        ((many / DEFAULT_SHARED_READS) * 50) / 1.2,
      );
    },
  );

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'refuse transactions and session settings, and go on serving after refusing them',
    async () => {
      const timeout = async () =>
        (
          await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(
            t.app.sharedReads,
          )
        ).rows.map((r) => r.statement_timeout);
      const before = await timeout();
      expect(before).toEqual([`${SHARED_STATEMENT_TIMEOUT_MS / 1000}s`]);
      await expectAsync(
        t.app.sharedReads.transaction().execute(async (tx) => sql`SELECT 1`.execute(tx)),
      ).toBeRejectedWithError(/a shared read connection refuses session state: begin/);
      for (const statement of [
        sql`SET statement_timeout = 1`,
        sql`  set search_path = public`,
        sql`LOCK TABLE patients`,
        sql`LISTEN anything`,
      ])
        await expectAsync(statement.execute(t.app.sharedReads)).toBeRejectedWithError(
          /refuses session state/,
        );
      expect(await timeout()).toEqual(before);
      expect(await pidOf(t)).toBeGreaterThan(0);
    },
  );

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'fail a statement alone: the others sent beside it on the same connection answer',
    async () => {
      const results = await Promise.allSettled([
        pidOf(t),
        sql`SELECT 1 / 0 AS never`.execute(t.app.sharedReads),
        pidOf(t),
        pidOf(t),
        sql`SELECT * FROM no_such_table`.execute(t.app.sharedReads),
        pidOf(t),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
    },
  );

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'replace a connection PostgreSQL terminated, without crashing the process',
    async () => {
      const errors = spyOn(console, 'error');
      const pids = [...new Set(await Promise.all(Array.from({ length: 6 }, () => pidOf(t))))];
      const admin = new pg.Client({ connectionString: process.env['PG_TEST_URL'] });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
      } finally {
        await admin.end();
      }
      for (
        const started = Date.now();
        errors.calls.count() < pids.length && Date.now() - started < 10_000;
      )
        await new Promise((r) => setTimeout(r, 20));
      expect(errors).toHaveBeenCalledWith(
        jasmine.stringContaining('PostgreSQL closed a shared read connection'),
      );
      const after = await Promise.all(Array.from({ length: 6 }, () => pidOf(t)));
      expect(after.some((pid) => pids.includes(pid))).toBeFalse();
    },
  );

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'end a statement that runs too long, and only that one (statement_timeout)',
    async () => {
      expect(SHARED_STATEMENT_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
      const { rows } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(
        t.app.sharedReads,
      );
      expect(rows[0]!.statement_timeout).toBe(`${SHARED_STATEMENT_TIMEOUT_MS / 1000}s`);
      const pool = new SharingPool(
        {
          connectionString: process.env['PG_TEST_URL']!,
          pipeline: true,
          statement_timeout: 100,
        } as pg.ClientConfig,
        1,
        () => {},
      );
      try {
        const lent = await pool.connect();
        const [slow, after] = await Promise.allSettled([
          lent.query('SELECT pg_sleep(2)'),
          lent.query('SELECT 2 AS two'),
        ]);
        lent.release();
        expect(slow.status).toBe('rejected');
        expect((slow as PromiseRejectedResult).reason).toEqual(
          jasmine.objectContaining({ code: '57014' }),
        );
        expect((after as PromiseFulfilledResult<pg.QueryResult>).value.rows).toEqual([{ two: 2 }]);
      } finally {
        await pool.end();
      }
    },
  );

  it('serve patient pages called all at once, each audited once', async () => {
    await t.createUser('shared-nurse', 'nurse');
    const nurse = await t.login('shared-nurse');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: nurse.write,
      payload: {
        mrn: 'SHARED-1',
        givenName: 'Shared',
        familyName: 'Reads',
        birthDate: '1980-01-01',
        sex: 'other',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    const calls = 24;
    const answers = await Promise.all(
      Array.from({ length: calls }, (_, i) =>
        t.app.inject({
          method: 'GET',
          url: i % 2 ? `/api/v1/patients/${id}/page` : `/api/v1/patients/${id}`,
          headers: nurse.read,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: calls }, () => 200));
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('patient_id', '=', id)
      .where('action', '=', 'patient.read')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(calls);
  });
});
