import { defineConfig } from 'vitest/config';

// Two projects: pure and file-based tests run in parallel; tests against the one Neo4j database run
// one file at a time (each file resets the graph), with a global setup that finds or starts Neo4j.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/integration/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/neo4j-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
