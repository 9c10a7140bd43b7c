import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { loadConfig } from '../../src/config.ts'
import { migrate } from '../../src/db/migrate.ts'
import { buildApp } from '../../src/http.ts'
import type { AppContext } from '../../src/lib/context.ts'
import type { App } from '../../src/lib/http-types.ts'
import { startJobs } from '../../src/lib/jobs.ts'
import { createLogger } from '../../src/lib/logger.ts'
import { createMailer } from '../../src/lib/mailer.ts'
import { createOutbound } from '../../src/lib/outbound.ts'
import { createSecretBox } from '../../src/lib/secrets.ts'
import { jobDefinitions, startWorker } from '../../src/worker.ts'
import { freshDatabase } from './database.ts'

export type TestApp = {
  app: App
  ctx: AppContext
  /** Every log line the app wrote, for asserting what must never be logged. */
  logLines: string[]
  close(): Promise<void>
}

/** The whole server on a fresh database, with a worker polling fast. One per test file. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'info', WEB_DIST: '/nonexistent', ...env })
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  const log = createLogger(config.logLevel, sink)
  const { database, drop } = await freshDatabase()
  await migrate(database.db)
  const jobs = await startJobs(database, jobDefinitions, config, log, { work: true })
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom, 'tributary.test') : null
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    log,
    jobs,
    secrets: createSecretBox(randomBytes(32)),
    mailer,
    outbound: createOutbound(config.outboundAllowHosts),
  }
  await startWorker(ctx, 0.5)
  const app = await buildApp(ctx)
  await app.ready()
  return {
    app,
    ctx,
    logLines,
    close: async () => {
      await app.close()
      await jobs.stop()
      mailer?.close()
      await ctx.outbound.close()
      await drop()
    },
  }
}
