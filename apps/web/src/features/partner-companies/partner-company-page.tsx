import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { ApiError, errorMessage } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { ConfirmDialog } from '../../app/dialog.tsx'
import type { Option } from '../../app/form.tsx'
import { ErrorView } from '../errors/error-view.tsx'
import { NotFoundPage } from '../errors/not-found-page.tsx'
import { ConnectionPanel } from '../exchange/connection-panel.tsx'
import { PartnerLeadManagement } from '../lead-management/partner-lead-management.tsx'
import { listMessageCampaigns } from '../message-campaigns/message-campaigns.api.ts'
import { listOfficeLocations } from '../office-locations/office-locations.api.ts'
import { listTags } from '../tags/tags.api.ts'
import { CampaignsDialog } from './campaigns-dialog.tsx'
import {
  deletePartnerCompany,
  type PartnerCompany,
  partnerCompanyQuery,
  updatePartnerCompany,
} from './partner-companies.api.ts'
import { PartnerCompanyForm } from './partner-company-form.tsx'
import { ApplyTagDialog, TagChips } from './partner-tags.tsx'
import { RoleBadges } from './role-badges.tsx'

const listPath = '/admin/partner-companies'
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What the form's drop-downs offer: message campaigns (auto-response) and office locations. */
function useChoices() {
  return useQuery({
    queryKey: ['partner-company-choices'],
    queryFn: async ({ signal }) => {
      const [campaigns, offices, tags] = await Promise.all([
        listMessageCampaigns(signal),
        listOfficeLocations(signal),
        listTags(signal),
      ])
      const options = (items: { id: string; name: string }[]): Option[] =>
        items.map((item) => ({ value: item.id, label: item.name }))
      return { messageCampaigns: options(campaigns), officeLocations: options(offices), tags }
    },
  })
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <title>{`${title} · Tributary`}</title>
      {children}
    </div>
  )
}

function Breadcrumb() {
  return (
    <p className="breadcrumb">
      Administration · <Link to={listPath}>Partner Companies</Link>
    </p>
  )
}

/** Administration → Partner Companies → Add partner company. */
export function NewPartnerCompanyPage() {
  const navigate = useNavigate()
  const choices = useChoices()

  let body: ReactNode
  if (choices.error && !choices.data)
    body = <ErrorView error={choices.error} onRetry={() => void choices.refetch()} />
  else if (!choices.data) body = <p className="muted">Loading…</p>
  else
    body = (
      <PartnerCompanyForm
        messageCampaigns={choices.data.messageCampaigns}
        officeLocations={choices.data.officeLocations}
        onSaved={(partner) =>
          navigate(`${listPath}/${partner.id}`, {
            replace: true,
            state: { notice: `${partner.name} added. Add its campaigns with the Campaigns button.` },
          })
        }
        onCancel={() => navigate(listPath)}
      />
    )

  return (
    <Page title="Add partner company">
      <header className="page-header">
        <Breadcrumb />
        <h1>Add partner company</h1>
      </header>
      {body}
    </Page>
  )
}

type Dialogs = 'none' | 'tags' | 'campaigns' | 'delete'

/** Administration → Partner Companies → one partner company: its form, tags, campaigns, delete. */
export function EditPartnerCompanyPage() {
  const { id = '' } = useParams()
  if (!uuid.test(id)) return <NotFoundPage />
  return <EditPartnerCompany key={id} id={id} />
}

function EditPartnerCompany({ id }: { id: string }) {
  const navigate = useNavigate()
  const location = useLocation()
  const { can } = useAuth()
  const editable = can('manage_partner_companies')
  const queryClient = useQueryClient()
  const partnerKey = partnerCompanyQuery(id).queryKey
  const loaded = useQuery(partnerCompanyQuery(id))
  const choices = useChoices()
  // Saving, tagging and (de)activating show their answer at once; the refetch follows.
  const setCurrent = (next: PartnerCompany) => queryClient.setQueryData(partnerKey, next)
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  )
  const [failure, setFailure] = useState<{ message: string; offerDeactivate: boolean } | null>(null)
  const [dialog, setDialog] = useState<Dialogs>('none')
  const activation = useMutation({
    mutationFn: (active: boolean) => updatePartnerCompany(id, { active }),
    onSuccess: (saved, active) => {
      setCurrent(saved)
      show(`${saved.name} ${active ? 'activated' : 'deactivated'}.`)
    },
    onError: (error) => {
      setNotice(null)
      setFailure({
        message: `Could not change ${partner?.name}: ${errorMessage(error)}`,
        offerDeactivate: false,
      })
    },
  })
  const deletion = useMutation({
    mutationFn: () => deletePartnerCompany(id),
    onSuccess: () => navigate(listPath, { replace: true, state: { notice: `${partner?.name} deleted.` } }),
    onError: (error) => {
      setDialog('none')
      setNotice(null)
      setFailure({
        message: `Not deleted: ${errorMessage(error)}`,
        // A partner company with leads or customers is kept: deactivating it is the way out.
        offerDeactivate: error instanceof ApiError && error.status === 409 && Boolean(partner?.active),
      })
    },
  })
  const busy = activation.isPending || deletion.isPending

  function show(message: string) {
    setFailure(null)
    setNotice(message)
  }

  const partner = loaded.data
  const error = loaded.error ?? choices.error
  if (error && !(partner && choices.data)) {
    return (
      <Page title="Partner company">
        <ErrorView
          error={error}
          onRetry={() => {
            void loaded.refetch()
            void choices.refetch()
          }}
        />
      </Page>
    )
  }
  if (!partner || !choices.data) {
    return (
      <Page title="Partner company">
        <p className="muted">Loading…</p>
      </Page>
    )
  }
  const { tags } = choices.data

  const setActive = (active: boolean) => activation.mutate(active)
  const remove = () => deletion.mutate()

  return (
    <Page title={partner.name}>
      <header className="page-header page-header-split">
        <div>
          <Breadcrumb />
          <h1>
            {partner.name}
            {partner.active ? null : <span className="badge badge-off heading-badge">Inactive</span>}
          </h1>
          <div className="header-meta">
            <span className="muted">{partner.kind === 'inside' ? 'Inside' : 'Outside'}</span>
            <RoleBadges partner={partner} />
          </div>
          <div className="header-tags">
            <TagChips partner={partner} editable={editable} empty="No tags" />
          </div>
        </div>
        {editable ? (
          <div className="toolbar" role="toolbar" aria-label="Partner company actions">
            <button type="button" className="button" onClick={() => setDialog('tags')}>
              Apply tag
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={busy}
              onClick={() => {
                setFailure(null)
                setDialog('delete')
              }}
            >
              Delete
            </button>
            <button type="button" className="button" onClick={() => setDialog('campaigns')}>
              Campaigns
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void setActive(!partner.active)}
            >
              {partner.active ? 'Deactivate' : 'Activate'}
            </button>
          </div>
        ) : null}
      </header>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      {failure ? (
        <div className="alert alert-error alert-with-action" role="alert">
          <span>{failure.message}</span>
          {failure.offerDeactivate ? (
            <button type="button" className="button button-small" onClick={() => void setActive(false)}>
              Deactivate instead
            </button>
          ) : null}
        </div>
      ) : null}
      <ConnectionPanel partner={partner} />
      {editable ? <PartnerLeadManagement partner={partner} /> : null}
      <PartnerCompanyForm
        key={partner.updatedAt}
        partner={partner}
        messageCampaigns={choices.data.messageCampaigns}
        officeLocations={choices.data.officeLocations}
        onSaved={(saved) => {
          setCurrent(saved)
          show(`${saved.name} saved.`)
          window.scrollTo({ top: 0 })
        }}
        onChange={() => setNotice(null)}
        onCancel={() => navigate(listPath)}
      />
      {dialog === 'tags' ? (
        <ApplyTagDialog partner={partner} tags={tags} onClose={() => setDialog('none')} />
      ) : null}
      {dialog === 'campaigns' ? (
        <CampaignsDialog partner={partner} editable={editable} onClose={() => setDialog('none')} />
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={`Delete ${partner.name}`}
          message={
            <p>
              Delete <strong>{partner.name}</strong> with its campaigns? A partner company that has leads or
              customers cannot be deleted; deactivate it instead.
            </p>
          }
          confirmLabel="Delete"
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDialog('none')}
        />
      ) : null}
    </Page>
  )
}
