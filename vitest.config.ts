import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Schedules run on local time: pin a zone with daylight-saving changes.
    env: { TZ: 'America/Chicago' },
  },
});
