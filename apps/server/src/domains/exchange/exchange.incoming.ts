import { ExchangeRecordData, type Lead } from '@tributary/contracts'
import { sql } from 'kysely'
import type { z } from 'zod'
import type { Conn, Tx } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { Sender } from '../connections/connections.service.ts'
import { setCustomerOrigin } from '../customers/customers.records.ts'
import { addCustomer } from '../customers/customers.service.ts'
import { type Arrival, addLead, directLookups } from '../leads/leads.intake.ts'
import type { PartnerRow } from '../partner-companies/partner-companies.repo.ts'
import { leadSourceFrom } from '../partner-companies/partner-companies.sources.ts'
import { type SettingsJson, settingsFrom, settingsJson } from '../queue-settings/queue-settings.service.ts'

// Records arriving over the exchange, created as intake creates them, under the sender.

/** What the exchange endpoint answers: 201 `{ id }` for a new record, problem+json for a refusal. */
export type ExchangeAnswer = { status: number; body: Record<string, unknown> }

export function parseData<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new AppError('unprocessable', 'The data is not valid', {
    errors: parsed.error.issues.map((i) => ({ path: ['data', ...i.path].join('.'), message: i.message })),
  })
}

/**
 * What a record's arrival needs of the company (its settings) and of the sender (its source),
 * read by the sender lookup itself: the receiver's round trips are what the exchange waits on.
 */
export const arrivalReads = sql<{ settings: SettingsJson; partner: PartnerRow }>`jsonb_build_object(
  'settings', ${settingsJson}, 'partner', to_jsonb(p))`

/** A verified sender, with what `arrivalReads` read. */
export type Arriving = Sender & { extra: { settings: SettingsJson; partner: PartnerRow } }

const systemActor = (sender: Sender) => ({
  kind: 'system' as const,
  label: `${sender.partnerName} (exchange)`,
})

export async function receiveLead(
  conn: Conn,
  ctx: AppContext,
  sender: Arriving,
  data: unknown,
  arrival: Pick<Arrival, 'distributed' | 'registered' | 'claim'> = {},
): Promise<ExchangeAnswer & { lead: Lead }> {
  const {
    senderRecordId,
    suggestedLocation,
    batch: _batch,
    assignedBySupplier: _nominee,
    ...d
  } = parseData(ExchangeRecordData, data)
  const lead = await addLead(
    conn,
    sender.companyId,
    systemActor(sender),
    { ...d, partnerCompanyId: sender.partnerCompanyId, location: suggestedLocation },
    {
      settings: settingsFrom(sender.extra.settings),
      lookups: { ...directLookups, source: async () => leadSourceFrom(sender.extra.partner) },
      via: 'exchange',
      // A distributed lead is told of per distribution, by the lead-management emails.
      notify: arrival.distributed ? null : ctx,
      origin: senderRecordId,
      ...arrival,
    },
  )
  return { status: 201, body: { id: lead.id }, lead }
}

export async function receiveCustomer(
  tx: Tx,
  ctx: AppContext,
  sender: Sender,
  data: unknown,
): Promise<ExchangeAnswer> {
  const {
    senderRecordId,
    suggestedLocation: _l,
    batch: _b,
    assignedBySupplier: _n,
    callCenterComments: _c,
    trustedFormCertUrl: _t,
    leadiDToken: _i,
    ...d
  } = parseData(ExchangeRecordData, data)
  const customer = await addCustomer(
    tx,
    sender.companyId,
    systemActor(sender),
    { ...d, partnerCompanyId: sender.partnerCompanyId },
    ctx,
  )
  await setCustomerOrigin(tx, sender.companyId, customer.id, senderRecordId)
  return { status: 201, body: { id: customer.id } }
}
