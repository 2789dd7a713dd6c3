// The fleet simulation (`npm run test:fleet`): a real nginx and 20 browser-host kiosks. Kept
// out of `npm test` for time and memory; `.ci/run` runs it after the other suites.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'fleet',
    include: ['tests/fleet/**/*.test.ts'],
    environment: 'node',
    testTimeout: 5 * 60_000,
    hookTimeout: 2 * 60_000,
    fileParallelism: false,
  },
});
