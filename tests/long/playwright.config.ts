// The long suite (`npm run test:long`): the real-time rewrite storm and the simulated 72-hour
// soak. Kept out of `npm test` for time; `.ci/run` runs it after `npm test`.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 10 * 60_000,
  expect: { timeout: 10_000 },
  // One at a time: each test measures the page or the host over minutes, on a 2-core machine.
  workers: 1,
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--enable-precise-memory-info'] },
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
  },
});
