/**
 * `npm test`: every suite in order, stopping at nothing so one run shows all failures.
 *   1. type-check server, domain and scripts   2. domain + server specs on PGlite
 *   3. server specs on PostgreSQL (when PG_TEST_URL is set)   4. client specs (Karma, headless Chromium)
 *   5. icon font check, production build (npm run build)   6. e2e journeys (Playwright, system Chromium)
 * Ends with one line "N passed, N failed" over all specs, and exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';

/** A port nothing listens on now, so the e2e server never collides with another run. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  counts?: (out: string) => [number, number] | null;
}

const jasmineCounts = (out: string): [number, number] | null => {
  const m = /(\d+) specs?, (\d+) failures?(?:, (\d+) pending)?/.exec(out);
  return m ? [Number(m[1]) - Number(m[2]) - Number(m[3] ?? 0), Number(m[2])] : null;
};
// Karma colours its summary; strip ANSI escapes so "(1 FAILED)" is read even when coloured.
const karmaCounts = (out: string): [number, number] | null => {
  const all = [
    ...stripVTControlCharacters(out).matchAll(
      /Executed (\d+) of (\d+)(?: \((\d+) FAILED\))?(?: \(skipped (\d+)\))?/g,
    ),
  ];
  const m = all.at(-1);
  return m ? [Number(m[1]) - Number(m[3] ?? 0), Number(m[3] ?? 0)] : null;
};
const playwrightCounts = (out: string): [number, number] | null => {
  const passed = /(\d+) passed/.exec(out);
  const failed = /(\d+) failed/.exec(out);
  return passed || failed ? [Number(passed?.[1] ?? 0), Number(failed?.[1] ?? 0)] : null;
};

const pgUrl = process.env['PG_TEST_URL'];
const steps: Step[] = [
  {
    name: 'type-check (server, domain)',
    command: ['npx', 'tsc', '-p', 'tsconfig.node.json', '--noEmit'],
  },
  // ESLint with the import boundaries (eslint.config.js): a crossed boundary fails the run.
  { name: 'lint (ESLint, import boundaries)', command: ['npx', 'eslint', '.'] },
  // Prettier (.prettierrc): an unformatted file fails the run; `npm run format` fixes it.
  { name: 'format (Prettier)', command: ['npx', 'prettier', '--check', '.'] },
  {
    name: 'domain + server specs on PGlite',
    command: ['node', 'scripts/run-jasmine.ts'],
    env: { FT_TEST_DB: 'pglite' },
    counts: jasmineCounts,
  },
  ...(pgUrl
    ? [
        {
          name: 'server specs on PostgreSQL',
          command: ['node', 'scripts/run-jasmine.ts', 'server/**/*.spec.ts'],
          env: { FT_TEST_DB: 'postgres' },
          counts: jasmineCounts,
        },
      ]
    : []),
  {
    name: 'client specs (Karma, headless Chromium)',
    command: ['npx', 'ng', 'test', '--watch=false', '--no-progress'],
    counts: karmaCounts,
  },
  {
    name: 'icon font holds exactly the icons used',
    command: ['node', 'scripts/icon-font.ts', '--check'],
  },
  { name: 'production build (icon font, ng build, precompress)', command: ['npm', 'run', 'build'] },
  {
    name: 'e2e journeys (Playwright)',
    command: ['npx', 'playwright', 'test'],
    env: { E2E_PORT: process.env['E2E_PORT'] ?? String(await freePort()) },
    counts: playwrightCounts,
  },
];

function run(step: Step): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const [cmd, ...args] = step.command;
    const child = spawn(cmd!, args, {
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      out += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => resolve({ ok: code === 0, out }));
  });
}

let passed = 0;
let failed = 0;
const report: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const { ok, out } = await run(step);
  const counts = step.counts?.(out) ?? null;
  if (counts) {
    passed += counts[0];
    failed += counts[1];
  }
  if (!ok && (!counts || counts[1] === 0)) failed += 1; // a step that failed outside its specs
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report.push(
    `${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)${counts ? `: ${counts[0]} passed, ${counts[1]} failed` : ''}`,
  );
}
if (!pgUrl)
  report.push(
    'note: PostgreSQL specs skipped (set PG_TEST_URL to a server where the role may CREATE DATABASE)',
  );
console.log(`\n=== summary\n${report.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
