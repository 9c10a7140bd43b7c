import { type Config, ConfigError, loadConfig } from './config.ts'
import { type Database, openDatabase } from './db/client.ts'
import { migrate } from './db/migrate.ts'
import { buildApp } from './http.ts'
import type { AppContext } from './lib/context.ts'
import { startJobs } from './lib/jobs.ts'
import { createLogger } from './lib/logger.ts'
import { createMailer } from './lib/mailer.ts'
import { createOutbound } from './lib/outbound.ts'
import { createSecretBox, loadSecretsKey } from './lib/secrets.ts'
import { buildWebIfStale } from './lib/web-build.ts'
import { type DemoSeed, seedDemo } from './seed.ts'
import { jobDefinitions, startWorker } from './worker.ts'

const commands = ['start', 'serve', 'worker', 'migrate', 'seed'] as const
type Command = (typeof commands)[number]

const usage = `Usage: tributary [command]

  start    API and worker in one process (default)
  serve    API only
  worker   job worker only
  migrate  apply database migrations and exit
  seed     create the demo company if it is missing, and exit

Configuration is read from the environment; see the README.`

function printDemo(demo: DemoSeed, config: Config) {
  process.stdout.write(
    `\nDemo company "${demo.name}" created. Log in at ${config.publicUrl}/login?company=${demo.slug}\n` +
      `  email:    ${demo.email}\n  password: ${demo.password}\n(The password is shown only this once.)\n\n`,
  )
}

async function run(command: Command, config: Config) {
  const log = createLogger(config.logLevel)
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const closers: (() => Promise<unknown>)[] = [() => database.close()]
  const shutdown = async () => {
    for (const close of closers.reverse()) await close().catch((err) => log.error({ err }, 'shutdown'))
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  const applied = await migrate(database.db)
  if (applied.length) log.info({ applied }, 'migrations applied')
  if (command === 'migrate') return shutdown()

  const work = command === 'start' || command === 'worker'
  const jobs = await startJobs(database, jobDefinitions, config, log, { work })
  closers.push(() => jobs.stop())
  const mailer = config.smtpUrl
    ? createMailer(config.smtpUrl, config.mailFrom, new URL(config.publicUrl).hostname)
    : null
  if (mailer) closers.push(async () => mailer.close())
  const secrets = createSecretBox(loadSecretsKey(config.secretsKey, config.dataDir))
  const outbound = createOutbound(config.outboundAllowHosts)
  closers.push(() => outbound.close())
  const ctx: AppContext = { config, database, db: database.db, log, jobs, secrets, mailer, outbound }

  // Demo data comes with the all-in-one start and with `seed`, never with a scaled-out
  // deployment's serve or worker processes.
  const demo = command === 'start' || command === 'seed' ? await seedDemo(ctx) : null
  if (demo) printDemo(demo, config)
  if (command === 'seed') {
    if (!demo) process.stdout.write('The demo company already exists.\n')
    return shutdown()
  }
  if (work) await startWorker(ctx)
  if (command === 'worker') {
    log.info('worker started')
    return
  }
  await buildWebIfStale(config.webDist, log)
  const app = await buildApp(ctx)
  closers.push(() => app.close())
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  process.stdout.write(`Tributary listening on http://${config.host}:${port}\n`)
}

const arg = process.argv[2] ?? 'start'
if (!commands.includes(arg as Command)) {
  process.stderr.write(`${usage}\n`)
  process.exit(arg === 'help' || arg === '--help' ? 0 : 2)
}
const command = arg as Command
try {
  await run(command, loadConfig())
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`)
  process.exit(1)
}
