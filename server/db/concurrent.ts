import {
  type ConnectionProvider,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type KyselyConfig,
} from 'kysely';
import type { Database } from './schema.ts';

/**
 * Hands the one connection to every query at once, and knows which are still running. (Kysely's own
 * provider for a transaction queues each query until the one before it has answered.) Once ended,
 * it refuses: a branch of a Promise.all that failed may still try a query after the block is over.
 */
class SharedConnection implements ConnectionProvider {
  private readonly running = new Set<Promise<unknown>>();
  private readonly connection: DatabaseConnection;
  private ended = false;
  constructor(connection: DatabaseConnection) {
    this.connection = connection;
  }
  provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    if (this.ended)
      return Promise.reject(new Error('concurrently(): a query after its block had ended'));
    const run = consumer(this.connection);
    const tracked = run.catch(() => undefined);
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
    return run;
  }
  /** Refuses further queries and waits for those still running. */
  async end(): Promise<void> {
    this.ended = true;
    while (this.running.size) await Promise.all(this.running);
  }
}

/** Not available on the handle `concurrently` lends: it has one connection, already in a transaction. */
const refused = new Proxy(
  {},
  {
    get: (_target, key) => {
      throw new Error(`concurrently(): the lent handle has no ${String(key)} (no transactions)`);
    },
  },
);

/**
 * Runs `work` with a handle on the connection of `tx` (a transaction, or `db.connection()`) whose
 * queries are not queued behind each other, so reads started together (Promise.all) are sent
 * together (issue 11: the patient page's 36 statements, one round trip each, cost the server more
 * in socket writes than in anything else). On PostgreSQL the client pipelines them and the socket
 * sends every query issued in one tick in a single write (database.ts, prepared.ts); PGlite, one
 * connection, runs them in turn. Reads only: their order on the connection is not fixed.
 *
 * `work` must use only the handle it is given (`tx` waits for `work` to end). Every query it
 * started has answered before this returns or throws, and any it tries later is refused, so none
 * runs after the caller's COMMIT or ROLLBACK, or on a connection given back to the pool.
 */
export function concurrently<T>(
  tx: Kysely<Database>,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const executor = tx.getExecutor();
  return executor.provideConnection(async (connection) => {
    const shared = new SharedConnection(connection);
    const db = new Kysely<Database>({
      executor: executor.withConnectionProvider(shared),
      config: refused as KyselyConfig,
      driver: refused as Driver,
      dialect: refused as Dialect,
    });
    try {
      return await work(db);
    } finally {
      await shared.end();
    }
  });
}

/**
 * Awaits every promise, then returns their values in order or throws the first rejection (in
 * order): unlike Promise.all, nothing is still running when it throws.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(
  promises: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
