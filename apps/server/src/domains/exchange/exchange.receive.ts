import { createHash } from 'node:crypto'
import { ExchangeEnvelope, ExchangeHelloData, ExchangeReturnData } from '@tributary/contracts'
import type { Tx } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { appendComments } from '../activities/activities.service.ts'
import { type Sender, saveReplyChannel, verifyPost } from '../connections/connections.service.ts'
import { lockCustomerSoldTo, markCustomersReturned } from '../customers/customers.records.ts'
import { ClaimTaken } from '../leads/leads.intake.ts'
import { lockLeadSoldTo, markLeadsReturned } from '../leads/leads.records.ts'
import { syncBuysSecret } from '../partner-companies/partner-companies.sources.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import {
  receiveDecision,
  receiveDistributed,
  receiveRegistered,
  receiveRules,
} from './exchange.distribution.ts'
import {
  type Arriving,
  arrivalReads,
  type ExchangeAnswer,
  parseData,
  receiveCustomer,
  receiveLead,
} from './exchange.incoming.ts'
import * as repo from './exchange.repo.ts'

/** The buyer sends back a record it bought: it becomes returned here, by the buyer. */
async function receiveReturn(
  tx: Tx,
  kind: 'lead' | 'customer',
  sender: Sender,
  data: unknown,
): Promise<ExchangeAnswer> {
  const d = parseData(ExchangeReturnData, data)
  const lock = kind === 'lead' ? lockLeadSoldTo : lockCustomerSoldTo
  const found = await lock(tx, sender.companyId, d.recordId, sender.partnerCompanyId)
  if (!found) {
    throw new AppError('unprocessable', `No ${kind} ${d.recordId} was sold to ${sender.partnerName}`, {
      errors: [{ path: 'data.recordId', message: `Not a ${kind} sold to you, or already returned` }],
    })
  }
  const mark = kind === 'lead' ? markLeadsReturned : markCustomersReturned
  await mark(tx, sender.companyId, [found.id], d.reason, d.comments ?? null)
  const buyer = { kind: 'system', label: sender.partnerName } as const
  // The buyer's comments join the record's history; the seller's own stay.
  await appendComments(tx, sender.companyId, buyer, kind, [found.id], d.comments, 'returned_by_buyer')
  await recordEvent(tx, sender.companyId, buyer, kind, found.id, 'returned', {
    reason: d.reason,
    returnedBy: sender.partnerName,
    via: 'exchange',
    ...(d.comments && { comments: d.comments }),
  })
  return { status: 201, body: { id: found.id } }
}

/** The seller's handshake: where this company's returns (and declines) for it go from now on. */
async function receiveHello(tx: Tx, ctx: AppContext, sender: Sender, data: unknown): Promise<ExchangeAnswer> {
  const hello = parseData(ExchangeHelloData, data)
  await saveReplyChannel(ctx, tx, sender.companyId, sender.partnerCompanyId, hello)
  await syncBuysSecret(tx, sender.companyId, sender.partnerCompanyId, {
    postUrl: hello.postUrl,
    sourceId: hello.sourceId,
    secretSealed: ctx.secrets.seal(hello.secret),
  })
  return { status: 200, body: { id: null } }
}

/** Every type but `lead.sold`, which `receive` writes in one statement of its own. */
type InTransaction = Exclude<ExchangeEnvelope['type'], 'lead.sold'>

function handle(
  tx: Tx,
  ctx: AppContext,
  sender: Arriving,
  envelope: ExchangeEnvelope & { type: InTransaction },
): Promise<ExchangeAnswer> {
  switch (envelope.type) {
    case 'ping':
      return Promise.resolve({ status: 200, body: { id: null } })
    case 'connection.hello':
      return receiveHello(tx, ctx, sender, envelope.data)
    case 'customer.sold':
      return receiveCustomer(tx, ctx, sender, envelope.data)
    case 'lead.returned':
      return receiveReturn(tx, 'lead', sender, envelope.data)
    case 'customer.returned':
      return receiveReturn(tx, 'customer', sender, envelope.data)
    case 'lead.distributed':
      return receiveDistributed(tx, ctx, sender, envelope.data)
    case 'lead.accepted':
    case 'lead.declined':
      return receiveDecision(
        tx,
        envelope.type === 'lead.accepted' ? 'accepted' : 'declined',
        sender,
        envelope.data,
      )
    case 'lead.registered':
      return receiveRegistered(tx, ctx, sender, envelope.data)
    case 'rules.updated':
      return receiveRules(tx, sender, envelope.data)
  }
}

function readEnvelope(raw: string): ExchangeEnvelope {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new AppError('bad-request', 'The body is not JSON')
  }
  const parsed = ExchangeEnvelope.safeParse(json)
  if (!parsed.success)
    throw new AppError('bad-request', 'The body is not an exchange envelope', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    })
  return parsed.data
}

/** A repeated webhook-id: the first answer again, or a refusal when the body differs. */
function replay(
  receipt: { body_hash: string; status: number; response: Record<string, unknown> },
  hash: string,
) {
  if (receipt.body_hash !== hash)
    throw new AppError('unprocessable', 'This webhook-id was already used with another body', {
      errors: [{ path: 'webhook-id', message: 'Already used with another body' }],
    })
  return { status: receipt.status === 201 ? 200 : receipt.status, body: receipt.response }
}

/** The webhook-id has an answer already: this transaction's work is rolled back. */
class AlreadyAnswered extends Error {}

/**
 * POST /exchange/{companySlug}: verify the signature (current or previous secret, ±5 min),
 * then act once per webhook-id and connection. The answer is kept in the transaction that acts;
 * a repeat finds it taken (waiting for a concurrent first post to commit), rolls back, and
 * gets the first answer back — or a refusal when its body differs.
 */
export async function receive(
  ctx: AppContext,
  slug: string,
  raw: string,
  headers: Record<string, string>,
): Promise<ExchangeAnswer> {
  const envelope = readEnvelope(raw)
  const webhookId = headers['webhook-id']
  const sender = await verifyPost(ctx, slug.toLowerCase(), envelope.sourceId, raw, headers, arrivalReads)
  if (sender === 'unknown') throw notFound('Company or Source ID')
  if (sender === 'unsigned' || !webhookId)
    throw new AppError('unauthorized', 'The signature is missing, wrong or outside the 5-minute window')
  const { companyId, partnerCompanyId } = sender
  const bodyHash = createHash('sha256').update(raw).digest('hex')
  const keep = (conn: Tx | AppContext['db'], status: number, response: Record<string, unknown>) =>
    repo.recordReceipt(conn, companyId, partnerCompanyId, { webhookId, bodyHash, status, response })
  try {
    // The commonest post writes its lead and receipt in one statement, with no transaction round trips.
    const { type } = envelope
    if (type === 'lead.sold')
      return await receiveLead(ctx.db, ctx, sender, envelope.data, {
        claim: (id) =>
          repo.receiptClaim(partnerCompanyId, { webhookId, bodyHash, status: 201, response: { id } }),
      })
    return await ctx.db.transaction().execute(async (tx) => {
      const answer = await handle(tx, ctx, sender, { ...envelope, type })
      if (!(await keep(tx, answer.status, answer.body))) throw new AlreadyAnswered()
      return answer
    })
  } catch (error) {
    const refusal = error instanceof AppError && error.status === 422
    if (!(error instanceof AlreadyAnswered || error instanceof ClaimTaken) && !refusal) throw error
    const prior = await repo.findReceipt(ctx.db, companyId, partnerCompanyId, webhookId)
    if (prior) return replay(prior, bodyHash)
    // A refusal (a duplicate, bad data) is the answer too: a retry of this id gets it again.
    if (refusal) await keep(ctx.db, 422, error.toProblem())
    throw error
  }
}
