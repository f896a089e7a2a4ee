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
  /** Hours a patient's diary link stays open after the diary's last time point (issue 15). */
  diaryLinkGraceHours: number;
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
    diaryLinkGraceHours: positiveInt('FT_DIARY_GRACE_HOURS', env['FT_DIARY_GRACE_HOURS'], 48),
  };
}
