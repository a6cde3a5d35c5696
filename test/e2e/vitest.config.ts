// End-to-end tests: the web host in-process, Debian's Chromium driven by playwright-core.
// One file at a time in one worker: a browser is heavy and the machines have two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // The suite's closing line (scripts/test-summary.mjs) reads this report.
    reporters: ['default', 'json'],
    outputFile: { json: `${import.meta.dirname}/../../test-results/e2e.json` },
  },
});
