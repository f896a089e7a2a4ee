/**
 * `npm run seed -- --patients N [--seed S] [--until YYYY-MM-DD] [--years Y]` (api.md): fills the
 * database that DATABASE_URL / FT_DATA_DIR selects (migrated first) with a reproducible invented
 * practice of N patients over Y years (default 2) ending on `until` (default today): the same seed and
 * `until` give the same practice. Prints what it made.
 */
import { parseArgs } from 'node:util';
import { dateField, todayIso } from '../../domain/index.ts';
import { seedPractice } from '../demo/bulk-insert.ts';
import { ensureBuiltInRuleSets } from '../services/rule-sets.ts';
import { openForCli } from './open-for-cli.ts';

const USAGE = 'Usage: npm run seed -- --patients N [--seed S] [--until YYYY-MM-DD] [--years Y]';
const { values } = parseArgs({
  options: {
    patients: { type: 'string' },
    seed: { type: 'string' },
    until: { type: 'string' },
    years: { type: 'string' },
  },
});
const patients = Number(values.patients);
const seed = Number(values.seed ?? 1);
const years = Number(values.years ?? 2);
const until = values.until ?? todayIso();
const problems: string[] = [];
if (!Number.isInteger(patients) || patients < 1 || patients > 1_000_000)
  problems.push('--patients: a whole number from 1 to 1000000');
if (!Number.isInteger(seed)) problems.push('--seed: a whole number');
if (!(years > 0 && years <= 20)) problems.push('--years: more than 0, at most 20');
if (!dateField('--until').safeParse(until).success) problems.push('--until: a date as YYYY-MM-DD');
if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(USAGE);
  process.exit(2);
}
const db = await openForCli();
try {
  await ensureBuiltInRuleSets(db.kysely);
  const started = performance.now();
  const made = await seedPractice(db.kysely, {
    patients,
    seed,
    until,
    spanDays: Math.round(years * 365),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // What it made goes to standard output (the report of a command-line tool, not a log).
  const lines = [
    `Seeded an invented practice (seed ${seed}, ${years} years to ${until}) in ${seconds} s:`,
    ...Object.entries(made).map(([what, n]) => `  ${what.padEnd(14)} ${n}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  await db.close();
}
