import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { Dialog } from '../../app/dialog.tsx'
import { FormAlert, orNull, SelectField, TextField } from '../../app/form.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import {
  type Campaign,
  type CampaignDirection,
  type CampaignInput,
  campaignsQuery,
  createCampaign,
  deleteCampaign,
  type PartnerCompany,
  updateCampaign,
} from './partner-companies.api.ts'

const fields = [
  'name',
  'description',
  'direction',
  'externalPartnerCompanyId',
  'externalCampaignId',
  'costPerLead',
] as const

const directions = [
  { value: 'inbound', label: 'Inbound (from the partner to you)' },
  { value: 'outbound', label: 'Outbound (from you to the partner)' },
]

type Panel = { mode: 'create' } | { mode: 'edit'; campaign: Campaign }

/** The "Campaigns" window of a partner company (seed 000): how its leads and customers were generated. */
export function CampaignsDialog({
  partner,
  editable,
  onClose,
}: {
  partner: PartnerCompany
  editable: boolean
  onClose: () => void
}) {
  const campaigns = useQuery(campaignsQuery(partner.id))
  const [panel, setPanel] = useState<Panel>({ mode: 'create' })
  const notices = useNotices()
  const deletion = useRowDelete(notices)
  // A new key empties the Add form after each campaign added.
  const [added, setAdded] = useState(0)

  const remove = (campaign: Campaign) =>
    deletion.remove(
      async () => {
        await deleteCampaign(campaign.id)
        if (panel.mode === 'edit' && panel.campaign.id === campaign.id) setPanel({ mode: 'create' })
      },
      { done: `Campaign ${campaign.name} deleted.`, failed: `Could not delete ${campaign.name}` },
    )

  let list: ReactNode
  if (campaigns.error && !campaigns.data)
    list = <ErrorView error={campaigns.error} onRetry={() => void campaigns.refetch()} />
  else if (!campaigns.data) list = <p className="muted">Loading…</p>
  else if (!campaigns.data.length) list = <p className="muted empty">No campaigns yet.</p>
  else
    list = (
      <div className="table-wrap">
        <table className="table" aria-label="Campaigns">
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Direction</th>
              <th scope="col">External partner company ID</th>
              <th scope="col">External campaign ID</th>
              <th scope="col">Cost per lead</th>
              {editable ? (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {campaigns.data.map((campaign) => (
              <tr key={campaign.id}>
                <th scope="row">
                  {campaign.name}
                  {campaign.description ? <p className="cell-note">{campaign.description}</p> : null}
                </th>
                <td>{campaign.direction === 'inbound' ? 'Inbound' : 'Outbound'}</td>
                <td>{campaign.externalPartnerCompanyId ?? '—'}</td>
                <td>{campaign.externalCampaignId ?? '—'}</td>
                <td>{campaign.costPerLead ?? '—'}</td>
                {editable ? (
                  <td className="actions-col">
                    <RowActions
                      confirming={deletion.confirmingId === campaign.id}
                      question={`Delete ${campaign.name}?`}
                      onDelete={() => remove(campaign)}
                      onKeep={deletion.keep}
                    >
                      <RowButton
                        label={`Edit campaign ${campaign.name}`}
                        onClick={() => {
                          notices.clearNotice()
                          setPanel({ mode: 'edit', campaign })
                        }}
                      >
                        Edit
                      </RowButton>
                      <RowDeleteButton
                        label={`Delete campaign ${campaign.name}`}
                        onClick={() => deletion.ask(campaign.id)}
                      />
                    </RowActions>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )

  return (
    <Dialog title={`Campaigns of ${partner.name}`} onClose={onClose} wide>
      <NoticeAlerts notices={notices} />
      {list}
      {editable ? (
        <CampaignForm
          key={panel.mode === 'edit' ? panel.campaign.id : `new-${added}`}
          partnerCompanyId={partner.id}
          campaign={panel.mode === 'edit' ? panel.campaign : undefined}
          onSaved={(campaign, verb) => {
            notices.succeeded(`Campaign ${campaign.name} ${verb}.`)
            setPanel({ mode: 'create' })
            setAdded((n) => n + 1)
          }}
          onCancel={() => setPanel({ mode: 'create' })}
        />
      ) : null}
    </Dialog>
  )
}

function CampaignForm({
  partnerCompanyId,
  campaign,
  onSaved,
  onCancel,
}: {
  partnerCompanyId: string
  campaign: Campaign | undefined
  onSaved: (campaign: Campaign, verb: string) => void
  onCancel: () => void
}) {
  const titleId = useId()
  const [name, setName] = useState(campaign?.name ?? '')
  const [description, setDescription] = useState(campaign?.description ?? '')
  const [direction, setDirection] = useState<CampaignDirection>(campaign?.direction ?? 'inbound')
  const [externalPartnerCompanyId, setExternalPartnerCompanyId] = useState(
    campaign?.externalPartnerCompanyId ?? '',
  )
  const [externalCampaignId, setExternalCampaignId] = useState(campaign?.externalCampaignId ?? '')
  const [costPerLead, setCostPerLead] = useState(campaign?.costPerLead ?? '')
  const form = useSubmit({
    fields,
    send: (input: CampaignInput) =>
      campaign ? updateCampaign(campaign.id, input) : createCampaign(partnerCompanyId, input),
    onDone: (saved: Campaign) => onSaved(saved, campaign ? 'saved' : 'added'),
  })
  const { errors, busy } = form
  const input = (): CampaignInput => ({
    name,
    description: orNull(description),
    direction,
    externalPartnerCompanyId: orNull(externalPartnerCompanyId),
    externalCampaignId: orNull(externalCampaignId),
    costPerLead: orNull(costPerLead),
  })

  return (
    <form
      className="subform form-required-bold"
      onSubmit={(event) => form.submit(input(), event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{campaign ? `Edit campaign ${campaign.name}` : 'Add campaign'}</h3>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          hint="e.g. Cold Call, Door Knock, Web Lead"
          autoComplete="off"
          required
        />
        <SelectField
          label="Direction"
          name="direction"
          value={direction}
          onChange={(value) => setDirection(value as CampaignDirection)}
          options={directions}
          error={errors.fields.direction}
          required
        />
        <TextField
          label="Description"
          name="description"
          value={description}
          onChange={setDescription}
          error={errors.fields.description}
          autoComplete="off"
        />
        <TextField
          label="External partner company ID"
          name="externalPartnerCompanyId"
          value={externalPartnerCompanyId}
          onChange={setExternalPartnerCompanyId}
          error={errors.fields.externalPartnerCompanyId}
          hint="This partner's ID in the sender's system"
          autoComplete="off"
        />
        <TextField
          label="External campaign ID"
          name="externalCampaignId"
          value={externalCampaignId}
          onChange={setExternalCampaignId}
          error={errors.fields.externalCampaignId}
          hint="With the partner ID, assigns this campaign to records created through the API"
          autoComplete="off"
        />
        <TextField
          label="Cost per lead"
          name="costPerLead"
          value={costPerLead}
          onChange={setCostPerLead}
          error={errors.fields.costPerLead}
          hint="e.g. 5.00, in the company currency; each lead keeps the cost of the day it arrived"
          autoComplete="off"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {campaign ? 'Save campaign' : 'Add campaign'}
        </button>
        {campaign ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
