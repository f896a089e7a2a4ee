/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the PGlite folder, then exits. */
import { migrationFiles } from '../db/migrate.ts';
import { openForCli } from './open-for-cli.ts';

const db = await openForCli(); // migrates
console.log(`The database is up to date (${(await migrationFiles()).length} migrations).`);
await db.close();
