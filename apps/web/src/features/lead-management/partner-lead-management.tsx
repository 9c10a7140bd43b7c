import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { PartnerRules } from '../../app/contracts.ts'
import { FormAlert } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { formatDateTime } from '../../app/format.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { AutoAcceptToggle } from './auto-accept.tsx'
import { partnerRulesQuery, sendPartnerRules } from './lead-management.api.ts'
import { RuleBuilder } from './rule-builder.tsx'
import { draftOf, type GroupDraft, groupsOf, newGroup, rulePaths } from './rule-draft.ts'

/**
 * Lead management on a partner company's page (seed 004): auto-accept when it is a supplier
 * (sells you leads), and the registration rules you set for it when it is a channel partner
 * connected by exchange (buys your leads).
 */
export function PartnerLeadManagement({ partner }: { partner: PartnerCompany }) {
  const titleId = useId()
  const supplier = partner.sellsLeads.enabled
  const channel = partner.buysLeads.enabled && partner.buysLeads.deliveryMethod === 'exchange'
  if (!supplier && !channel) return null
  return (
    <section className="card form-card" aria-labelledby={titleId}>
      <h2 id={titleId}>Lead management</h2>
      {supplier ? (
        <div className="form-section">
          <h3>Auto-accept</h3>
          <AutoAcceptToggle partner={partner} label="Auto-accept the leads it distributes to you" />
          <p className="muted">
            On: its leads go straight to work and nobody is emailed. Off: they wait under Leads → Awaiting
            acceptance.
          </p>
        </div>
      ) : null}
      {channel ? <RegistrationRules partner={partner} /> : null}
    </section>
  )
}

/** The rules last sent load first: the builder starts from them. */
function RegistrationRules({ partner }: { partner: PartnerCompany }) {
  const sent = useQuery(partnerRulesQuery(partner.id))
  if (sent.error && !sent.data) return <ErrorView error={sent.error} onRetry={() => void sent.refetch()} />
  if (!sent.data) return <p className="muted">Loading…</p>
  return <RegistrationRulesForm partner={partner} sent={sent.data} />
}

function RegistrationRulesForm({ partner, sent }: { partner: PartnerCompany; sent: PartnerRules }) {
  const [groups, setGroups] = useState<GroupDraft[]>(() =>
    sent.groups.length ? draftOf(sent.groups) : [newGroup()],
  )
  const [notice, setNotice] = useState<string | null>(null)
  const form = useSubmit({
    fields: rulePaths(groups),
    send: async () => {
      const parsed = groupsOf(groups)
      if ('errors' in parsed)
        throw new FormCheckError(parsed.errors, 'Please correct the rules marked below.')
      return sendPartnerRules(partner.id, parsed.groups)
    },
    onDone: () =>
      setNotice(
        `Rules sent to ${partner.name.replace(/\.$/, '')}. They apply to its leads once it chooses Supplier managed.`,
      ),
  })
  return (
    <form className="form-section" onSubmit={form.onSubmit} noValidate aria-label="Registration rules">
      <h3>Registration rules</h3>
      <p className="muted">
        The leads of {partner.name} that match these rules are registered with you when created or updated.
        Sending replaces the rules it had.{' '}
        {sent.sentAt ? `Last sent ${formatDateTime(sent.sentAt)}.` : 'None sent yet.'}
      </p>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      <FormAlert message={form.errors.form} />
      <RuleBuilder
        groups={groups}
        onChange={(next) => {
          setNotice(null)
          setGroups(next)
        }}
        errors={form.errors.fields}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Sending…' : 'Send rules'}
        </button>
      </div>
    </form>
  )
}
