import { useMutation, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { ApiError, errorMessage } from '../../app/api.ts'
import { type Auth, useAuth } from '../../app/auth.tsx'
import { ListBody } from '../../app/list-body.tsx'
import { totalText } from '../../app/sort-header.tsx'
import { SearchFilter, useUrlFilters } from '../../app/url-filters.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { useSelection } from '../../app/use-selection.ts'
import { QueueCountsCard } from '../activities/queue-counts.tsx'
import { type Directory, useDirectory } from '../directory/use-directory.ts'
import { useSellSelected } from '../exchange/sell-selected.tsx'
import { useDecideSelected } from '../lead-management/decide-dialog.tsx'
import { useDistributeSelected } from '../lead-management/distribute-dialog.tsx'
import { campaignsQuery } from '../partner-companies/partner-companies.api.ts'
import { useBulkTarget } from '../records/bulk-target.tsx'
import { RecordSelectionToolbar, selectedTargets, useReturnSelected } from '../records/record-list.tsx'
import { countOf } from '../records/record-outcome.tsx'
import { type BulkLeadAction, LeadBulkButtons, LeadBulkDialog } from './lead-bulk.tsx'
import { locationOptions } from './lead-labels.ts'
import { exportLeadsUrl, type LeadFilters, type LeadLocation, listLeads, requestLead } from './leads.api.ts'
import { LeadsTable } from './leads-table.tsx'

type Tab = 'pending' | 'queue' | 'mine' | 'all' | 'awaiting'

const tabs: { key: Tab; label: string; empty: string }[] = [
  { key: 'pending', label: 'Pending', empty: 'No lead is waiting in Pending.' },
  { key: 'queue', label: 'Queue', empty: 'The queue is empty.' },
  { key: 'mine', label: 'My leads', empty: 'You have no open leads.' },
  { key: 'all', label: 'All', empty: 'There are no leads yet.' },
  { key: 'awaiting', label: 'Awaiting acceptance', empty: 'No lead from a supplier waits for you.' },
]

function tabsFor(can: Auth['can']) {
  return tabs
    .filter((tab) => tab.key !== 'pending' || can('view_pending_leads'))
    .filter((tab) => tab.key !== 'queue' || can('view_queue'))
    .filter((tab) => tab.key !== 'awaiting' || can('view_leads'))
}

/** Where a login starts: managers at Pending (leads needing action), reps at their own leads. */
function defaultTab(can: Auth['can']): Tab {
  if (can('view_pending_leads')) return 'pending'
  if (can('request_leads')) return 'mine'
  return 'all'
}

/** The address says the tab and the filters: `?tab=queue&source=…&campaign=…&q=…`. */
function filtersOf(tab: Tab, params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {}
  const source = params.get('source')
  const campaign = params.get('campaign')
  const q = params.get('q')?.trim()
  if (source) filters.partnerCompanyId = source
  if (source && campaign) filters.campaignId = campaign
  if (q) filters.q = q
  if (tab === 'pending') filters.location = 'pending'
  if (tab === 'queue') filters.location = 'queue'
  if (tab === 'awaiting') filters.location = 'awaiting_acceptance'
  if (tab === 'mine') {
    filters.assignedUserId = 'me'
    filters.location = 'assigned'
  }
  const location = params.get('location')
  if (tab === 'all' && location && locationOptions.some((o) => o.value === location)) {
    filters.location = location as LeadLocation
  }
  const sort = params.get('sort')
  if (sort && leadSorts.includes(sort.replace(/^-/, ''))) filters.sort = sort as LeadFilters['sort']
  return filters
}

/** The columns a lead list sorts by (`?sort=`, `-` for descending); priority is the default. */
const leadSorts = ['number', 'createdAt', 'lastName', 'priority', 'location', 'source']

/** Leads: Pending, Queue, My leads and All, filtered by source, campaign and a search; Request lead. */
export function LeadsPage() {
  const { can } = useAuth()
  const routerLocation = useLocation()
  const { params, update, clear } = useUrlFilters()
  const available = tabsFor(can)
  // The distribution email links to ?location=awaiting_acceptance: that is the Awaiting acceptance tab.
  const asked = params.get('tab') ?? (params.get('location') === 'awaiting_acceptance' ? 'awaiting' : null)
  const tab = available.find((t) => t.key === asked)?.key ?? defaultTab(can)
  const emptyText = tabs.find((t) => t.key === tab)?.empty ?? ''
  const filters = filtersOf(tab, params)
  const key = JSON.stringify(filters)
  const list = useKeysetList(['leads', filters], (cursor, signal) => listLeads(filters, cursor, signal))
  const selection = useSelection(
    key,
    list.items.map((lead) => lead.id),
  )
  const names = useDirectory([
    ...list.items.map((lead) => lead.partnerCompanyId),
    filters.partnerCompanyId ?? null,
  ])
  const notice = (routerLocation.state as { notice?: string } | null)?.notice
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const returns = useReturnSelected({
    kind: 'lead',
    list,
    selection,
    onReturned: (text) => setOutcome(text ? { kind: 'success', text } : null),
  })
  const sales = useSellSelected({
    kind: 'lead',
    list,
    selection,
    onSold: (text) => setOutcome(text ? { kind: 'success', text } : null),
  })
  const distribution = useDistributeSelected({
    list,
    selection,
    onDistributed: (text) => setOutcome(text ? { kind: 'success', text } : null),
  })
  const decisions = useDecideSelected({
    list,
    selection,
    onDecided: (text) => setOutcome(text ? { kind: 'success', text } : null),
  })
  const filtered = Boolean(filters.partnerCompanyId || filters.q || (tab === 'all' && filters.location))
  const bulk = useBulkTarget('lead', list, selection, filters, key, selectedTargets(list, selection))
  const [bulkAction, setBulkAction] = useState<BulkLeadAction | null>(null)

  return (
    <div className="page">
      <title>Leads · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <h1>Leads</h1>
          <p className="page-intro muted">Best first: higher source priority, then the longest waiting.</p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Lead actions">
          {can('create_leads') ? (
            <>
              <Link className="button" to="/leads/import">
                Import CSV
              </Link>
              <Link className="button" to="/leads/new">
                New lead
              </Link>
            </>
          ) : null}
          {can('request_leads') ? <RequestLeadButton onOutcome={setOutcome} /> : null}
        </div>
      </header>
      {notice && !outcome ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      {outcome?.kind === 'success' ? (
        <output className="alert alert-success" aria-live="polite">
          {outcome.text}
        </output>
      ) : null}
      {outcome?.kind === 'info' ? (
        <output className="alert alert-info" aria-live="polite">
          {outcome.text}
        </output>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div className="alert alert-error" role="alert">
          {outcome.text}
        </div>
      ) : null}
      {can('view_queue') ? null : <QueueCountsCard />}
      <nav className="tabs" aria-label="Lead lists">
        {available.map((t) => (
          <Link
            key={t.key}
            className={t.key === tab ? 'tab is-current' : 'tab'}
            aria-current={t.key === tab ? 'page' : undefined}
            to={tabAddress(params, t.key)}
            replace
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <Filters
        tab={tab}
        params={params}
        names={names}
        update={update}
        clear={() => clear(['tab'])}
        filtered={filtered}
        canSeePending={can('view_pending_leads')}
        canSeeQueue={can('view_queue')}
      />
      <div className="list-summary">
        <span className="muted" aria-live="polite">
          {totalText(list.total, ['lead', 'leads'])}
        </span>
        <a className="button button-small" href={exportLeadsUrl(filters)} download>
          Export CSV
        </a>
      </div>
      {list.items.length ? (
        <RecordSelectionToolbar
          kind="lead"
          selection={selection}
          canReturn={can('return_leads')}
          onReturn={returns.start}
          onSell={sales.start}
        >
          {bulk.matchAllButton}
          <LeadBulkButtons
            canAssign={can('assign_leads')}
            disabled={!selection.size}
            onAction={setBulkAction}
          />
          {distribution.start && tab !== 'awaiting' ? (
            <button
              type="button"
              className="button button-small"
              disabled={!selection.size}
              onClick={distribution.start}
            >
              Distribute
            </button>
          ) : null}
          {tab === 'awaiting' ? (
            <>
              <button
                type="button"
                className="button button-small"
                disabled={!selection.size}
                onClick={decisions.accept}
              >
                Accept
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={!selection.size}
                onClick={decisions.decline}
              >
                Decline
              </button>
            </>
          ) : null}
        </RecordSelectionToolbar>
      ) : null}
      <ListBody
        list={list}
        count={(n) => countOf('lead', n)}
        empty={
          <>
            {filtered ? 'No lead matches these filters.' : emptyText}
            {!filtered && tab === 'mine' && can('request_leads') ? ' Press Request lead to get one.' : ''}
          </>
        }
        onClear={filtered ? () => clear(['tab']) : undefined}
      >
        <LeadsTable
          leads={list.items}
          names={names}
          linkTo={(lead) => `/leads/${lead.id}`}
          selection={selection}
          busy={list.loading}
          sort={filters.sort ?? 'priority'}
          onSort={(sort) => update({ sort })}
        />
      </ListBody>
      {bulkAction ? (
        <LeadBulkDialog
          action={bulkAction}
          target={bulk.target}
          names={names}
          onClose={() => setBulkAction(null)}
        />
      ) : null}
      {returns.dialog}
      {sales.dialog}
      {distribution.dialog}
      {decisions.dialog}
    </div>
  )
}

/** Another tab keeps the source, campaign and search; the location filter belongs to All. */
function tabAddress(params: URLSearchParams, tab: Tab): string {
  const next = new URLSearchParams(params)
  next.set('tab', tab)
  if (tab !== 'all') next.delete('location')
  return `/leads?${next}`
}

/** What the last Request lead or Return did, above the list. */
type Outcome = { kind: 'success' | 'info' | 'error'; text: string }

/** Request lead: the best requestable lead becomes the rep's, and its page opens. */
function RequestLeadButton({ onOutcome }: { onOutcome: (outcome: Outcome | null) => void }) {
  const navigate = useNavigate()
  const request = useMutation({
    mutationFn: requestLead,
    onMutate: () => onOutcome(null),
    onSuccess: ({ lead }) => {
      if (lead) navigate(`/leads/${lead.id}`, { state: { notice: `Lead #${lead.number} is yours now.` } })
      else onOutcome({ kind: 'info', text: 'No lead is requestable right now. Try again later.' })
    },
    onError: (error) =>
      onOutcome({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? error.detail || 'You have as many open leads as allowed; work one first.'
            : `Could not request a lead: ${errorMessage(error)}`,
      }),
  })
  const busy = request.isPending

  return (
    <button type="button" className="button button-primary" disabled={busy} onClick={() => request.mutate()}>
      {busy ? 'Requesting…' : 'Request lead'}
    </button>
  )
}

function Filters({
  tab,
  params,
  names,
  update,
  clear,
  filtered,
  canSeePending,
  canSeeQueue,
}: {
  canSeePending: boolean
  canSeeQueue: boolean
  tab: Tab
  params: URLSearchParams
  names: Directory
  update: (changes: Record<string, string>) => void
  clear: () => void
  filtered: boolean
}) {
  const id = useId()
  const source = params.get('source') ?? ''
  const campaign = params.get('campaign') ?? ''
  const campaigns = useQuery(campaignsQuery(source))
  // Sources are partner companies that sell leads; one named in the address stays offered.
  const sources = names.partners
    .filter((p) => p.sellsLeads.enabled || p.id === source)
    .sort((a, b) => a.name.localeCompare(b.name))

  return (
    <search className="filters" aria-label="Filter leads">
      <div className="filter-field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select
          id={`${id}-source`}
          value={source}
          onChange={(event) => update({ source: event.target.value, campaign: '' })}
        >
          <option value="">All sources</option>
          {source && !sources.some((p) => p.id === source) ? (
            <option value={source}>{names.partnerName(source)}</option>
          ) : null}
          {sources.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
              {partner.active ? '' : ' (inactive)'}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-campaign`}>Campaign</label>
        <select
          id={`${id}-campaign`}
          value={source ? campaign : ''}
          disabled={!source}
          onChange={(event) => update({ campaign: event.target.value })}
        >
          <option value="">{source ? 'All campaigns' : 'Choose a source first'}</option>
          {(campaigns.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {tab === 'all' ? (
        <div className="filter-field">
          <label htmlFor={`${id}-location`}>Location</label>
          <select
            id={`${id}-location`}
            value={params.get('location') ?? ''}
            onChange={(event) => update({ location: event.target.value })}
          >
            <option value="">All locations</option>
            {locationOptions
              .filter((o) => o.value !== 'pending' || canSeePending)
              .filter((o) => o.value !== 'queue' || canSeeQueue)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <SearchFilter
        value={params.get('q') ?? ''}
        onSearch={(q) => update({ q })}
        placeholder="Name, email, phone or number"
      />
      {filtered ? (
        <button type="button" className="button button-quiet filter-clear" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </search>
  )
}
