/**
 * Runs the domain and server specs with Jasmine on Node 24 (type stripping, no build step).
 * `node scripts/run-jasmine.ts [glob ...]`; FT_TEST_DB=postgres runs the server specs on PostgreSQL.
 */
import Jasmine from 'jasmine';

const globs = process.argv.slice(2);
const runner = new Jasmine({});
runner.loadConfig({
  spec_dir: '.',
  spec_files: globs.length ? globs : ['domain/**/*.spec.ts', 'server/**/*.spec.ts'],
  jsLoader: 'import',
  random: true,
});
// Set-up (PGlite start, migrations, argon2 sign-ins) can take several seconds on a shared CI machine.
(runner.jasmine as unknown as { DEFAULT_TIMEOUT_INTERVAL: number }).DEFAULT_TIMEOUT_INTERVAL = 30_000;
runner.exitOnCompletion = true;
await runner.execute();
