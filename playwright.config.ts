import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. As root it needs --no-sandbox.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

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
