import { useId } from 'react'
import { ListBody } from '../../app/list-body.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { useUrlFilters } from '../../app/url-filters.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import {
  type DeliveryFilters,
  deliveryStateLabels,
  deliveryStates,
  listDeliveries,
} from './deliveries.api.ts'
import { DeliveriesTable } from './deliveries-table.tsx'

/** The filters the address holds: ?state=failed (failure emails link there), a partner, a record. */
function filtersOf(params: URLSearchParams): DeliveryFilters {
  const asked = params.get('state')
  const state = deliveryStates.find((s) => s === asked)
  const partnerCompanyId = params.get('partnerCompanyId') ?? undefined
  const recordId = params.get('recordId') ?? undefined
  return {
    ...(state ? { state } : {}),
    ...(partnerCompanyId ? { partnerCompanyId } : {}),
    ...(recordId ? { recordId } : {}),
  }
}

/** Deliveries: every sale, return and connection message sent to partners, newest first, with Retry. */
export function DeliveriesPage() {
  const id = useId()
  const { params, update, clear } = useUrlFilters()
  const filters = filtersOf(params)
  const filtered = Object.keys(filters).length > 0
  const list = useKeysetList(['deliveries', filters], (cursor, signal) =>
    listDeliveries(filters, cursor, signal),
  )
  const notices = useNotices()

  return (
    <div className="page">
      <title>Deliveries · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <h1>Deliveries</h1>
          <p className="muted page-intro">
            Every lead and customer sold or returned to a partner, and every connection message, newest first.
            A post the partner did not accept is tried again with growing pauses for about three days, then
            marked Failed; Retry sends it again now.
          </p>
        </div>
        <button type="button" className="button" onClick={list.retry} disabled={list.loading}>
          Refresh
        </button>
      </header>
      <NoticeAlerts notices={notices} />
      <search className="filters" aria-label="Filter deliveries">
        <div className="filter-field">
          <label htmlFor={`${id}-state`}>State</label>
          <select
            id={`${id}-state`}
            value={filters.state ?? ''}
            onChange={(event) => update({ state: event.target.value })}
          >
            <option value="">Any state</option>
            {deliveryStates.map((s) => (
              <option key={s} value={s}>
                {deliveryStateLabels[s]}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button type="button" className="button button-quiet filter-clear" onClick={() => clear()}>
            Clear filters
          </button>
        ) : null}
      </search>
      <ListBody
        list={list}
        empty={filtered ? 'No delivery matches these filters.' : 'Nothing has been sent to a partner yet.'}
        onClear={filtered ? () => clear() : undefined}
        count={(n) => `${n} deliver${n === 1 ? 'y' : 'ies'}`}
      >
        <DeliveriesTable
          deliveries={list.items}
          busy={list.loading}
          onRetried={(next) =>
            notices.succeeded(
              next.state === 'delivered'
                ? 'Delivered this time.'
                : 'Tried again; its state says how it went.',
            )
          }
          onRetryFailed={notices.failed}
        />
      </ListBody>
    </div>
  )
}
