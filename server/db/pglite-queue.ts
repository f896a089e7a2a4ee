import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type DatabaseConnection,
  type Driver,
  PGliteAdapter,
  PGliteDialect,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

/**
 * Arrival order of the work running in this async context (set per HTTP request by
 * plugins/request-order.ts). PGlite has one connection; when many requests want it, the one that
 * arrived first gets it next, so a request halfway through is not sent to the back of the line for
 * each of its queries (issue 11: p99 6-13 s against p50 0.3-0.6 s at 100 connections).
 */
export const arrivalOrder = new AsyncLocalStorage<number>();
let arrivals = 0;
/** The next arrival number: call once per request, when it arrives. */
export const nextArrival = (): number => ++arrivals;

/** The place in line of work that runs behind the requests (inBackground). */
const BACKGROUND = -1;

/**
 * Runs `work` behind the requests: before each of its queries it lets the event loop read what
 * has arrived on the sockets, then takes its turn behind every request that asked before it and
 * ahead of those that come later. So requests go between its queries, and it is never starved (a
 * report recomputed behind a served answer, report-cache.ts). PGlite runs a query without giving
 * the event loop a turn, so without the pause a computation's queries ran back to back while the
 * requests' sockets went unread. On PostgreSQL it changes nothing.
 */
export const inBackground = <T>(work: () => Promise<T>): Promise<T> =>
  arrivalOrder.run(BACKGROUND, work);

/**
 * Twice: a check phase (setImmediate) may come straight after the poll phase that read the
 * sockets; between two check phases there is always a poll phase.
 */
const letSocketsBeRead = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

interface Waiter {
  order: number;
  grant: () => void;
}

/** Hands PGlite's single connection to the waiter that arrived first (ties: first come, first served). */
class ArrivalQueue {
  private busy = false;
  private readonly waiters: Waiter[] = [];

  async take(): Promise<void> {
    let order = arrivalOrder.getStore();
    if (order === BACKGROUND) {
      await letSocketsBeRead();
      order = nextArrival();
    }
    if (!this.busy) {
      this.busy = true;
      return;
    }
    const place = order ?? nextArrival();
    await new Promise<void>((grant) => {
      // Sorted insert after every waiter of the same or an earlier arrival (queues stay short).
      let at = this.waiters.length;
      while (at > 0 && this.waiters[at - 1]!.order > place) at--;
      this.waiters.splice(at, 0, { order: place, grant });
    });
  }

  give(): void {
    const next = this.waiters.shift();
    if (next) next.grant();
    else this.busy = false;
  }
}

/** Kysely's PGlite driver behind the arrival queue (it replaces Kysely's own single-connection mutex). */
class QueuedDriver implements Driver {
  private readonly queue = new ArrivalQueue();
  private readonly inner: Driver;
  constructor(inner: Driver) {
    this.inner = inner;
  }
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.take();
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      this.queue.give();
      throw error;
    }
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.queue.give();
    }
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely tells its runtime the connection is shareable, so only our queue decides who goes next. */
class QueuedAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** PGliteDialect with the arrival-ordered queue in front of its one connection. */
export class QueuedPGliteDialect extends PGliteDialect {
  override createAdapter(): PGliteAdapter {
    return new QueuedAdapter();
  }
  override createDriver(): Driver {
    return new QueuedDriver(super.createDriver());
  }
}
