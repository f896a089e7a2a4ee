import { loadConfig } from '../config.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { DataDirPermissionError } from '../db/data-dir-modes.ts';
import { migrate } from '../db/migrate.ts';

/** Opens and migrates the configured database for a command-line tool; exits with a clear message if locked. */
export async function openForCli(): Promise<Db> {
  try {
    const db = await openDatabase(loadConfig());
    await migrate(db);
    return db;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(
        `${error.message}\nCommand-line tools use the same folder; stop the server first.`,
      );
      process.exit(1);
    }
    if (error instanceof DataDirPermissionError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
