import { useId } from 'react'
import { ListBody } from '../../app/list-body.tsx'
import { useUrlFilters } from '../../app/url-filters.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { WhenCell } from '../../app/when-cell.tsx'
import { useDirectory } from '../directory/use-directory.ts'
import { type AuditFilters, auditKinds, changesSummary, listAudit, startOfDay } from './audit.api.ts'
import './audit.css'

const actions = { create: 'Created', update: 'Changed', delete: 'Deleted' } as const

/** "Partner company" → "partner company" inside a sentence; "API key" keeps its capitals. */
const kindInSentence = (kind: string) =>
  (auditKinds[kind] ?? kind).replace(/^[A-Z][a-z]/, (start) => start.toLowerCase())

/** Administration → Audit Log: who changed which setting, user or partner company, and when. */
export function AuditPage() {
  const id = useId()
  const { params, update, clear } = useUrlFilters()
  const names = useDirectory()
  const person = params.get('person') ?? ''
  const kind = params.get('kind') ?? ''
  const fromDay = params.get('from') ?? ''
  const toDay = params.get('to') ?? ''
  const filters: AuditFilters = {
    ...(person ? { userId: person } : {}),
    ...(kind ? { entityType: kind } : {}),
    ...(fromDay ? { from: startOfDay(fromDay) } : {}),
    // The last day chosen is included: the filter ends where the next day starts.
    ...(toDay ? { until: startOfDay(toDay, 1) } : {}),
  }
  const list = useKeysetList(['audit', filters], (cursor, signal) => listAudit(filters, cursor, signal))
  const filtered = Boolean(person || kind || fromDay || toDay)
  const now = Date.now()

  // People to filter by: the company's users where the login may list them, else those seen acting.
  const people = new Map(names.users.map((user) => [user.id, user.name]))
  for (const entry of list.items) if (entry.actor.userId) people.set(entry.actor.userId, entry.actor.label)

  return (
    <div className="page">
      <title>Audit Log · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Audit Log</h1>
        <p className="muted page-intro">
          Every change to users, roles, API keys, partner companies and settings, newest first. Passwords and
          secrets show only as “[changed]”.
        </p>
      </header>
      <search className="filters" aria-label="Filter the audit log">
        <div className="filter-field">
          <label htmlFor={`${id}-person`}>Person</label>
          <select
            id={`${id}-person`}
            value={person}
            onChange={(event) => update({ person: event.target.value })}
          >
            <option value="">Anyone</option>
            {[...people].map(([userId, name]) => (
              <option key={userId} value={userId}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => update({ kind: event.target.value })}>
            <option value="">Any kind</option>
            {Object.entries(auditKinds).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={fromDay}
            onChange={(event) => update({ from: event.target.value })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={toDay}
            onChange={(event) => update({ to: event.target.value })}
          />
        </div>
        {filtered ? (
          <button type="button" className="button button-quiet filter-clear" onClick={() => clear()}>
            Clear filters
          </button>
        ) : null}
      </search>
      <ListBody
        list={list}
        empty={filtered ? 'No change matches these filters.' : 'Nothing has been changed yet.'}
        onClear={filtered ? () => clear() : undefined}
        count={(n) => `${n} change${n === 1 ? '' : 's'}`}
      >
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="table table-records" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <tr key={entry.id}>
                  <WhenCell at={entry.at} now={now} />
                  <td>{entry.actor.label}</td>
                  <th scope="row">
                    {actions[entry.action]} {kindInSentence(entry.entityType)}
                  </th>
                  <td className="audit-changes">{changesSummary(entry.changes) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListBody>
    </div>
  )
}
