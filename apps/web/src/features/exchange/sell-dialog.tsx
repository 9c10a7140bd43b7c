import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { SelectField, TextField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { BulkDialog, bulkTitle, refuseTooMany } from '../records/bulk-dialog.tsx'
import { kindNouns, RecordResults, type RecordTarget } from '../records/record-outcome.tsx'
import {
  buyersQuery,
  maxPerSale,
  outboundCampaignsQuery,
  pricePattern,
  type SellKind,
  type SellResult,
  sellRecords,
} from './exchange.api.ts'

type Field = 'partnerCompanyId' | 'campaignId' | 'price'

/**
 * Sell: a buyer (a partner company that buys this kind), optionally one of its outbound campaigns
 * and a price, then what happened to each record (on its way, or failed with why). `onSold`
 * runs as soon as the answer is in, with the buyer's name, so the page behind refreshes.
 */
export function SellDialog({
  kind,
  records,
  onSold,
  onClose,
}: {
  kind: SellKind
  records: readonly RecordTarget[]
  onSold: (result: SellResult, buyer: string) => void
  onClose: () => void
}) {
  const buyers = useQuery(buyersQuery(kind))
  const [buyerId, setBuyerId] = useState('')
  const campaigns = useQuery(outboundCampaignsQuery(buyerId))
  const [campaignId, setCampaignId] = useState('')
  const [price, setPrice] = useState('')
  const [result, setResult] = useState<SellResult | null>(null)
  const title = bulkTitle('Sell', kind, records)
  const buyerName = (buyers.data?.find((b) => b.id === buyerId)?.name ?? 'the buyer').replace(/\.$/, '')
  const section = kind === 'lead' ? 'Buys Leads' : 'Buys Customers'

  const form = useSubmit({
    fields: ['partnerCompanyId', 'campaignId', 'price'],
    send: async () => {
      refuseTooMany(kind, records, maxPerSale, 'sale')
      // Every missing or wrong field at once, before asking the server.
      const fields: Partial<Record<Field, string>> = {}
      if (!buyerId) fields.partnerCompanyId = 'Choose the buyer'
      if (price.trim() && !pricePattern.test(price.trim())) fields.price = 'A price such as 25 or 19.99'
      if (Object.keys(fields).length) throw new FormCheckError(fields)
      return sellRecords(
        kind,
        records.map((r) => r.id),
        {
          partnerCompanyId: buyerId,
          ...(campaignId ? { campaignId } : {}),
          ...(price.trim() ? { price: price.trim() } : {}),
        },
      )
    },
    onDone: (answer: SellResult) => {
      setResult(answer)
      onSold(answer, buyerName)
    },
  })
  const { errors, busy } = form

  const noBuyers = buyers.data?.length === 0
  const buyerError =
    errors.fields.partnerCompanyId ??
    (buyers.error && !buyers.data ? 'The buyers could not be loaded. Close and try again.' : undefined)
  return (
    <BulkDialog
      title={title}
      kind={kind}
      records={records}
      verb={{ to: 'to sell', busy: 'Selling…' }}
      intro={`${records.length === 1 ? `The ${kind} goes` : `The ${kindNouns[kind][1]} go`} to the buyer the way its partner company says: posted to its system (exchange) or sent to its sale notification emails.`}
      formError={errors.form}
      busy={busy}
      ready={Boolean(buyers.data?.length)}
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        result ? <SellResults kind={kind} records={records} result={result} buyer={buyerName} /> : null
      }
    >
      <SelectField
        label="Buyer"
        name="partnerCompanyId"
        value={buyerId}
        onChange={(value) => {
          setBuyerId(value)
          setCampaignId('')
          form.reset()
        }}
        placeholder={buyers.data ? 'Choose the buyer…' : 'Loading…'}
        options={(buyers.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        error={buyerError}
        hint={
          noBuyers
            ? `No partner company buys ${kindNouns[kind][1]} yet: switch on ${section} on one first.`
            : `Partner companies with ${section} on`
        }
        required
      />
      <SelectField
        label="Campaign"
        name="campaignId"
        value={campaignId}
        onChange={(value) => {
          setCampaignId(value)
          form.changed('campaignId')
        }}
        placeholder={buyerId && !campaigns.data ? 'Loading…' : 'No campaign'}
        options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        error={errors.fields.campaignId}
        hint="Optional: one of the buyer's outbound campaigns, so the buyer files the sale under it"
        disabled={!buyerId || !campaigns.data?.length}
      />
      <TextField
        label="Price"
        name="price"
        value={price}
        onChange={(value) => {
          setPrice(value)
          form.changed('price')
        }}
        error={errors.fields.price}
        hint={`Optional: the price of each ${kind}, such as 25 or 19.99`}
        autoComplete="off"
      />
    </BulkDialog>
  )
}

function SellResults({
  kind,
  records,
  result,
  buyer,
}: {
  kind: SellKind
  records: readonly RecordTarget[]
  result: SellResult
  buyer: string
}) {
  const done = new Map(result.deliveries.map((d) => [d.leadId ?? d.customerId ?? '', 'Sold ✓']))
  return (
    <>
      <RecordResults
        kind={kind}
        records={records}
        done={done}
        failed={result.failed}
        verb={`sold to ${buyer}`}
        label="Sale results"
      />
      {result.deliveries.length ? (
        <p className="dialog-intro">
          Follow how each one reaches {buyer} on the <Link to="/deliveries">Deliveries</Link> page.
        </p>
      ) : null}
    </>
  )
}
