import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { deleteKeysOlderThan } from './idempotency.repo.ts'
import { KEEP_DAYS } from './idempotency.service.ts'

export const purgeIdempotencyKeys = defineJob({
  name: 'idempotency.purge-old-keys',
  schema: z.object({}),
  cron: '41 3 * * *',
  async handle(ctx) {
    const purged = await deleteKeysOlderThan(ctx.db, KEEP_DAYS)
    if (purged > 0) ctx.log.info({ purged }, 'old idempotency keys purged')
  },
})

export const idempotencyJobs = [purgeIdempotencyKeys]
