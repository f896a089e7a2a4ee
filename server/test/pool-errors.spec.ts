import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { TEST_DB_KIND } from './test-app.ts';

// PostgreSQL only: a connection the server terminates must not crash the process.
(TEST_DB_KIND === 'postgres' ? describe : xdescribe)('PostgreSQL pool', () => {
  it('survives the server terminating an idle connection, and keeps serving queries', async () => {
    const db = await openDatabase({
      databaseUrl: process.env['PG_TEST_URL']!,
      dataDir: 'memory://',
    });
    const errors = spyOn(console, 'error');
    try {
      await db.kysely
        .selectFrom('pg_stat_activity' as never)
        .select((eb) => eb.lit(1).as('one'))
        .execute(); // opens a pooled connection
      const admin = new pg.Client({ connectionString: process.env['PG_TEST_URL'] });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND application_name = '' AND backend_type = 'client backend' AND datname = current_database() AND state = 'idle'`,
      );
      await admin.end();
      // The pool hears of the termination asynchronously: wait for it (a fixed pause flaked under load).
      for (const started = Date.now(); errors.calls.count() === 0 && Date.now() - started < 10_000;)
        await new Promise((r) => setTimeout(r, 20));
      const rows = await db.kysely
        .selectFrom('pg_stat_activity' as never)
        .select((eb) => eb.lit(1).as('one'))
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(errors).toHaveBeenCalledWith(
        jasmine.stringContaining('PostgreSQL closed an idle connection'),
      );
    } finally {
      await db.close();
    }
  });
});
