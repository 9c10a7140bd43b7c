import { sql } from 'kysely'
import type { AppContext } from '../../lib/context.ts'

/** At most this share of a process's time goes to vacuuming (the next waits 9× the last one). */
const MAX_SHARE = 0.1

type State = { claims: number; running: boolean; notBefore: number }
const served = new WeakMap<AppContext, State>()

/**
 * Every claim leaves a dead entry at the head of the queue index, and each later claim walks past
 * all of them until a vacuum clears them (a 100,000-lead queue: 58 buffers a claim at the start,
 * 756 after 46,000 claims). Autovacuum comes a minute late on a busy queue, or never where it is
 * switched off, so after every QUEUE_VACUUM_CLAIMS claims a process vacuums the table itself, in
 * the background. VACUUM does not block reads or writes; SKIP_LOCKED lets one that another
 * process is running already go. A big table takes longer to vacuum, so the vacuums then come
 * further apart: never more than a tenth of the time.
 */
export function noteClaim(ctx: AppContext) {
  const every = ctx.config.queueVacuumClaims
  if (every === 0) return
  let state = served.get(ctx)
  if (!state) {
    state = { claims: 0, running: false, notBefore: 0 }
    served.set(ctx, state)
  }
  state.claims++
  if (state.claims < every || state.running || Date.now() < state.notBefore) return
  const done = state
  done.claims = 0
  done.running = true
  const started = Date.now()
  sql`vacuum (index_cleanup on, skip_locked) leads`
    .execute(ctx.db)
    .catch((error: unknown) => ctx.log.warn({ err: error }, 'queue vacuum failed'))
    .finally(() => {
      const took = Date.now() - started
      done.notBefore = Date.now() + (took * (1 - MAX_SHARE)) / MAX_SHARE
      done.running = false
    })
}
