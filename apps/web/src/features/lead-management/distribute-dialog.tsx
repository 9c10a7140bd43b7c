import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { useAuth } from '../../app/auth.tsx'
import { SelectField, TextField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import { useSubmit } from '../../app/use-submit.ts'
import type { Contact } from '../contacts/contact.ts'
import { maxPerSale, type SellResult } from '../exchange/exchange.api.ts'
import { BulkDialog, bulkTitle, refuseTooMany } from '../records/bulk-dialog.tsx'
import { selectedTargets } from '../records/record-list.tsx'
import { countOf, RecordResults, type RecordTarget } from '../records/record-outcome.tsx'
import { channelPartnersQuery, distributeLeads } from './lead-management.api.ts'

/**
 * Distribute (seed 004): leads go to a channel partner connected by exchange, where they wait
 * for acceptance (or go straight to work if it auto-accepts). The nominee is shown there as
 * "assigned by supplier"; left empty, it is you.
 */
function DistributeDialog({
  records,
  onDistributed,
  onClose,
}: {
  records: readonly RecordTarget[]
  onDistributed: (result: SellResult, partner: string) => void
  onClose: () => void
}) {
  const partners = useQuery(channelPartnersQuery)
  const [partnerId, setPartnerId] = useState('')
  const [nomineeName, setNomineeName] = useState('')
  const [nomineeEmail, setNomineeEmail] = useState('')
  const [result, setResult] = useState<SellResult | null>(null)
  const partnerName = (partners.data?.find((p) => p.id === partnerId)?.name ?? 'the partner').replace(
    /\.$/,
    '',
  )
  const form = useSubmit({
    fields: ['partnerCompanyId', 'nominee.name', 'nominee.email', 'nominee'],
    send: async () => {
      refuseTooMany('lead', records, maxPerSale, 'distribution')
      const fields: Record<string, string> = {}
      if (!partnerId) fields.partnerCompanyId = 'Choose the channel partner'
      const named = nomineeName.trim() || nomineeEmail.trim()
      if (named && !nomineeName.trim()) fields['nominee.name'] = 'Give the name too, or leave both empty'
      if (named && !nomineeEmail.trim()) fields['nominee.email'] = 'Give the email too, or leave both empty'
      if (Object.keys(fields).length) throw new FormCheckError(fields)
      return distributeLeads(
        records.map((r) => r.id),
        {
          partnerCompanyId: partnerId,
          ...(named ? { nominee: { name: nomineeName.trim(), email: nomineeEmail.trim() } } : {}),
        },
      )
    },
    onDone: (answer: SellResult) => {
      setResult(answer)
      onDistributed(answer, partnerName)
    },
  })
  const e = form.errors.fields
  return (
    <BulkDialog
      title={bulkTitle('Distribute', 'lead', records)}
      kind="lead"
      records={records}
      verb={{ to: 'to distribute', busy: 'Distributing…' }}
      intro="The leads go to a channel partner connected by exchange, which accepts or declines them. A declined lead comes back to Pending with the partner's reason."
      formError={form.errors.form}
      busy={form.busy}
      ready={Boolean(partners.data?.length)}
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        result ? (
          <>
            <RecordResults
              kind="lead"
              records={records}
              done={new Map(result.deliveries.map((d) => [d.leadId ?? '', 'Distributed ✓']))}
              failed={result.failed}
              verb={`distributed to ${partnerName}`}
              label="Distribution results"
            />
            {result.deliveries.length ? (
              <p className="dialog-intro">
                Follow how each one reaches {partnerName} on the <Link to="/deliveries">Deliveries</Link>{' '}
                page.
              </p>
            ) : null}
          </>
        ) : null
      }
    >
      <SelectField
        label="Channel partner"
        name="partnerCompanyId"
        value={partnerId}
        onChange={(value) => {
          setPartnerId(value)
          form.changed('partnerCompanyId')
        }}
        placeholder={partners.data ? 'Choose the channel partner…' : 'Loading…'}
        options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        error={
          e.partnerCompanyId ??
          (partners.error && !partners.data
            ? 'The partners could not be loaded. Close and try again.'
            : undefined)
        }
        hint={
          partners.data?.length === 0
            ? 'No partner company buys leads by exchange yet: switch on Buys Leads with the exchange on one first.'
            : 'Partner companies that buy leads by exchange'
        }
        required
      />
      <TextField
        label="Assigned by supplier: name"
        name="nominee.name"
        value={nomineeName}
        onChange={(value) => {
          setNomineeName(value)
          form.changed('nominee.name')
        }}
        error={e['nominee.name'] ?? e.nominee}
        hint="Optional: who the partner should deal with about these leads; empty: you"
        autoComplete="off"
      />
      <TextField
        label="Assigned by supplier: email"
        name="nominee.email"
        type="email"
        value={nomineeEmail}
        onChange={(value) => {
          setNomineeEmail(value)
          form.changed('nominee.email')
        }}
        error={e['nominee.email']}
        autoComplete="off"
      />
    </BulkDialog>
  )
}

/** Distribute for the ticked rows of a list (absent without sell_leads). */
export function useDistributeSelected<T extends Contact & { id: string; number: number }>({
  list,
  selection,
  onDistributed,
}: {
  list: KeysetList<T>
  selection: Selection
  onDistributed: (notice: string | null) => void
}) {
  const { can } = useAuth()
  const [records, setRecords] = useState<RecordTarget[] | null>(null)
  const start = can('sell_leads') ? () => setRecords(selectedTargets(list, selection)) : undefined
  const dialog = records ? (
    <DistributeDialog
      records={records}
      onDistributed={(result, partner) => {
        selection.clear()
        const n = result.deliveries.length
        onDistributed(n ? `${countOf('lead', n)} distributed to ${partner}.` : null)
      }}
      onClose={() => setRecords(null)}
    />
  ) : null
  return { start, dialog }
}
