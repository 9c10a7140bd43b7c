import type { Conn } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { OutboundRefused } from '../../lib/outbound.ts'
import { signedHeaders } from '../../lib/signatures.ts'
import { noteSent, replyChannel } from '../connections/connections.service.ts'
import { notifyDeliveryFailed } from '../notifications/notifications.sales.ts'
import { type BuysSection, findBuyer, switchOffBuys } from '../partner-companies/partner-companies.sources.ts'
import { administratorEmails } from '../users/users.service.ts'
import type { DeliveryRow } from './deliveries.repo.ts'
import * as repo from './deliveries.repo.ts'

// One attempt of an exchange delivery: sign, post, record what happened, and schedule the
// next attempt. Every attempt carries the same webhook-id, so the receiver creates one record
// however often a delivery is retried (and after a crash between its 200 and our commit).

const SIX_HOURS = 6 * 3600

type Endpoint = { postUrl: string; sourceId: string; secret: string }
type Outcome =
  | { kind: 'delivered'; status: number; remoteId: string | null }
  | { kind: 'retry'; status: number | null; error: string; retryAfterSeconds: number | null }
  | { kind: 'final'; status: number | null; error: string; gone?: boolean }

const sectionOf = (channel: DeliveryRow['channel']) =>
  channel === 'buys_customers' ? 'buysCustomers' : 'buysLeads'

/** Where this delivery goes: the buyer's Buys section, or the partner's reply channel. */
async function endpointOf(ctx: AppContext, d: DeliveryRow): Promise<Endpoint | string> {
  if (d.channel === 'reply') {
    const reply = await replyChannel(ctx, ctx.db, d.company_id, d.partner_company_id)
    if (reply) return reply
  }
  const sections: BuysSection[] =
    d.channel === 'reply' ? ['buysLeads', 'buysCustomers'] : [sectionOf(d.channel)]
  for (const section of sections) {
    const buyer = await findBuyer(ctx.db, d.company_id, d.partner_company_id, section)
    if (
      buyer?.enabled &&
      buyer.deliveryMethod === 'exchange' &&
      buyer.postUrl &&
      buyer.sourceId &&
      buyer.sealedSecret
    )
      return {
        postUrl: buyer.postUrl,
        sourceId: buyer.sourceId,
        secret: ctx.secrets.open(buyer.sealedSecret),
      }
  }
  return d.channel === 'reply'
    ? 'The partner has not connected back yet (no connection.hello received) and has no exchange Buys section'
    : `The partner's ${sectionOf(d.channel) === 'buysLeads' ? 'Buys Leads' : 'Buys Customers'} section no longer delivers by exchange`
}

/** The data of the envelope; secrets (a hello's reply channel) are kept sealed until now. */
function dataOf(ctx: AppContext, d: DeliveryRow): Record<string, unknown> {
  const { sealed, ...rest } = d.data as { sealed?: string }
  return sealed ? { ...rest, ...JSON.parse(ctx.secrets.open(sealed)) } : rest
}

function retryAfterSeconds(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value
  if (!v) return null
  const seconds = /^\d+$/.test(v.trim()) ? Number(v) : (Date.parse(v) - Date.now()) / 1000
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), SIX_HOURS) : null
}

function errorOf(status: number, body: string): string {
  try {
    const problem = JSON.parse(body) as { title?: string; detail?: string }
    const text = problem.detail ?? problem.title
    if (text) return `HTTP ${status}: ${String(text).slice(0, 300)}`
  } catch {}
  return `HTTP ${status}`
}

async function post(ctx: AppContext, d: DeliveryRow, endpoint: Endpoint): Promise<Outcome> {
  const body = JSON.stringify({ type: d.type, sourceId: endpoint.sourceId, data: dataOf(ctx, d) })
  try {
    const answer = await ctx.outbound.post(
      endpoint.postUrl,
      signedHeaders(endpoint.secret, `msg_${d.id}`, body),
      body,
    )
    const { status } = answer
    if (status >= 200 && status < 300) {
      let remoteId: string | null = null
      try {
        remoteId = (JSON.parse(answer.body) as { id?: string | null }).id ?? null
      } catch {}
      return { kind: 'delivered', status, remoteId }
    }
    const error = errorOf(status, answer.body)
    if (status === 410) return { kind: 'final', status, error, gone: true }
    // Redirects are never followed: they count as failures, like timeouts and 5xx.
    if (status === 429 || status === 408 || status >= 500 || status < 400)
      return {
        kind: 'retry',
        status,
        error,
        retryAfterSeconds: retryAfterSeconds(answer.headers['retry-after']),
      }
    return { kind: 'final', status, error }
  } catch (error) {
    if (error instanceof OutboundRefused) return { kind: 'final', status: null, error: error.message }
    const e = error as Error & { code?: string }
    return {
      kind: 'retry',
      status: null,
      error: `${e.code ?? e.name}: ${e.message}`.slice(0, 300),
      retryAfterSeconds: null,
    }
  }
}

/** The n-th retry waits the first delay × 2^(n−1), ±20 %, and never more than six hours. */
export function backoffSeconds(firstDelay: number, n: number): number {
  return Math.min(firstDelay * 2 ** (n - 1) * (0.8 + 0.4 * Math.random()), SIX_HOURS)
}

type Job = { companyId: string; deliveryId: string }
type ScheduleNext = (conn: Conn, job: Job, startAfter: Date) => Promise<unknown>

/**
 * One attempt of each delivery of a batch of jobs: one read for the deliveries, one lookup per
 * endpoint, the posts side by side, and one statement for all that arrived (the common case).
 */
export async function attemptDeliveries(ctx: AppContext, jobs: Job[], scheduleNext: ScheduleNext) {
  const due = (await repo.findDeliveries(ctx.db, jobs)).filter(
    (d) => d.method === 'exchange' && d.state !== 'delivered' && d.state !== 'failed',
  )
  const endpoints = new Map<string, Promise<Endpoint | string>>()
  const endpointFor = (d: DeliveryRow) => {
    const key = `${d.company_id}:${d.partner_company_id}:${d.channel}`
    let found = endpoints.get(key)
    if (!found) {
      found = endpointOf(ctx, d)
      endpoints.set(key, found)
    }
    return found
  }
  const outcomes = await Promise.all(
    due.map(async (d) => {
      const endpoint = await endpointFor(d)
      const outcome: Outcome =
        typeof endpoint === 'string'
          ? { kind: 'final', status: null, error: endpoint }
          : await post(ctx, d, endpoint)
      return { d, outcome }
    }),
  )
  const delivered = outcomes.flatMap(({ d, outcome }) =>
    outcome.kind === 'delivered'
      ? [{ companyId: d.company_id, id: d.id, status: outcome.status, remoteId: outcome.remoteId }]
      : [],
  )
  await repo.recordDelivered(ctx.db, delivered)
  // The connection's timestamp is a note that may lag: once per partner and batch.
  const partners = new Map(
    outcomes
      .filter((o) => o.outcome.kind === 'delivered')
      .map(({ d }) => [`${d.company_id}:${d.partner_company_id}`, d]),
  )
  for (const d of partners.values()) await noteSent(ctx.db, d.company_id, d.partner_company_id)
  for (const { d, outcome } of outcomes)
    if (outcome.kind !== 'delivered')
      await recordFailure(ctx, d, outcome, (conn, at) =>
        scheduleNext(conn, { companyId: d.company_id, deliveryId: d.id }, at),
      )
}

/** A failed attempt: the next one scheduled, or the delivery given up and the admins told. */
async function recordFailure(
  ctx: AppContext,
  d: DeliveryRow,
  outcome: Exclude<Outcome, { kind: 'delivered' }>,
  scheduleNext: (conn: Conn, startAfter: Date) => Promise<unknown>,
) {
  const companyId = d.company_id
  const round = d.attempts - d.round_start + 1
  const failure: typeof outcome =
    outcome.kind === 'retry' && round >= ctx.config.exchangeMaxAttempts
      ? { ...outcome, kind: 'final' }
      : outcome
  const admins = failure.kind === 'final' ? await administratorEmails(ctx.db, companyId) : []
  await ctx.db.transaction().execute(async (tx) => {
    if (failure.kind === 'retry') {
      const wait = failure.retryAfterSeconds ?? backoffSeconds(ctx.config.exchangeRetryDelaySeconds, round)
      const next = new Date(Date.now() + wait * 1000)
      await repo.recordAttempt(tx, companyId, d.id, failure, { state: 'retrying', nextAttemptAt: next })
      await scheduleNext(tx, next)
      return
    }
    await repo.recordAttempt(tx, companyId, d.id, failure, { state: 'failed', nextAttemptAt: null })
    if (failure.gone && d.channel !== 'reply')
      await switchOffBuys(tx, companyId, d.partner_company_id, sectionOf(d.channel))
    const partner = await findBuyer(tx, companyId, d.partner_company_id, 'buysLeads')
    if (admins.length)
      await notifyDeliveryFailed(tx, ctx, companyId, admins, {
        id: d.id,
        kind: d.type,
        partnerName: partner?.name ?? 'a partner',
        error: failure.error,
      })
  })
}
