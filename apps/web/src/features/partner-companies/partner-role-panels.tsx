/** The Leads and Customers sections of the partner company form: a Buys and a Sells side each. */
import { type ReactNode, useId } from 'react'
import { Checkbox, EmailListField, type Option, SelectField, TextField } from '../../app/form.tsx'
import { ConnectionCodeField } from '../exchange/connection-code-field.tsx'
import { TestConnection } from '../exchange/test-connection.tsx'
import type { Buys, DeliveryMethod } from './partner-companies.api.ts'
import type { BuysDraft } from './partner-company-draft.ts'

const deliveryMethods: Option[] = [
  { value: 'exchange', label: 'Exchange (post to their Tributary or compatible system)' },
  { value: 'email', label: 'Email' },
]

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="form-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div className="role-columns">{children}</div>
    </section>
  )
}

/** One side of the Leads or Customers section: a checkbox, and its fields while it is on. */
export function RolePanel({
  name,
  label,
  hint,
  checked,
  onToggle,
  error,
  children,
}: {
  name: string
  label: string
  hint: string
  checked: boolean
  onToggle: (on: boolean) => void
  error: string | undefined
  children: ReactNode
}) {
  return (
    <div className={checked ? 'role-panel is-on' : 'role-panel'}>
      <Checkbox name={name} label={label} hint={hint} checked={checked} onChange={onToggle} error={error} />
      {checked ? <div className="role-fields">{children}</div> : null}
    </div>
  )
}

/** "Buys Leads" or "Buys Customers": how the leads or customers you sell reach this partner. */
export function BuysPanel({
  section,
  what,
  buys,
  secretSet,
  set,
  errors,
  saved,
}: {
  section: 'buysLeads' | 'buysCustomers'
  what: 'Lead' | 'Customer'
  buys: BuysDraft
  secretSet: boolean
  /** The section as saved, on a partner company that exists: Test connection tests that. */
  saved?: { partnerId: string; buys: Buys } | undefined
  set: <K extends keyof BuysDraft>(key: K, value: BuysDraft[K]) => void
  errors: Record<string, string>
}) {
  const exchange = buys.deliveryMethod === 'exchange'
  return (
    <RolePanel
      name={`${section}.enabled`}
      label={`Buys ${what}s`}
      hint={`You sell ${what.toLowerCase()}s to this partner company`}
      checked={buys.enabled}
      onToggle={(on) => set('enabled', on)}
      error={errors[section]}
    >
      <SelectField
        label={`${what} Delivery Method`}
        name={`${section}.deliveryMethod`}
        value={buys.deliveryMethod}
        onChange={(v) => set('deliveryMethod', v as DeliveryMethod)}
        options={deliveryMethods}
        error={errors[`${section}.deliveryMethod`]}
        required
      />
      <EmailListField
        label="Sale Notification Email(s)"
        name={`${section}.saleNotificationEmails`}
        value={buys.saleNotificationEmails}
        onChange={(v) => set('saleNotificationEmails', v)}
        errors={errors}
        hint={`Whoever at the partner receives the ${what.toLowerCase()}s you sell`}
        required={!exchange}
      />
      {exchange ? (
        <>
          <ConnectionCodeField
            name={`${section}.connectionCode`}
            onDecoded={(code) => {
              set('postUrl', code.postUrl)
              set('sourceId', code.sourceId)
              set('secret', code.secret)
            }}
          />
          <TextField
            label="Post URL"
            name={`${section}.postUrl`}
            type="url"
            value={buys.postUrl}
            onChange={(v) => set('postUrl', v)}
            error={errors[`${section}.postUrl`]}
            hint="From the partner's own system (its Sells section)"
            placeholder="https://"
            autoComplete="off"
            required
          />
          <TextField
            label="Source ID"
            name={`${section}.sourceId`}
            value={buys.sourceId}
            onChange={(v) => set('sourceId', v)}
            error={errors[`${section}.sourceId`]}
            autoComplete="off"
            required
          />
          <TextField
            label={secretSet ? 'Replace Secret' : 'Secret'}
            name={`${section}.secret`}
            type="password"
            value={buys.secret}
            onChange={(v) => set('secret', v)}
            error={errors[`${section}.secret`]}
            hint={
              secretSet
                ? '✓ A signing secret is set; leave empty to keep it'
                : 'The signing secret the partner gave you (at least 16 characters)'
            }
            autoComplete="new-password"
            required={!secretSet}
          />
          {saved ? (
            <TestConnection partnerId={saved.partnerId} section={section} saved={saved.buys} draft={buys} />
          ) : null}
        </>
      ) : null}
    </RolePanel>
  )
}

/** The notification addresses of "Sells Leads" and "Sells Customers", worded for each. */
export function SellsNotificationEmails({
  section,
  what,
  sells,
  set,
  errors,
}: {
  section: 'sellsLeads' | 'sellsCustomers'
  what: 'lead' | 'customer'
  sells: { purchaseNotificationEmails: string[]; returnNotificationEmails: string[] }
  set: (key: 'purchaseNotificationEmails' | 'returnNotificationEmails', value: string[]) => void
  errors: Record<string, string>
}) {
  return (
    <>
      <EmailListField
        label="Purchase Notification Email(s)"
        name={`${section}.purchaseNotificationEmails`}
        value={sells.purchaseNotificationEmails}
        onChange={(v) => set('purchaseNotificationEmails', v)}
        errors={errors}
        hint={`Told when this partner sells you a ${what}`}
      />
      <EmailListField
        label="Return Notification Email(s)"
        name={`${section}.returnNotificationEmails`}
        value={sells.returnNotificationEmails}
        onChange={(v) => set('returnNotificationEmails', v)}
        errors={errors}
        hint={`Told when you return a ${what} to this partner`}
      />
    </>
  )
}
