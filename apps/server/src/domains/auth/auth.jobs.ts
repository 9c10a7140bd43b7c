import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { deleteExpiredSessions } from './auth.repo.ts'

export const purgeExpiredSessions = defineJob({
  name: 'auth.purge-expired-sessions',
  schema: z.object({}),
  cron: '17 * * * *',
  async handle(ctx) {
    const purged = await deleteExpiredSessions(ctx.db)
    if (purged > 0) ctx.log.info({ purged }, 'expired sessions purged')
  },
})

export const authJobs = [purgeExpiredSessions]
