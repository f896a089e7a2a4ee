import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.ts';
import { DEFAULT_SHARED_READS, SHARED_STATEMENT_TIMEOUT_MS } from '../db/database.ts';
import { SharingPool, sharedStatementAllowed } from '../db/shared-reads.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

const pidOf = (t: TestApp, sleep = 0) =>
  sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(${sleep})`
    .execute(t.app.sharedReads)
    .then((r) => r.rows[0]!.pid);

describe('PostgreSQL connection settings', () => {
  for (const { variable, setting, good, bad } of [
    {
      variable: 'FT_DB_POOL_SIZE',
      setting: 'dbPoolSize',
      good: 12,
      bad: ['0', '-3', '2.5', 'many'],
    },
    {
      variable: 'FT_DB_SHARED_READS',
      setting: 'dbSharedReads',
      good: 3,
      bad: ['0', '-1', '1.5', 'two'],
    },
  ] as const)
    it(`${variable} is unset by default (the database default), takes a positive whole number, refuses others`, () => {
      expect(loadConfig({})[setting]).toBeNull();
      expect(loadConfig({ [variable]: String(good) })[setting]).toBe(good);
      for (const value of bad)
        expect(() => loadConfig({ [variable]: value }))
          .withContext(value)
          .toThrowError(new RegExp(`${variable} must be a positive whole number`));
    });
});

describe('what a shared read connection runs (sharedStatementAllowed)', () => {
  for (const [text, allowed] of [
    ['SELECT 1', true],
    ['  select * from patients where id = $1', true],
    ['WITH audited AS (INSERT INTO audit_events (at) SELECT now()) SELECT 1', true],
    ['INSERT INTO audit_events (at) VALUES ($1)', true],
    ['SHOW statement_timeout', true],
    ['-- the page\nSELECT 1', true],
    ['/* a comment */ select 1;', true],
    ['SELECT 1;  ', true],
    ['selected', false],
    ['BEGIN', false],
    ['start transaction read only', false],
    ['COMMIT', false],
    ['SET statement_timeout = 0', false],
    ['/* hidden */ SET search_path = x', false],
    ['-- SELECT\nRESET ALL', false],
    ['LOCK TABLE patients', false],
    ['LISTEN x', false],
    ['DEALLOCATE ALL', false],
    ['DISCARD ALL', false],
    ['CREATE TEMP TABLE x (a int)', false],
    ['UPDATE patients SET mrn = mrn', false],
    ['DELETE FROM audit_events', false],
    ['SELECT 1; SET search_path = x', false],
    ['', false],
  ] as const)
    it(`${allowed ? 'runs' : 'refuses'} ${JSON.stringify(text)}`, () => {
      expect(sharedStatementAllowed(text)).toBe(allowed);
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
    'lend their few connections to more requests at once than there are connections',
    async () => {
      // Requests each holding their handle open: from an ordinary pool of this size, the ones past
      // its size would wait for a connection until the first let theirs go.
      const holders = DEFAULT_SHARED_READS * 3;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const pids: number[] = [];
      const held = Array.from({ length: holders }, () =>
        t.app.sharedReads.connection().execute(async (db) => {
          pids.push(
            (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid,
          );
          await gate;
        }),
      );
      for (const started = Date.now(); pids.length < holders && Date.now() - started < 5_000;)
        await new Promise((r) => setTimeout(r, 10));
      const answeredWhileHeld = pids.length;
      open();
      await Promise.all(held);
      expect(answeredWhileHeld).toBe(holders);
      expect(new Set(pids).size).toBe(DEFAULT_SHARED_READS);
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
      ).toBeRejectedWithError(
        /a shared read connection runs one read or INSERT, never session state: begin/,
      );
      for (const statement of [
        sql`SET statement_timeout = 1`,
        sql`  set search_path = public`,
        sql`LOCK TABLE patients`,
        sql`LISTEN anything`,
      ])
        await expectAsync(statement.execute(t.app.sharedReads)).toBeRejectedWithError(
          /never session state/,
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
      // Until each dead connection has been noticed and replaced, a read may still fail on it.
      let after: number[] = [];
      for (const started = Date.now(); Date.now() - started < 10_000;) {
        const tries = await Promise.allSettled(Array.from({ length: 6 }, () => pidOf(t)));
        after = tries.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        if (after.length === 6 && !after.some((pid) => pids.includes(pid))) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(after.length).toBe(6);
      expect(after.some((pid) => pids.includes(pid))).toBeFalse();
      expect(errors).toHaveBeenCalledWith(
        jasmine.stringContaining('PostgreSQL closed a shared read connection'),
      );
    },
  );

  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'replace a connection whose prepared plan a migration changed (0A000)',
    async () => {
      const table = `shape_${Date.now()}`;
      const admin = new pg.Client({ connectionString: t.config.databaseUrl! });
      await admin.connect();
      const pool = new SharingPool(
        { connectionString: t.config.databaseUrl!, pipeline: true },
        1,
        () => {},
      );
      try {
        await admin.query(`CREATE TABLE ${table} (a int)`);
        const lent = await pool.connect();
        const named = { name: `${table}_all`, text: `SELECT * FROM ${table}`, values: [] };
        const pid = async (client: Awaited<ReturnType<SharingPool['connect']>>) =>
          ((await client.query('SELECT pg_backend_pid() AS pid')) as pg.QueryResult).rows[0]
            .pid as number;
        const first = await pid(lent);
        await lent.query(named);
        await admin.query(`ALTER TABLE ${table} ADD COLUMN b int`);
        await expectAsync(lent.query(named) as Promise<unknown>).toBeRejectedWith(
          jasmine.objectContaining({ code: '0A000' }),
        );
        lent.release();
        let next = first;
        for (const started = Date.now(); next === first && Date.now() - started < 5_000;) {
          const again = await pool.connect();
          next = await pid(again).catch(() => first);
          again.release();
        }
        expect(next).not.toBe(first);
      } finally {
        await pool.end();
        await admin.query(`DROP TABLE IF EXISTS ${table}`);
        await admin.end();
      }
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
      const lock = await sql<{ lock_timeout: string }>`SHOW lock_timeout`.execute(
        t.app.sharedReads,
      );
      expect(lock.rows[0]!.lock_timeout).toBe('2s');
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
