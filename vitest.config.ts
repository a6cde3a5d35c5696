import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
      'charts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // End-to-end and the real MedusaJS test are their own stages of test:all (own configs).
    exclude: ['test/e2e/**', 'test/medusa-real/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
