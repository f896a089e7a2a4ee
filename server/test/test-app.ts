import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Role, SessionInfo } from '../../domain/index.ts';
import { buildApp } from '../app.ts';
import { loadConfig, type ServerConfig } from '../config.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { hashPassword } from '../services/passwords.ts';
import { ensureBuiltInRuleSets } from '../services/rule-sets.ts';
import type { App } from '../types.ts';

/** Which database the server specs run on: PGlite by default, PostgreSQL when FT_TEST_DB=postgres. */
export const TEST_DB_KIND = process.env['FT_TEST_DB'] === 'postgres' ? 'postgres' : 'pglite';

/** A built app on a fresh, migrated database of its own, with helpers to sign in. */
export interface TestApp {
  app: App;
  db: Db;
  config: ServerConfig;
  /** Creates a user straight in the database; returns its id. */
  createUser(username: string, role: Role, password?: string): Promise<string>;
  /** Signs in through the API; returns the cookie header and CSRF token for later requests. */
  login(username: string, password?: string): Promise<Signed>;
  /**
   * Runs a write made behind the app's back (as psql or another instance would make it) and waits
   * until the app has heard its change notice (db/change-notices.ts): on PostgreSQL it comes just after the
   * commit, asynchronously.
   */
  heard<T>(write: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Signed {
  cookie: string;
  csrfToken: string;
  info: SessionInfo;
  /** Headers for a write as this user. */
  write: Record<string, string>;
  /** Headers for a read as this user. */
  read: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery';
// One hash for every test user: argon2 is deliberately slow.
let testHash: Promise<string> | null = null;

/**
 * Opening and migrating a database costs seconds (PGlite's WASM start, then every migration), and
 * the specs build about eighty apps. So each process migrates once: a PGlite dump, or a PostgreSQL
 * template database, that every test app then starts from.
 */
async function migrated(db: Db): Promise<Db> {
  await migrate(db);
  await ensureBuiltInRuleSets(db.kysely);
  return db;
}

let pgliteSnapshot: Promise<Blob> | null = null;
function migratedPgliteDump(): Promise<Blob> {
  pgliteSnapshot ??= (async () => {
    const db = await migrated(await openDatabase({ databaseUrl: null, dataDir: 'memory://' }));
    try {
      return await db.dumpDataDir!();
    } finally {
      await db.close();
    }
  })();
  return pgliteSnapshot;
}

function adminUrl(): string {
  const url = process.env['PG_TEST_URL'];
  if (!url)
    throw new Error('FT_TEST_DB=postgres needs PG_TEST_URL (a role that may CREATE DATABASE)');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

let pgTemplate: Promise<string> | null = null;
function migratedPostgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `ft_tpl_${randomBytes(6).toString('hex')}`;
    await asAdmin(`CREATE DATABASE ${name}`);
    const db = await migrated(await openDatabase({ databaseUrl: databaseUrl(name), dataDir: '' }));
    await db.close(); // CREATE DATABASE ... TEMPLATE needs the template free of connections
    return name;
  })();
  return pgTemplate;
}

// The template goes when the run ends (a top-level afterAll belongs to Jasmine's root suite).
if (typeof afterAll === 'function')
  afterAll(async () => {
    if (pgTemplate) await asAdmin(`DROP DATABASE IF EXISTS ${await pgTemplate} WITH (FORCE)`);
  });

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = await migratedPostgresTemplate();
  const name = `ft_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: databaseUrl(name),
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Builds the app on a throwaway database: in-memory PGlite, or a new PostgreSQL database. */
export async function createTestApp(
  overrides: Partial<ServerConfig> = {},
  kind: 'pglite' | 'postgres' = TEST_DB_KIND,
): Promise<TestApp> {
  const pgDb = kind === 'postgres' ? await freshPostgres() : null;
  const config: ServerConfig = {
    ...loadConfig({}),
    databaseUrl: pgDb?.url ?? null,
    dataDir: 'memory://',
    auditDir: null,
    spaDir: 'server/test/fixtures/spa',
    logLevel: 'silent',
    ...overrides,
  };
  const fromSnapshot = !config.databaseUrl && config.dataDir.startsWith('memory://');
  const db = await openDatabase({
    ...config,
    ...(fromSnapshot ? { loadDataDir: await migratedPgliteDump() } : {}),
  });
  await migrated(db); // a no-op on the snapshot; keeps overrides with a real data dir working
  const app = await buildApp(config, db, false);
  await app.ready();

  const login = async (username: string, password = TEST_PASSWORD): Promise<Signed> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const info = res.json() as SessionInfo;
    const cookie = sessionCookie(res);
    return {
      cookie,
      csrfToken: info.csrfToken,
      info,
      read: { cookie },
      write: { cookie, 'x-csrf-token': info.csrfToken },
    };
  };

  return {
    app,
    db,
    config,
    login,
    async createUser(username, role, password) {
      testHash ??= hashPassword(TEST_PASSWORD);
      const hash = password ? await hashPassword(password) : await testHash;
      const row = await db.kysely
        .insertInto('users')
        .values({ username, name: `Test ${username}`, role, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      return String(row.id);
    },
    async heard(write) {
      const before = app.changeNotices.version;
      const result = await write();
      for (const started = Date.now(); app.changeNotices.version === before;) {
        if (Date.now() - started > 10_000) throw new Error('no change notice was heard');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return result;
    },
    async close() {
      await app.close();
      await db.close();
      await pgDb?.drop();
    },
  };
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'ft_session');
  if (!cookie) throw new Error('no session cookie set');
  return `ft_session=${cookie.value}`;
}

/** A fresh unique name, so specs sharing one app do not collide. */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}${randomBytes(2).toString('hex')}`;
}
