import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { Link } from 'react-router'
import { Checkbox, CheckboxGroup, FormAlert, SelectField, TextField, toggle } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { listUsers } from '../users/users.api.ts'
import { AutoAcceptToggle } from './auto-accept.tsx'
import {
  type AutoRegistration,
  autoRegistrationQuery,
  type LeadManagementSettings,
  leadManagementSettingsQuery,
  type NotificationRecipients,
  putAutoRegistration,
  putLeadManagementSettings,
  putRecipients,
  recipientsQuery,
  salesRepsQuery,
  suppliersQuery,
} from './lead-management.api.ts'
import { RuleBuilder, RulesReadOnly, useRulePreview } from './rule-builder.tsx'
import { draftOf, type GroupDraft, groupsOf, newGroup, rulePaths } from './rule-draft.ts'

type Mode = AutoRegistration['mode']

const modes = [
  { value: 'disabled', label: 'Disabled' },
  { value: 'supplier', label: 'Supplier managed' },
  { value: 'own', label: 'Define my own rules' },
]

/** One section of the page, its loading and failure shown in place. */
function Section({
  title,
  intro,
  query,
  children,
}: {
  title: string
  intro: ReactNode
  query: { error: Error | null; isSuccess: boolean; refetch: () => unknown }
  children: () => ReactNode
}) {
  const id = useId()
  let body: ReactNode
  if (query.error && !query.isSuccess)
    body = <ErrorView error={query.error} onRetry={() => void query.refetch()} />
  else if (!query.isSuccess) body = <p className="muted">Loading…</p>
  else body = children()
  return (
    <section className="card form-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{intro}</p>
      {body}
    </section>
  )
}

/** Administration → Lead Management (seed 004): auto-registration, auto-accept, notifications. */
export function LeadManagementPage() {
  const registration = useQuery(autoRegistrationQuery)
  const suppliers = useQuery(suppliersQuery)
  const recipients = useQuery(recipientsQuery)
  const settings = useQuery(leadManagementSettingsQuery)
  const both = {
    error: registration.error ?? suppliers.error,
    isSuccess: registration.isSuccess && suppliers.isSuccess,
    refetch: () => Promise.all([registration.refetch(), suppliers.refetch()]),
  }
  return (
    <div className="page">
      <title>Lead Management · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Lead Management</h1>
        <p className="page-intro muted">
          Register your leads with a supplier by rules, accept the leads suppliers send you automatically, and
          choose who is emailed about them.
        </p>
      </header>
      <Section
        title="Auto-Registration"
        intro={
          <>
            Leads created or updated while this is on are registered with the supplier when they match the
            rules, once each. Leads already here are not combed through. Leads of{' '}
            <Link to="/admin/companies">ignored companies</Link> are never registered.
          </>
        }
        query={both}
      >
        {() => (
          <AutoRegistrationForm
            saved={registration.data as AutoRegistration}
            suppliers={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Section>
      <Section
        title="Auto-Accept"
        intro="Leads a ticked supplier distributes to you go straight to work, and no notification email is sent. Use it for suppliers whose leads flow on to your other systems."
        query={suppliers}
      >
        {() =>
          suppliers.data?.length ? (
            <div className="supplier-list">
              {suppliers.data.map((s) => (
                <AutoAcceptToggle key={s.id} partner={s} label={s.name} />
              ))}
            </div>
          ) : (
            <p>No partner company sells you leads yet.</p>
          )
        }
      </Section>
      <Section
        title="Default Lead Notifications"
        intro="Who is emailed when a supplier distributes leads to you, to accept, decline or reassign them. Nobody is emailed about auto-accepted leads."
        query={recipients}
      >
        {() => <RecipientsForm saved={recipients.data as NotificationRecipients} />}
      </Section>
      <Section
        title="Acceptance reminders"
        intro="Distributed leads nobody has accepted or declined are reminded to the same people once, after this many hours."
        query={settings}
      >
        {() => <ReminderForm saved={settings.data as LeadManagementSettings} />}
      </Section>
    </div>
  )
}

function Saved({ notice }: { notice: string | null }) {
  return notice ? (
    <output className="alert alert-success" aria-live="polite">
      {notice}
    </output>
  ) : null
}

function AutoRegistrationForm({
  saved,
  suppliers,
}: {
  saved: AutoRegistration
  suppliers: { value: string; label: string }[]
}) {
  const [mode, setMode] = useState<Mode>(saved.mode)
  const [supplier, setSupplier] = useState(saved.supplierPartnerCompanyId ?? '')
  const [groups, setGroups] = useState<GroupDraft[]>(() =>
    saved.mode === 'own' && saved.groups.length ? draftOf(saved.groups) : [newGroup()],
  )
  const [showRules, setShowRules] = useState(false)
  const [checked, setChecked] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const form = useSubmit({
    fields: ['mode', 'supplierPartnerCompanyId', ...rulePaths(groups)],
    send: async () => {
      if (mode !== 'own') return putAutoRegistration({ mode, supplierPartnerCompanyId: supplier || null })
      const parsed = groupsOf(groups)
      if ('errors' in parsed)
        throw new FormCheckError(parsed.errors, 'Please correct the rules marked below.')
      return putAutoRegistration({ mode, supplierPartnerCompanyId: supplier || null, groups: parsed.groups })
    },
    onDone: () => setNotice('Auto-registration saved.'),
  })
  const errors = { ...checked, ...form.errors.fields }
  const change = () => {
    setNotice(null)
    setChecked({})
  }
  const preview = useRulePreview(() => groupsOf(groups), setChecked)
  // The supplier's rules are known once supplier-managed mode is saved.
  const supplierRules = saved.mode === 'supplier' ? saved.groups : null

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Auto-registration">
      <Saved notice={notice} />
      <FormAlert message={form.errors.form} />
      <div className="form-grid">
        <SelectField
          label="Auto-registration"
          name="mode"
          value={mode}
          onChange={(v) => {
            change()
            setMode(v as Mode)
          }}
          options={modes}
          error={errors.mode}
        />
        {mode !== 'disabled' ? (
          <SelectField
            label="Supplier"
            name="supplierPartnerCompanyId"
            value={supplier}
            onChange={(v) => {
              change()
              setSupplier(v)
            }}
            options={suppliers}
            placeholder="Choose the supplier…"
            error={errors.supplierPartnerCompanyId}
            hint="The partner company leads are registered with"
            required
          />
        ) : null}
      </div>
      {mode === 'supplier' ? (
        <>
          <button type="button" className="button button-small" onClick={() => setShowRules(!showRules)}>
            {showRules ? 'Hide rules' : 'Show rules'}
          </button>
          {showRules ? (
            supplierRules ? (
              <RulesReadOnly groups={supplierRules} label="Your supplier's rules" />
            ) : (
              <p className="muted">Save to see the rules your supplier set for you.</p>
            )
          ) : null}
        </>
      ) : null}
      {mode === 'own' ? (
        <RuleBuilder
          groups={groups}
          onChange={(next) => {
            change()
            setGroups(next)
          }}
          errors={errors}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save'}
        </button>
        {mode === 'own' ? preview.button : null}
      </div>
      {mode === 'own' ? preview.results : null}
    </form>
  )
}

function RecipientsForm({ saved }: { saved: NotificationRecipients }) {
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) })
  const reps = useQuery(salesRepsQuery)
  const [userIds, setUserIds] = useState(saved.userIds)
  const [salesRepIds, setSalesRepIds] = useState(saved.salesRepIds)
  const [notice, setNotice] = useState<string | null>(null)
  const form = useSubmit({
    fields: ['userIds', 'salesRepIds'],
    send: () => putRecipients({ userIds, salesRepIds }),
    onDone: () => setNotice('Lead notification recipients saved.'),
  })
  const e = form.errors.fields
  const nominee = saved.assignedBySupplier
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Default lead notifications">
      <Saved notice={notice} />
      <FormAlert message={form.errors.form} />
      <div className="recipient-columns">
        <CheckboxGroup legend="Users" error={e.userIds}>
          {users.error && !users.data ? <p className="field-error">The users could not be loaded.</p> : null}
          {(users.data ?? [])
            .filter((u) => !u.disabled)
            .map((u) => (
              <Checkbox
                key={u.id}
                label={`${u.name} (${u.email})`}
                checked={userIds.includes(u.id)}
                onChange={(on) => {
                  setNotice(null)
                  setUserIds(toggle(userIds, u.id, on))
                }}
              />
            ))}
          <Link to="/admin/users">Add user</Link>
        </CheckboxGroup>
        <CheckboxGroup legend="Sales reps" error={e.salesRepIds}>
          {reps.data?.length === 0 ? <p className="muted">No sales reps yet.</p> : null}
          {(reps.data ?? []).map((r) => (
            <Checkbox
              key={r.id}
              label={`${r.name} (${r.email})`}
              checked={salesRepIds.includes(r.id)}
              onChange={(on) => {
                setNotice(null)
                setSalesRepIds(toggle(salesRepIds, r.id, on))
              }}
            />
          ))}
          <Link to="/admin/sales-reps">Add sales rep</Link>
        </CheckboxGroup>
        <div className="field">
          <p>
            <strong>Assigned by supplier</strong>
          </p>
          <p data-testid="assigned-by-supplier">
            {nominee ? `${nominee.name} (${nominee.email})` : 'No supplier has nominated anyone yet.'}
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save recipients'}
        </button>
      </div>
    </form>
  )
}

function ReminderForm({ saved }: { saved: LeadManagementSettings }) {
  const [hours, setHours] = useState(String(saved.acceptanceReminderHours))
  const [notice, setNotice] = useState<string | null>(null)
  const form = useSubmit({
    fields: ['acceptanceReminderHours'],
    send: async () => {
      if (!/^\d+$/.test(hours.trim()))
        throw new FormCheckError({ acceptanceReminderHours: 'A whole number of hours, 1 to 720' })
      return putLeadManagementSettings({ acceptanceReminderHours: Number(hours.trim()) })
    },
    onDone: () => setNotice('Reminder hours saved.'),
  })
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Acceptance reminders">
      <Saved notice={notice} />
      <FormAlert message={form.errors.form} />
      <div className="form-grid">
        <TextField
          label="Remind after (hours)"
          name="acceptanceReminderHours"
          type="number"
          min="1"
          value={hours}
          onChange={(v) => {
            setNotice(null)
            setHours(v)
          }}
          error={form.errors.fields.acceptanceReminderHours}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save reminder hours'}
        </button>
      </div>
    </form>
  )
}
