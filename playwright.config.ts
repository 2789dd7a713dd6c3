import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumPathOrError } from './scripts/find-chromium.mjs';

// A system Chromium or Chrome (Debian's in CI); never a download. As root it needs --no-sandbox.
const chromium = chromiumPathOrError();
// Without a browser, the global setup stops the run with the paragraph on how to get one.
export const chromiumPath = typeof chromium === 'string' ? chromium : '';
export { chromiumArgs };

export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  // CI shares 2 cores between Chromium, the host and the tests: one retry, reported as flaky.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  globalSetup: './tests/helpers/report-electron-runtime.ts',
  forbidOnly: Boolean(process.env.CI),
  projects: [
    {
      name: 'browser-host',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
        viewport: { width: 1920, height: 1080 },
        hasTouch: true,
        reducedMotion: 'reduce',
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'tests/e2e-electron',
      // Each Electron instance is a whole app with its own user-data folder: one at a time.
      fullyParallel: false,
    },
  ],
});
