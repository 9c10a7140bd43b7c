import { type FormEvent, useId, useState } from 'react'
import { AddressFields } from '../../app/address-fields.tsx'
import { CopyField } from '../../app/copy-field.tsx'
import { Checkbox, FormAlert, type Option, SelectField, TextAreaField, TextField } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import {
  createPartnerCompany,
  type LeadLocationOnArrival,
  type PartnerCompany,
  type PartnerCompanyInput,
  type PartnerKind,
  type QueuePriority,
  updatePartnerCompany,
} from './partner-companies.api.ts'
import { type Draft, draftOf, inputOf, visiblePaths, withCleanEmails } from './partner-company-draft.ts'
import { BuysPanel, FormSection, RolePanel, SellsNotificationEmails } from './partner-role-panels.tsx'
import './partner-companies.css'

const kinds: Option[] = [
  { value: 'outside', label: 'Outside — another organisation' },
  { value: 'inside', label: 'Inside — your own company (e.g. Self-Generated)' },
]
const leadLocations: Option[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'queue', label: 'Queue' },
]
const priorities: Option[] = [
  { value: 'normal', label: 'Normal' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
]

type Props = {
  /** The partner company to change; absent to add one. */
  partner?: PartnerCompany
  messageCampaigns: Option[]
  officeLocations: Option[]
  onSaved: (partner: PartnerCompany) => void
  onCancel: () => void
  /** A change to the form: the page clears its last notice. */
  onChange?: () => void
}

/**
 * Adds or changes a partner company, laid out as seed 000 describes the screen: general fields
 * on top, then Leads (Buys left, Sells right), Customers (the same), and Access at the bottom.
 */
export function PartnerCompanyForm({
  partner,
  messageCampaigns,
  officeLocations,
  onSaved,
  onCancel,
  onChange,
}: Props) {
  const titleId = useId()
  const [draft, setDraft] = useState<Draft>(() => draftOf(partner))
  const form = useSubmit({
    fields: visiblePaths(draft),
    send: (input: PartnerCompanyInput & { name: string }) =>
      partner ? updatePartnerCompany(partner.id, input) : createPartnerCompany(input),
    onDone: onSaved,
  })
  const { errors, busy } = form
  const e = errors.fields

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setIn =
    <S extends 'sellsLeads' | 'sellsCustomers' | 'buysLeads' | 'buysCustomers' | 'access'>(section: S) =>
    <K extends keyof Draft[S]>(key: K, value: Draft[S][K]) =>
      setDraft((d) => ({ ...d, [section]: { ...d[section], [key]: value } }))
  const sl = setIn('sellsLeads')
  const sc = setIn('sellsCustomers')
  const access = setIn('access')

  function submit(event: FormEvent) {
    const clean = withCleanEmails(draft)
    setDraft(clean)
    form.submit(inputOf(clean), event)
  }

  const autoResponseHint = 'A message campaign sent with returns (Administration → Message Campaigns)'

  return (
    <form
      className="card partner-form form-required-bold"
      onSubmit={submit}
      onChange={onChange}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="visually-hidden">
        {partner ? `Edit ${partner.name}` : 'Add partner company'}
      </h2>
      <p className="form-legend">Fields in bold are required.</p>
      <FormAlert message={errors.form} />

      <section className="form-section" aria-label="General">
        <div className="form-grid">
          <TextField
            label="Company Name"
            name="name"
            value={draft.name}
            onChange={(v) => set('name', v)}
            error={e.name}
            autoComplete="off"
            autoFocus={!partner}
            required
          />
          <SelectField
            label="Kind"
            name="kind"
            value={draft.kind}
            onChange={(v) => set('kind', v as PartnerKind)}
            options={kinds}
            error={e.kind}
            required
          />
          <TextField
            label="Contact Person"
            name="contactPerson"
            value={draft.contactPerson}
            onChange={(v) => set('contactPerson', v)}
            error={e.contactPerson}
            autoComplete="off"
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            value={draft.email}
            onChange={(v) => set('email', v)}
            error={e.email}
            autoComplete="off"
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            value={draft.phone}
            onChange={(v) => set('phone', v)}
            error={e.phone}
            autoComplete="off"
          />
          <TextField
            label="Website"
            name="website"
            type="url"
            value={draft.website}
            onChange={(v) => set('website', v)}
            error={e.website}
            placeholder="https://"
            autoComplete="off"
          />
        </div>
        <AddressFields address={draft} onChange={set} errors={e} />
        <TextAreaField
          label="Notes"
          name="notes"
          value={draft.notes}
          onChange={(v) => set('notes', v)}
          error={e.notes}
        />
        <Checkbox
          name="active"
          label="Active"
          hint="Inactive partner companies are kept with their leads and customers but offered nowhere"
          checked={draft.active}
          onChange={(on) => set('active', on)}
          error={e.active}
        />
      </section>

      <FormSection title="Leads">
        <BuysPanel
          section="buysLeads"
          what="Lead"
          buys={draft.buysLeads}
          secretSet={partner?.buysLeads.secretSet ?? false}
          saved={partner && { partnerId: partner.id, buys: partner.buysLeads }}
          set={setIn('buysLeads')}
          errors={e}
        />
        <RolePanel
          name="sellsLeads.enabled"
          label="Sells Leads"
          hint="This partner company sells leads to you (a lead source)"
          checked={draft.sellsLeads.enabled}
          onToggle={(on) => sl('enabled', on)}
          error={e.sellsLeads}
        >
          <SelectField
            label="Default Lead Location"
            name="sellsLeads.defaultLeadLocation"
            value={draft.sellsLeads.defaultLeadLocation}
            onChange={(v) => sl('defaultLeadLocation', v as LeadLocationOnArrival | '')}
            options={leadLocations}
            placeholder="Choose…"
            hint="Pending: waits for a manager. Queue: reps can request it once the queue criteria are met."
            error={e['sellsLeads.defaultLeadLocation']}
            required
          />
          <Checkbox
            name="sellsLeads.forceDefaultLeadLocation"
            label="Force Default Lead Location"
            hint="Ignore the location the sender suggests"
            checked={draft.sellsLeads.forceDefaultLeadLocation}
            onChange={(on) => sl('forceDefaultLeadLocation', on)}
            error={e['sellsLeads.forceDefaultLeadLocation']}
          />
          <SellsNotificationEmails
            section="sellsLeads"
            what="lead"
            sells={draft.sellsLeads}
            set={sl}
            errors={e}
          />
          <Checkbox
            name="sellsLeads.includeCallCenterCommentsWithReturn"
            label="Include Call Center Comments w/ Return"
            checked={draft.sellsLeads.includeCallCenterCommentsWithReturn}
            onChange={(on) => sl('includeCallCenterCommentsWithReturn', on)}
            error={e['sellsLeads.includeCallCenterCommentsWithReturn']}
          />
          <SelectField
            label="Auto Response Email"
            name="sellsLeads.autoResponseMessageCampaignId"
            value={draft.sellsLeads.autoResponseMessageCampaignId}
            onChange={(v) => sl('autoResponseMessageCampaignId', v)}
            options={messageCampaigns}
            placeholder="None"
            hint={autoResponseHint}
            error={e['sellsLeads.autoResponseMessageCampaignId']}
          />
          <SelectField
            label="Lead Queue Priority"
            name="sellsLeads.leadQueuePriority"
            value={draft.sellsLeads.leadQueuePriority}
            onChange={(v) => sl('leadQueuePriority', v as QueuePriority)}
            options={priorities}
            hint="Leads of higher-priority sources are offered first"
            error={e['sellsLeads.leadQueuePriority']}
          />
        </RolePanel>
      </FormSection>

      <FormSection title="Customers">
        <BuysPanel
          section="buysCustomers"
          what="Customer"
          buys={draft.buysCustomers}
          secretSet={partner?.buysCustomers.secretSet ?? false}
          saved={partner && { partnerId: partner.id, buys: partner.buysCustomers }}
          set={setIn('buysCustomers')}
          errors={e}
        />
        <RolePanel
          name="sellsCustomers.enabled"
          label="Sells Customers"
          hint="This partner company sells customers to you"
          checked={draft.sellsCustomers.enabled}
          onToggle={(on) => sc('enabled', on)}
          error={e.sellsCustomers}
        >
          <SelectField
            label="Default Office Location for Incoming Customers"
            name="sellsCustomers.defaultOfficeLocationId"
            value={draft.sellsCustomers.defaultOfficeLocationId}
            onChange={(v) => sc('defaultOfficeLocationId', v)}
            options={officeLocations}
            placeholder="Choose…"
            error={e['sellsCustomers.defaultOfficeLocationId']}
            required
          />
          <SellsNotificationEmails
            section="sellsCustomers"
            what="customer"
            sells={draft.sellsCustomers}
            set={sc}
            errors={e}
          />
          <SelectField
            label="Auto Response Email"
            name="sellsCustomers.autoResponseMessageCampaignId"
            value={draft.sellsCustomers.autoResponseMessageCampaignId}
            onChange={(v) => sc('autoResponseMessageCampaignId', v)}
            options={messageCampaigns}
            placeholder="None"
            hint={autoResponseHint}
            error={e['sellsCustomers.autoResponseMessageCampaignId']}
          />
        </RolePanel>
      </FormSection>

      <section className="form-section" aria-labelledby={`${titleId}-access`}>
        <h3 id={`${titleId}-access`}>Access</h3>
        <Checkbox
          name="access.allowLogin"
          label="Allow Login"
          hint="Read-only access to the leads and customers of this partner company, nothing else"
          checked={draft.access.allowLogin}
          onChange={(on) => access('allowLogin', on)}
          error={e.access}
        />
        {draft.access.allowLogin ? (
          <div className="form-grid access-fields">
            <TextField
              label="Username"
              name="access.username"
              value={draft.access.username}
              onChange={(v) => access('username', v)}
              error={e['access.username']}
              hint="3–64 letters, digits, dots, dashes or underscores"
              autoComplete="off"
              required
            />
            <TextField
              label={partner?.access.passwordSet ? 'New Password' : 'Password'}
              name="access.password"
              type="password"
              value={draft.access.password}
              onChange={(v) => access('password', v)}
              error={e['access.password']}
              hint={
                partner?.access.passwordSet
                  ? '✓ A password is set; leave empty to keep it'
                  : 'At least 8 characters; give it to the partner with the username'
              }
              autoComplete="new-password"
              required={!partner?.access.passwordSet}
            />
            {partner ? (
              <CopyField
                label="Login URL"
                value={partner.access.loginUrl}
                hint="Send this link to the partner"
              />
            ) : (
              <p className="field-hint login-url-later">
                The login URL to send to the partner shows once saved.
              </p>
            )}
          </div>
        ) : null}
      </section>

      <div className="form-actions form-actions-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : partner ? 'Save changes' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
