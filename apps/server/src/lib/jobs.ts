import { fromKysely, fromPglite, PgBoss, type QueueOptions, type SendOptions } from 'pg-boss'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { Config } from '../config.ts'
import type { Conn, Database } from '../db/client.ts'
import type { AppContext } from './context.ts'

/** A domain's job: declared in its `<domain>.jobs.ts`, registered by the worker. */
export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string
  schema: Schema
  /** Queue options, or a function of the configuration (e.g. retry delays). */
  queue?: Omit<QueueOptions, 'name'> | ((config: Config) => Omit<QueueOptions, 'name'>)
  /**
   * For jobs that mostly wait on other servers (deliveries): `workers` fetchers per process, each
   * taking up to `batch` jobs at a time and running them side by side, fetching again at once
   * while batches come back full. Without it, one job at a time.
   */
  concurrency?: { workers: number; batch: number }
  /** Cron schedule (UTC) for recurring jobs; their payload is `{}`. */
  cron?: string
  /** Must be idempotent: reload by id, skip if the state moved on, throw to retry. */
  handle(ctx: AppContext, data: z.infer<Schema>): Promise<void>
  /**
   * With `concurrency`: takes a fetched batch whole instead of job by job, so that its records
   * are read and written in a few statements rather than a few each (deliveries).
   */
  handleBatch?(ctx: AppContext, data: z.infer<Schema>[]): Promise<void>
}

export const defineJob = <Schema extends z.ZodType>(job: JobDefinition<Schema>): JobDefinition<Schema> => job

/**
 * A job's name and payload without its handler: a lower domain announces something in its
 * transaction (an event) and a higher domain handles it, so the lower one never imports it.
 */
export type JobMessage<Schema extends z.ZodType = z.ZodType> = Pick<JobDefinition<Schema>, 'name' | 'schema'>
export const defineEvent = <Schema extends z.ZodType>(event: JobMessage<Schema>): JobMessage<Schema> => event

export type Jobs = {
  boss: PgBoss
  /**
   * Enqueue inside the caller's transaction (transactional outbox): the job exists only if
   * the transaction commits.
   */
  send<S extends z.ZodType>(
    conn: Conn,
    job: JobMessage<S>,
    data: z.infer<S>,
    options?: SendOptions,
  ): Promise<string | null>
  /** Many jobs of one kind in one statement, inside the caller's transaction. */
  sendMany<S extends z.ZodType>(conn: Conn, job: JobMessage<S>, data: z.infer<S>[]): Promise<void>
  stop(): Promise<void>
}

export type JobsMode = { work: boolean; pollingIntervalSeconds?: number }

export async function startJobs(
  database: Database,
  definitions: JobDefinition[],
  config: Config,
  log: Logger,
  mode: JobsMode,
) {
  const db =
    database.engine === 'pglite'
      ? { db: fromPglite(database.pglite) }
      : { connectionString: database.connectionString, max: 4 }
  // Only workers supervise (maintenance) and run schedules; api processes just enqueue.
  const boss = new PgBoss({
    ...db,
    supervise: mode.work,
    schedule: mode.work,
    // How soon a job whose worker died (no heartbeat, or past its expiry) is failed and retried:
    // a crashed import or delivery goes again within a minute.
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
  })
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'))
  await boss.start()
  for (const def of definitions) {
    const options = typeof def.queue === 'function' ? def.queue(config) : def.queue
    if (!(await boss.getQueue(def.name))) await boss.createQueue(def.name, options)
    else if (options) await boss.updateQueue(def.name, options)
  }
  const jobs: Jobs = {
    boss,
    send: (conn, job, data, options) =>
      boss.send(job.name, job.schema.parse(data) as object, { ...options, db: fromKysely(conn) }),
    sendMany: async (conn, job, data) => {
      if (data.length === 0) return
      const jobs = data.map((d) => ({ data: job.schema.parse(d) as object }))
      await boss.insert(job.name, jobs, { db: fromKysely(conn) })
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  }
  return jobs
}

export async function startWorkers(
  ctx: AppContext,
  definitions: JobDefinition[],
  pollingIntervalSeconds = 2,
) {
  const { boss } = ctx.jobs
  for (const def of definitions) {
    const run = (job: { id: string; data: unknown }) => {
      const log = ctx.log.child({ job: def.name, jobId: job.id })
      log.debug('job started')
      return def.handle({ ...ctx, log }, def.schema.parse(job.data))
    }
    const c = def.concurrency
    const options = c
      ? { localConcurrency: c.workers, batchSize: c.batch, burstWhenBatchFull: true }
      : { localConcurrency: 1 }
    await boss.work(def.name, { pollingIntervalSeconds, ...options }, async (batch) => {
      if (c && def.handleBatch)
        await def.handleBatch(
          ctx,
          batch.map((job) => def.schema.parse(job.data)),
        )
      else if (c) await Promise.all(batch.map(run))
      else for (const job of batch) await run(job)
    })
    if (def.cron) await boss.schedule(def.name, def.cron, {})
  }
}
