import { defineConfig } from 'vitest/config';

// `npm test` runs unit, property and HTTP integration tests; browser tests live in e2e/ (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: a PGlite per test file is memory-heavy, so keep file parallelism modest.
    maxWorkers: 2,
  },
});
