import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';
import {
  currentHolder,
  DataDirLockedError,
  holderIsAlive,
  processStartTicks,
} from '../db/data-dir-lock.ts';
import { DataDirPermissionError, ensurePrivateDataDir } from '../db/data-dir-modes.ts';
import { TEST_DB_KIND } from './test-app.ts';

/** Every mode under `dir` (folder included), as octal strings, counted. */
function modes(dir: string): { dirs: Set<string>; files: Set<string> } {
  const dirs = new Set<string>([(statSync(dir).mode & 0o777).toString(8)]);
  const files = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const mode = (statSync(full).mode & 0o777).toString(8);
      if (e.isDirectory()) {
        dirs.add(mode);
        walk(full);
      } else files.add(mode);
    }
  };
  walk(dir);
  return { dirs, files };
}

// Issue 10, defects 2 and 4: PGlite-only (PostgreSQL keeps its own folder and locks).
(TEST_DB_KIND === 'pglite' ? describe : xdescribe)(
  'PGlite data folder: private modes and a lock robust to PID reuse',
  () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(process.env['TMPDIR'] ?? tmpdir(), 'ft-dir-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('creates a new folder 0700 with every file 0600, also after writes and close', async () => {
      const dir = path.join(root, 'data');
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      expect(modes(dir)).toEqual({ dirs: new Set(['700']), files: new Set(['600']) });
      await db.kysely.schema.createTable('drill').addColumn('a', 'text').execute();
      await db.close();
      expect(modes(dir)).toEqual({ dirs: new Set(['700']), files: new Set(['600']) });
    }, 120_000);

    it('repairs an existing world-readable, world-writable folder at start', () => {
      const dir = path.join(root, 'old');
      mkdirSync(path.join(dir, 'base'), { recursive: true });
      writeFileSync(path.join(dir, 'pg_hba.conf'), 'x');
      writeFileSync(path.join(dir, 'base', '1'), 'x');
      chmodSync(path.join(dir, 'pg_hba.conf'), 0o666);
      chmodSync(path.join(dir, 'base', '1'), 0o666);
      chmodSync(path.join(dir, 'base'), 0o777);
      chmodSync(dir, 0o777);
      ensurePrivateDataDir(dir);
      expect(modes(dir)).toEqual({ dirs: new Set(['700']), files: new Set(['600']) });
    });

    it('refuses with a clear message when a mode cannot be set', () => {
      const dir = path.join(root, 'foreign');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'PG_VERSION'), '17');
      const denied = (file: string) => {
        if (file.endsWith('PG_VERSION'))
          throw Object.assign(new Error('not permitted'), { code: 'EPERM' });
      };
      expect(() => ensurePrivateDataDir(dir, denied)).toThrowMatching(
        (e) =>
          e instanceof DataDirPermissionError &&
          /Cannot make the data folder .* private \(EPERM on PG_VERSION\)/.test(e.message),
      );
    });

    it('takes over a lock whose PID is alive but belongs to a later process (PID reuse, e.g. PID 1 in a container)', async () => {
      const dir = path.join(root, 'reuse');
      mkdirSync(dir, { mode: 0o700 });
      // Our own PID, as a crashed earlier run with the same PID would have written it, but started earlier.
      const stale = {
        ...currentHolder(),
        startTicks: String(Number(processStartTicks(process.pid)) - 1000),
      };
      writeFileSync(path.join(dir, 'facettrack.lock'), JSON.stringify(stale));
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      await db.close();
      expect(existsSync(path.join(dir, 'facettrack.lock'))).toBeFalse();
    }, 120_000);

    it('takes over a lock from another boot, and one from a PID that no longer runs (old plain-PID format too)', () => {
      expect(holderIsAlive({ ...currentHolder(), bootId: 'another-boot' })).toBeFalse();
      const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
      expect(holderIsAlive({ pid: ended, startTicks: null, bootId: null })).toBeFalse();
    });

    it('still refuses while the holder really runs: same PID and same start time', async () => {
      expect(holderIsAlive(currentHolder())).toBeTrue();
      const dir = path.join(root, 'live');
      const first = await openDatabase({ databaseUrl: null, dataDir: dir });
      try {
        await expectAsync(openDatabase({ databaseUrl: null, dataDir: dir })).toBeRejectedWithError(
          DataDirLockedError,
          /in use by another FacetTrack process/,
        );
      } finally {
        await first.close();
      }
    }, 120_000);
  },
);
