import { defineConfig } from 'vitest/config'

// `npm run test:faults`: connections killed and processes SIGKILLed, on a real PostgreSQL only.
if (!process.env.DATABASE_URL) throw new Error('npm run test:faults needs DATABASE_URL=postgres://…')

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Each file loads the machine on purpose: one at a time.
    maxWorkers: 1,
  },
})
