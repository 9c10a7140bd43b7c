import { sql } from 'kysely'
import { z } from 'zod'
import { migrationsCurrent } from '../../db/migrate.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { App } from '../../lib/http-types.ts'

export function opsRoutes(app: App, ctx: AppContext) {
  const tags = ['Operations']
  app.get(
    '/healthz',
    {
      schema: {
        tags,
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      schema: {
        tags,
        summary: 'The database answers and its migrations are current',
        response: { 200: z.object({ status: z.literal('ready') }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.db)
        if (await migrationsCurrent(ctx.db)) return { status: 'ready' as const }
      } catch {}
      throw new AppError('unavailable', 'The database is not reachable or not migrated', {
        retryAfterSeconds: 5,
      })
    },
  )
}
