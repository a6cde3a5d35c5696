// The real MedusaJS test, its own stage of `npm run test:all` (slow: it installs the app from
// the npm registry when the cache is cold, and starts PostgreSQL, Redis, Medusa and Chromium).
// One file, one worker; the suite's closing line (scripts/test-summary.mjs) reads its report.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 1_800_000,
    reporters: ['default', 'json'],
    outputFile: { json: `${import.meta.dirname}/../../test-results/medusa.json` },
  },
});
