/** Server settings, read once from the environment (api.md, "Running"). */
export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… selects a PostgreSQL server; null means embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite folder, or `memory://` for a throwaway database. */
  dataDir: string;
  /** Seed the demo practice and demo users on an empty database. */
  demo: boolean;
  /** Seed invented demo patients too (on by default in demo mode; the e2e journeys start empty). */
  demoPatients: boolean;
  /** Password for the demo users; random (printed once) when unset. */
  demoPassword: string | null;
  /** Minutes without activity after which a session ends (security baseline: 15). */
  idleTimeoutMinutes: number;
  /** Where the built SPA lives; served when it exists. */
  spaDir: string;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address in the audit log). */
  trustProxy: boolean;
  logLevel: string;
  /** PUT /api/v1/test/clock shifts the server's clock (e2e journeys); refused outside demo mode. */
  testClock: boolean;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

/** Builds the configuration from `env`; throws a readable error for a bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: positiveInt('PORT', env['PORT'], 4200),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || null,
    dataDir: env['FT_DATA_DIR'] || './data',
    demo: env['FT_DEMO'] === '1' || env['FT_DEMO'] === 'true',
    demoPatients: env['FT_DEMO_PATIENTS'] !== '0',
    demoPassword: env['FT_DEMO_PASSWORD'] || null,
    idleTimeoutMinutes: positiveInt('FT_IDLE_MINUTES', env['FT_IDLE_MINUTES'], 15),
    spaDir: env['FT_SPA_DIR'] || 'dist/facettrack/browser',
    trustProxy: env['FT_TRUST_PROXY'] === '1',
    logLevel: env['LOG_LEVEL'] || 'info',
    testClock: testClockAllowed(env),
  };
}

/** A movable clock is for throwaway demo servers only: a real practice must never have one. */
function testClockAllowed(env: NodeJS.ProcessEnv): boolean {
  if (env['FT_TEST_CLOCK'] !== '1') return false;
  const demo = env['FT_DEMO'] === '1' || env['FT_DEMO'] === 'true';
  if (!demo || env['DATABASE_URL']) throw new Error('FT_TEST_CLOCK is only allowed in demo mode on the embedded database (FT_DEMO=1)');
  return true;
}
