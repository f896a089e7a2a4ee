import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { migrate, migrationFiles } from '../db/migrate.ts';
import { TEST_DB_KIND } from './test-app.ts';

// PGlite-only behaviour; on PostgreSQL every test app already runs the migrations.
(TEST_DB_KIND === 'pglite' ? describe : xdescribe)(
  'database: PGlite data folder and migrations',
  () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(process.env['TMPDIR'] ?? tmpdir(), 'ft-db-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a second opener of the same data folder with a clear message, and frees it on close', async () => {
      const first = await openDatabase({ databaseUrl: null, dataDir: dir });
      try {
        await expectAsync(openDatabase({ databaseUrl: null, dataDir: dir })).toBeRejectedWithError(
          DataDirLockedError,
          /in use by another FacetTrack process/,
        );
      } finally {
        await first.close();
      }
      const again = await openDatabase({ databaseUrl: null, dataDir: dir });
      await again.close();
    }, 120_000); // creating a PGlite folder takes seconds, on a loaded machine a minute

    it('takes over a lock left by a process that no longer runs', async () => {
      writeFileSync(path.join(dir, 'facettrack.lock'), '999999999');
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      await db.close();
    }, 120_000);

    it('applies every migration once, persists them, and applies nothing the second time', async () => {
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      expect(await migrate(db)).toEqual(await migrationFiles());
      await db.close();
      const reopened = await openDatabase({ databaseUrl: null, dataDir: dir });
      expect(await migrate(reopened)).toEqual([]);
      await reopened.close();
    }, 120_000);
  },
);
