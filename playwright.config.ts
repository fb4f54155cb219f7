import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.ts';

/**
 * The browser tests: the built app, served by the built server, in the system's headless Chromium.
 * Each test has a browser context of its own; each worker has one server (see test/support/fixtures.ts).
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.browser.test.ts',
  globalSetup: './test/support/global-setup.ts',
  outputDir: '.tmp/playwright/results',
  // Tests of one file may run in different workers, so each test prepares all it needs.
  fullyParallel: true,
  // Each worker runs a Chromium and a server; two of them keep a 2-core machine busy without queuing.
  workers: Number(process.env.SIGNPOST_BROWSER_WORKERS) || 2,
  forbidOnly: true,
  // One retry, which scripts/test.mjs counts as a pass only after Playwright's own connection race.
  retries: 1,
  // Guards, not waits: a 2-core machine shared with other work can be slow to start a server or a page.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.SIGNPOST_BROWSER_REPORT ?? '.tmp/playwright/report.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    locale: 'en-GB',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
    // A failed test's trace keeps page snapshots; filming every test as well cost the axe checks a sixth.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
});
