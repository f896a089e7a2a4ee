/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the PGlite folder, then exits. */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

const db = await openDatabase(loadConfig());
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
}
