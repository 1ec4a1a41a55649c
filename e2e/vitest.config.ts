import { defineConfig } from 'vitest/config';

// Browser journeys: each file boots Linli on a fresh embedded database and drives Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
