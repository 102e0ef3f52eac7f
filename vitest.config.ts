import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time: database tests wait on PostgreSQL and fsync as much as they compute, so the
    // two cores stay busy and CI stays well inside its 20 minutes. e2e files still run one at a time.
    maxWorkers: 2,
    // Once per run, for both projects (the root's globalSetup runs and its values reach every project):
    // a folder for the database templates test files and journeys build once and copy
    // (test/support/templates.ts).
    globalSetup: ['./test/support/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
