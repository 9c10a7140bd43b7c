import { defineConfig } from 'vitest/config'

// Suites that need a real PostgreSQL server (several processes, real concurrency) run
// only in the PostgreSQL pass: `DATABASE_URL=postgres://… npm test`. The fault suite
// (test/faults: killed connections and processes) runs on its own: `npm run test:faults`.
const onPostgres = Boolean(process.env.DATABASE_URL)

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/faults/**', ...(onPostgres ? [] : ['**/*.pg.test.ts'])],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Every file starts its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
})
