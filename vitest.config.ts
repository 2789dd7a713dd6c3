import { defineConfig } from 'vitest/config';

// Schedules run on local time: pin a zone with daylight-saving changes.
const env = { TZ: 'America/Chicago' };

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/renderer/**', 'tests/fleet/**'], environment: 'node', testTimeout: 20_000, env },
      },
      {
        // The renderer's own modules in a DOM (jsdom), as the screen runs them.
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', testTimeout: 20_000, env },
      },
    ],
  },
});
