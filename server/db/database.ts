import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { ensurePrivateDataDir } from './data-dir-modes.ts';
import { listenOnPostgres, type Unlisten } from './pg-listener.ts';
import { QueuedPGliteDialect } from './pglite-queue.ts';
import { usePreparedStatements } from './prepared.ts';
import { SharingPool } from './shared-reads.ts';
import type { Database } from './schema.ts';
import { TYPE_PARSERS } from './type-parsers.ts';

/** Runs SQL text (several statements allowed) with the simple query protocol; returns the last result's rows. */
export type ScriptRunner = (text: string) => Promise<Record<string, unknown>[]>;

/** An open database: the Kysely handle, a raw script runner for migrations, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  /**
   * For requests that only read and audit, each statement standing alone (db/shared-reads.ts): on
   * PostgreSQL a few pipelined connections shared by every such request, never held by one; on
   * PGlite, `kysely` itself.
   */
  sharedReads: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Lends one dedicated connection for multi-statement scripts (migrations). */
  withScriptRunner<T>(work: (run: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls `onNotice` with each NOTIFY payload on `channel`, and `onLive` with whether every notice
   * is being heard (PostgreSQL: false while the listening connection is lost and being reopened).
   */
  listen(
    channel: string,
    onNotice: (payload: string) => void,
    onLive: (live: boolean) => void,
  ): Promise<Unlisten>;
  /** PGlite only: the whole data directory as a tarball, to open copies of it (test snapshots). */
  dumpDataDir?: () => Promise<Blob>;
}

/** Opens PostgreSQL when `databaseUrl` is set, otherwise PGlite in `dataDir` (or in memory). */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: connections in this instance's pool (FT_DB_POOL_SIZE; default DEFAULT_POOL_SIZE). */
  dbPoolSize?: number | null;
  /** PostgreSQL only: connections shared by read-and-audit requests (FT_DB_SHARED_READS; default DEFAULT_SHARED_READS). */
  dbSharedReads?: number | null;
  /** In-memory PGlite only: start from this dump (from `Db.dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}): Promise<Db> {
  if (options.databaseUrl)
    return openPostgres(
      options.databaseUrl,
      options.dbPoolSize ?? DEFAULT_POOL_SIZE,
      options.dbSharedReads ?? DEFAULT_SHARED_READS,
    );
  return openPglite(options.dataDir, options.loadDataDir);
}

/**
 * Pooled PostgreSQL connections per server instance. Five, not node-postgres's ten: the page reads
 * pipeline (db/concurrent.ts), so a request needs its connection for fewer, shorter turns, and with
 * ten the event loop held ten pages open at once, each waiting for the loop to serve the other nine
 * (ADR 0011: on two cores the patient page's p95 at 100 connections fell from 1.32-1.46x the raw
 * replay to 1.20-1.25x, the replay given the same five).
 */
export const DEFAULT_POOL_SIZE = 5;

/**
 * PostgreSQL connections per instance that the patient page and the audited patient read share
 * (db/shared-reads.ts): one per core of the two the bench runs on. ADR 0011: with them the page's
 * p95 at 100 connections went from 1.20-1.39x the raw replay to 0.92-1.05x (1 and 3 measured
 * about the same as 2).
 */
export const DEFAULT_SHARED_READS = 2;

/** How long a statement on a shared read connection may run (db/shared-reads.ts). */
export const SHARED_STATEMENT_TIMEOUT_MS = 10_000;

async function openPostgres(
  connectionString: string,
  poolSize: number,
  sharedReadsSize: number,
): Promise<Db> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  // Pipeline mode: a client sends a query without waiting for the one before it to answer, so the
  // reads db/concurrent.ts starts together share a round trip (issue 11). Used one at a time, as
  // everywhere else, a client behaves as without it.
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types,
    pipeline: true,
  } as pg.PoolConfig);
  pool.on('connect', usePreparedStatements);
  // An idle connection the server drops (restart, failover, pg_terminate_backend) emits 'error' on
  // the pool; unhandled, that would crash the process. The pool replaces the connection on next use.
  pool.on('error', (error) =>
    console.error(`PostgreSQL closed an idle connection: ${error.message}`),
  );
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // A statement that stalls there holds up every request queued behind it on its connection. The
  // page's reads take milliseconds, so: a statement running 10 s is ended (57014), one waiting 2 s
  // for a lock (a migration's DDL) fails (55P03), and a connection that has not answered for 15 s
  // (PostgreSQL or the network gone silent; statement_timeout is the server's) is destroyed and
  // replaced. TCP keepalive notices a dead peer on an idle connection.
  const sharing = new SharingPool(
    {
      connectionString,
      types,
      pipeline: true,
      statement_timeout: SHARED_STATEMENT_TIMEOUT_MS,
      lock_timeout: 2_000,
      query_timeout: SHARED_STATEMENT_TIMEOUT_MS + 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    } as pg.ClientConfig,
    sharedReadsSize,
    (client) => usePreparedStatements(client as pg.PoolClient),
  );
  const sharedReads = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: sharing as unknown as pg.Pool }),
  });
  return {
    kysely,
    sharedReads,
    kind: 'postgres',
    withScriptRunner: async (work) => {
      const client = await pool.connect();
      try {
        return await work(async (text) => {
          const result = (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result[result.length - 1] : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotice, onLive) =>
      listenOnPostgres(connectionString, channel, onNotice, onLive),
    close: async () => {
      await sharedReads.destroy();
      await kysely.destroy();
    },
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) ensurePrivateDataDir(dataDir);
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    if (loadDataDir && !inMemory) throw new Error('loadDataDir needs an in-memory database');
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      parsers: TYPE_PARSERS,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    // PGlite creates its files 0666; close them to other users again (issue 10, defect 2).
    if (!inMemory) ensurePrivateDataDir(dataDir);
    const kysely = new Kysely<Database>({ dialect: new QueuedPGliteDialect({ pglite }) });
    return {
      kysely,
      sharedReads: kysely,
      kind: 'pglite',
      withScriptRunner: (work) =>
        work(async (text) => {
          const results = await pglite.exec(text);
          return (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[];
        }),
      // One in-process connection: a notice is delivered as its transaction commits, never missed.
      listen: async (channel, onNotice, onLive) => {
        const unlisten = await pglite.listen(channel, onNotice);
        onLive(true);
        return async () => {
          if (!pglite.closed) await unlisten();
        };
      },
      dumpDataDir: () => pglite.dumpDataDir('none'),
      close: async () => {
        await kysely.destroy();
        if (!pglite.closed) await pglite.close();
        try {
          if (!inMemory) ensurePrivateDataDir(dataDir); // files PGlite added while running
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
