import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Thrown when the PGlite folder cannot be made private to the server's user. */
export class DataDirPermissionError extends Error {}

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes the PGlite data folder private: the folder and its sub-folders 0700, every file 0600.
 * PGlite creates its files 0666 whatever the umask, so a local user could otherwise read every
 * record and edit the audit table (issue 10, defect 2). Runs before and after PGlite opens the folder
 * and again on close; throws DataDirPermissionError (the server refuses to start) when a mode cannot
 * be set, e.g. for files owned by another user or on a file system without Unix modes.
 * `chmod` is injectable so the refusal can be tested without a second user.
 */
export function ensurePrivateDataDir(
  dataDir: string,
  chmod: (file: string, mode: number) => void = chmodSync,
): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  const fix = (file: string, mode: number) => {
    try {
      chmod(file, mode);
    } catch (error) {
      throw new DataDirPermissionError(
        `Cannot make the data folder ${dataDir} private (${(error as NodeJS.ErrnoException).code ?? 'error'} on ${path.relative(dataDir, file) || '.'}). ` +
          'Run FacetTrack as the user that owns the folder, or set FT_DATA_DIR to a folder on a local disk.',
      );
    }
    if (chmod === chmodSync && (statSync(file).mode & 0o777) !== mode) {
      throw new DataDirPermissionError(
        `The file system of ${dataDir} ignores file modes, so the data folder cannot be made private. Set FT_DATA_DIR to a folder on a local disk.`,
      );
    }
  };
  const walk = (dir: string) => {
    fix(dir, DIR_MODE);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue; // chmod would follow it out of the folder
      if (entry.isDirectory()) walk(full);
      else if (lstatSync(full).isFile()) fix(full, FILE_MODE);
    }
  };
  walk(dataDir);
}
