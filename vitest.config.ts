import { defineConfig } from 'vitest/config';

// One run covers the server (unit, integration on SQLite and PostgreSQL, HTTP, browser) and the web.
export default defineConfig({
  test: {
    // One test file at a time (Vitest's default on 2 cores): two at once cut a run from 40 to 32 minutes on a
    // slow machine but made browser tests time out under the contention (session 6).
    // CI reads the totals from the JSON report (.ci/run prints "N passed, N failed").
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Dates must not shift by a day in the organisations' own time zone: run the date-sensitive suites
        // again under Europe/Paris.
        test: {
          name: 'server-paris',
          include: [
            'src/kernel/dates/**/*.test.ts',
            'test/integration/kernel.int.test.ts',
            'test/timezone.test.ts',
          ],
          environment: 'node',
          env: { TZ: 'Europe/Paris' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      './web',
    ],
  },
});
