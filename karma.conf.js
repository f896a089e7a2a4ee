// Karma for the client specs: headless Chromium, one run, plain progress output (toolchain.md).
// ESM because package.json says "type": "module"; Karma 6 takes the default export.
import karmaJasmine from 'karma-jasmine';
import karmaChromeLauncher from 'karma-chrome-launcher';

export default function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [karmaJasmine, karmaChromeLauncher],
    client: { jasmine: { random: true }, clearContext: true },
    // CI logs are not terminals: 'dots' keeps them short; both end with "Executed N of M".
    reporters: [process.env.CI ? 'dots' : 'progress'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        // As root Chromium refuses to start without --no-sandbox; the rest keep it quiet and offline.
        flags: [
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
    },
    browsers: ['ChromeHeadlessCI'],
    singleRun: true,
    autoWatch: false,
    restartOnFileChange: false,
    browserNoActivityTimeout: 60000,
  });
}
