import { defineConfig } from '@playwright/test';

/** Port of the throwaway server the journeys run against (in-memory PGlite, demo mode). */
const port = Number(process.env['E2E_PORT'] ?? 4390);
export const E2E_DEMO_PASSWORD = 'demo-password-e2e';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Long clinical journeys (register, episode, therapies, scores, patient page) run past 30 s on a busy 2-core machine.
  timeout: 90_000,
  outputDir: '.tmp/e2e-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The system Chromium (Debian package); Playwright never downloads a browser here.
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node server/main.ts',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      FT_DATA_DIR: 'memory://',
      FT_DEMO: '1',
      FT_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      FT_DEMO_PATIENTS: '0',
      LOG_LEVEL: 'warn',
      // PUT /api/v1/test/clock: the journeys see "tomorrow" without waiting (refused outside demo mode).
      FT_TEST_CLOCK: '1',
    },
  },
});
