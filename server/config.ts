/** Server settings, read once from the environment (api.md, "Running"). */
export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… selects a PostgreSQL server; null means embedded PGlite. */
  databaseUrl: string | null;
  /** PostgreSQL connections in this instance's pool (FT_DB_POOL_SIZE); null: db/database.ts's default. */
  dbPoolSize: number | null;
  /** PostgreSQL connections this instance's read-and-audit requests share (FT_DB_SHARED_READS); null: db/database.ts's default. */
  dbSharedReads: number | null;
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
  /** Hours after sign-in after which a session ends however active it is (issue 10, defect 8). */
  sessionMaxHours: number;
  /** Where the built SPA lives; served when it exists. */
  spaDir: string;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address in the audit log). */
  trustProxy: boolean;
  logLevel: string;
  /** HMAC key for audit seals (FT_AUDIT_KEY); unset: a key file in auditDir, made on first start. Instances sharing a database need the same key. */
  auditKey: string | null;
  /** Folder for the audit key file and the anchor file (FT_AUDIT_DIR, default the data folder); null keeps them in memory. */
  auditDir: string | null;
  /** How often each instance's sealer runs, in ms (FT_AUDIT_SEAL_MS). */
  auditSealMs: number;
  /** PUT /api/v1/test/clock shifts the server's clock (e2e journeys); refused outside demo mode. */
  testClock: boolean;
  /** Hours a patient's diary link stays open after the diary's last time point (issue 15). */
  diaryLinkGraceHours: number;
  /** The practice's public address (FT_PUBLIC_URL, origin only) that diary links on printed sheets start with. */
  publicUrl: string | null;
  /** Seconds a computed report may be reused while no write has changed it (FT_REPORT_CACHE_SECONDS; issue 13). */
  reportCacheSeconds: number;
  /**
   * Seconds a slow report (a large practice) may still be served, as last computed, while a write has
   * made it stale and a fresh one is computed (FT_REPORT_STALE_SECONDS; 0: always wait; ADR 0008).
   */
  reportStaleSeconds: number;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (0 or more), got "${raw}"`);
  }
  return value;
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
    dbPoolSize: env['FT_DB_POOL_SIZE']
      ? positiveInt('FT_DB_POOL_SIZE', env['FT_DB_POOL_SIZE'], 1)
      : null,
    dbSharedReads: env['FT_DB_SHARED_READS']
      ? positiveInt('FT_DB_SHARED_READS', env['FT_DB_SHARED_READS'], 1)
      : null,
    demo: env['FT_DEMO'] === '1' || env['FT_DEMO'] === 'true',
    demoPatients: env['FT_DEMO_PATIENTS'] !== '0',
    demoPassword: env['FT_DEMO_PASSWORD'] || null,
    idleTimeoutMinutes: positiveInt('FT_IDLE_MINUTES', env['FT_IDLE_MINUTES'], 15),
    sessionMaxHours: positiveInt('FT_SESSION_MAX_HOURS', env['FT_SESSION_MAX_HOURS'], 12),
    spaDir: env['FT_SPA_DIR'] || 'dist/facettrack/browser',
    trustProxy: env['FT_TRUST_PROXY'] === '1',
    logLevel: env['LOG_LEVEL'] || 'info',
    auditKey: env['FT_AUDIT_KEY'] || null,
    auditDir:
      env['FT_AUDIT_DIR'] ||
      ((env['FT_DATA_DIR'] || './data').startsWith('memory://')
        ? null
        : env['FT_DATA_DIR'] || './data'),
    auditSealMs: positiveInt('FT_AUDIT_SEAL_MS', env['FT_AUDIT_SEAL_MS'], 500),
    testClock: testClockAllowed(env),
    diaryLinkGraceHours: positiveInt('FT_DIARY_GRACE_HOURS', env['FT_DIARY_GRACE_HOURS'], 48),
    publicUrl: publicOrigin(env['FT_PUBLIC_URL']),
    reportCacheSeconds: positiveInt('FT_REPORT_CACHE_SECONDS', env['FT_REPORT_CACHE_SECONDS'], 120),
    reportStaleSeconds: wholeNumber('FT_REPORT_STALE_SECONDS', env['FT_REPORT_STALE_SECONDS'], 60),
  };
}

/** FT_PUBLIC_URL as an origin (`https://clinic.example`): http(s), no path, query or credentials. */
function publicOrigin(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `FT_PUBLIC_URL must be an address such as https://clinic.example, got "${raw}"`,
    );
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  )
    throw new Error(
      `FT_PUBLIC_URL must be an http(s) origin with no path or query (https://clinic.example), got "${raw}"`,
    );
  return url.origin;
}

/** A movable clock is for throwaway demo servers only: a real practice must never have one. */
function testClockAllowed(env: NodeJS.ProcessEnv): boolean {
  if (env['FT_TEST_CLOCK'] !== '1') return false;
  const demo = env['FT_DEMO'] === '1' || env['FT_DEMO'] === 'true';
  if (!demo || env['DATABASE_URL'])
    throw new Error(
      'FT_TEST_CLOCK is only allowed in demo mode on the embedded database (FT_DEMO=1)',
    );
  return true;
}
