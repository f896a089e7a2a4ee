import { todayIso } from '../domain/index.ts';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/database.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { DataDirPermissionError } from './db/data-dir-modes.ts';
import { migrate } from './db/migrate.ts';
import { seedPractice } from './demo/bulk-insert.ts';
import { seedDemoPractice } from './demo/practice.ts';
import { seedDemo } from './demo/seed.ts';
import { disableDemoAccounts } from './services/demo-accounts.ts';
import { loggableError } from './services/log-safety.ts';
import { pruneOperationalRows } from './services/retention.ts';
import { ensureBuiltInRuleSets } from './services/rule-sets.ts';

/** How long shutdown waits for requests in flight before it gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  let db;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DataDirPermissionError) {
      console.error(`FacetTrack cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  await migrate(db);
  await ensureBuiltInRuleSets(db.kysely);
  const demoCredentials = config.demo ? await seedDemo(db.kysely, config.demoPassword) : [];
  const refusedDemoAccounts = config.demo ? 0 : await disableDemoAccounts(db.kysely);
  // Demo practice: the four hand-written patients, then ~300 invented ones over two years from the
  // same generator as `npm run seed`, so the dashboard and outcomes look like a real practice.
  if (config.demo && config.demoPatients && (await seedDemoPractice(db.kysely)) > 0) {
    await seedPractice(db.kysely, { patients: 296, seed: 13, until: todayIso(), spanDays: 730 });
  }
  const app = await buildApp(config, db);
  // Keep operational tables small: at start and then hourly (any instance may do it; deletes are idempotent).
  const prune = () =>
    pruneOperationalRows(db.kysely).catch((error) =>
      app.log.warn({ err: error }, 'pruning failed'),
    );
  await prune();
  const pruneTimer = setInterval(prune, 3_600_000);
  pruneTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(pruneTimer);
    await db.close();
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing requests in flight, then closing the database`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  const lines = [
    ``,
    `FacetTrack is running at http://${config.host}:${config.port}/  (database: ${where})`,
  ];
  if (config.demo) lines.push('Demo mode is on: sample practice, not for patient care.');
  if (refusedDemoAccounts)
    lines.push(
      `Demo mode is off: the ${refusedDemoAccounts} demo accounts in this database are refused at sign-in.`,
    );
  if (demoCredentials.length) {
    lines.push('Demo users were created. Their passwords are shown only this once:');
    for (const c of demoCredentials)
      lines.push(
        `  ${c.role.padEnd(10)} username: ${c.username.padEnd(10)} password: ${c.password}`,
      );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error) => {
  // Start-up errors come from settings, files and migrations, not patient rows; a database error is
  // still reduced to its code so no value it quotes reaches the console.
  const safe = loggableError(error);
  console.error('FacetTrack failed to start:', safe.message);
  process.exit(1);
});
