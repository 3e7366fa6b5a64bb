import { defineConfig } from 'vitest/config';

/**
 * One runner for unit, integration and browser tests. Tests share a reference-loaded database
 * template made once by the global setup (PGlite data directory, or a template database on a real
 * PostgreSQL server when DATABASE_URL is set).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'definitions/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
