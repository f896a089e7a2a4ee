import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** Arbitrary key for the advisory lock that lets only one instance migrate at a time. */
const MIGRATION_LOCK_KEY = 7_301_001;

/** Names of the migration files in order (NNNN_name.sql). */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f)).sort();
}

/**
 * Applies the numbered SQL files in server/migrations that have not run yet, each in its own
 * transaction, in order, under an advisory lock so instances starting together do not race. The same
 * files serve PGlite and PostgreSQL. Returns the names applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = await migrationFiles();
  return db.withScriptRunner(async (run) => {
    await run(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await run(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set(
        (await run('SELECT name FROM schema_migrations')).map((r) => String(r['name'])),
      );
      const applied: string[] = [];
      for (const file of files.filter((f) => !done.has(f))) {
        const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
        try {
          // File names are checked against a strict pattern above, so quoting them here is safe.
          await run(
            `BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`,
          );
        } catch (error) {
          await run('ROLLBACK');
          throw new Error(
            `Migration ${file} failed: ${error instanceof Error ? error.message : error}`,
          );
        }
        applied.push(file);
      }
      return applied;
    } finally {
      await run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

/** Throws unless the migrations table can be read (GET /health: the database answers and is migrated). */
export async function assertMigrated(db: Kysely<Database>): Promise<void> {
  await db
    .selectFrom('schema_migrations' as never)
    .select((eb) => eb.lit(1).as('one'))
    .limit(1)
    .execute();
}
