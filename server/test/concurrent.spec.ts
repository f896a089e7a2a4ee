import { sql } from 'kysely';
import { Socket } from 'node:net';
import { allSettledOrThrow, concurrently } from '../db/concurrent.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

/**
 * Issue 11: reads started together on a transaction's connection go out together (db/concurrent.ts;
 * the patient page's pieces). Nothing may still run once the block has ended.
 */
describe('concurrently: reads side by side on one transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const value = (n: number) => sql<{ n: number }>`SELECT ${n}::int AS n`;

  it('answers each read with its own rows, in the transaction and on its one connection', async () => {
    const seen = await t.db.kysely.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE probe (n int) ON COMMIT DROP`.execute(tx);
      await sql`INSERT INTO probe VALUES (7)`.execute(tx);
      return concurrently(tx, (db) =>
        Promise.all([
          ...[1, 2, 3, 4, 5].map((n) => value(n).execute(db)),
          sql<{ n: number }>`SELECT n FROM probe`.execute(db),
          sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db),
          sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db),
        ]),
      );
    });
    expect(seen.slice(0, 6).map((r) => (r.rows[0] as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 7]);
    const pids = seen.slice(6).map((r) => (r.rows[0] as { pid: number }).pid);
    expect(pids[0]).toBe(pids[1]!);
  });

  it('throws the first failure only once every read it started has answered', async () => {
    let slowDone = false;
    const failure = await t.db.kysely
      .transaction()
      .execute((tx) =>
        concurrently(tx, (db) =>
          Promise.all([
            sql`SELECT pg_sleep(0.2)`.execute(db).finally(() => (slowDone = true)),
            sql`SELECT 1 / 0`.execute(db),
          ]),
        ),
      )
      .then(
        () => null,
        (error: unknown) => ({ error, slowDone }),
      );
    expect(failure).not.toBeNull();
    expect(String((failure!.error as Error).message)).toMatch(/division by zero/);
    // On PostgreSQL the sleep goes first and answers before the failure; on PGlite they run in turn.
    expect(failure!.slowDone).toBeTrue();
    // The connection went back to the pool clean: the next transaction runs.
    const after = await t.db.kysely.transaction().execute((tx) => value(9).execute(tx));
    expect(after.rows[0]!.n).toBe(9);
  });

  // In a transaction Kysely refuses it too ("already rolled back"); outside one, the connection
  // has gone back to the pool, and only the lent handle stands in the way.
  for (const inTransaction of [true, false]) {
    it(`refuses a read a failed branch tries after the block has ended (${inTransaction ? 'in' : 'outside'} a transaction)`, async () => {
      let late: Promise<unknown> | null = null;
      const block = (handle: typeof t.db.kysely) =>
        concurrently(handle, (db) =>
          Promise.all([
            sql`SELECT 1 / 0`.execute(db),
            (late = new Promise((r) => setTimeout(r, 100)).then(() => value(5).execute(db))),
          ]),
        );
      const failure = await (
        inTransaction ? t.db.kysely.transaction().execute(block) : block(t.db.kysely)
      ).catch((e: Error) => e.message);
      expect(failure).toMatch(/division by zero/);
      await expectAsync(late!).toBeRejectedWithError(
        inTransaction ? /already rolled back/ : /a query after its block had ended/,
      );
    });
  }

  it('allSettledOrThrow waits for every promise, then throws the first rejection in order', async () => {
    let lateSettled = false;
    const late = new Promise<number>((resolve) =>
      setTimeout(() => {
        lateSettled = true;
        resolve(1);
      }, 50),
    );
    const thrown = await allSettledOrThrow([
      late,
      Promise.reject(new Error('second')),
      Promise.reject(new Error('third')),
    ]).catch((e: Error) => e.message);
    expect(thrown).toBe('second');
    expect(lateSettled).toBeTrue();
    expect(await allSettledOrThrow([Promise.resolve('a'), Promise.resolve(2)])).toEqual(['a', 2]);
  });

  it('lends a handle that refuses to open a transaction of its own', async () => {
    await expectAsync(
      t.db.kysely
        .transaction()
        .execute((tx) => concurrently(tx, (db) => db.transaction().execute(async () => 1))),
    ).toBeRejectedWithError(/concurrently\(\): the lent handle has no/);
  });

  if (TEST_DB_KIND === 'postgres') {
    it('PostgreSQL: sends reads started in the same tick in one socket write', async () => {
      const writes = spyOn(Socket.prototype, '_writeGeneric' as never).and.callThrough();
      const counted = await t.db.kysely.transaction().execute((tx) =>
        concurrently(tx, async (db) => {
          writes.calls.reset();
          await Promise.all([1, 2, 3, 4, 5, 6].map((n) => value(n).execute(db)));
          return writes.calls.count();
        }),
      );
      expect(counted).toBe(1);
    });
  }
});
