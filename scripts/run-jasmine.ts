/**
 * Runs the domain and server specs with Jasmine on Node 24 (type stripping, no build step).
 * `node scripts/run-jasmine.ts [glob ...]`; FT_TEST_DB=postgres runs the server specs on PostgreSQL.
 */
import Jasmine from 'jasmine';

const globs = process.argv.slice(2);
const runner = new Jasmine({});
runner.loadConfig({
  spec_dir: '.',
  spec_files: globs.length
    ? globs
    : ['domain/**/*.spec.ts', 'server/**/*.spec.ts', 'scripts/**/*.spec.ts'],
  jsLoader: 'import',
  random: true,
});
// Server specs start PGlite (WASM) and hash passwords: on a busy 2-core machine 5 s is too tight.
// FT_SPEC_TIMEOUT_MS raises the limit further.
(runner.jasmine as unknown as { DEFAULT_TIMEOUT_INTERVAL: number }).DEFAULT_TIMEOUT_INTERVAL =
  Number(process.env['FT_SPEC_TIMEOUT_MS'] || 30_000);
runner.exitOnCompletion = true;
await runner.execute();
