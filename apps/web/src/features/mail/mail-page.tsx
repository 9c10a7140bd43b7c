import { useId } from 'react'
import { Link } from 'react-router'
import { ListBody } from '../../app/list-body.tsx'
import { useUrlFilters } from '../../app/url-filters.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { WhenCell } from '../../app/when-cell.tsx'
import { listMail, mailStateLabels, mailStates } from './mail.api.ts'
import { MailStateBadge } from './mail-badges.tsx'
import './mail.css'

/** Administration → Mail: every email the company's changes caused, newest first, with its state. */
export function MailPage() {
  const id = useId()
  const { params, update, clear } = useUrlFilters()
  const asked = params.get('state')
  const state = mailStates.find((s) => s === asked) ?? null
  const list = useKeysetList(['mail', state], (cursor, signal) => listMail(state, cursor, signal))
  const anyLogged = state === 'logged' || list.items.some((mail) => mail.state === 'logged')
  const now = Date.now()

  return (
    <div className="page">
      <title>Mail · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Mail</h1>
        <p className="muted page-intro">
          Every email Tributary writes — purchase and return notifications among them — newest first. Each is
          written together with the change that causes it, then sent by the worker.
        </p>
      </header>
      {anyLogged ? (
        <p className="alert alert-info">
          Emails marked <strong>Logged</strong> were not sent: no SMTP server was configured (
          <code>SMTP_URL</code>) when they were written, so they are only kept here — this page is their
          mailbox.
        </p>
      ) : null}
      <search className="filters" aria-label="Filter mail">
        <div className="filter-field">
          <label htmlFor={`${id}-state`}>State</label>
          <select
            id={`${id}-state`}
            value={state ?? ''}
            onChange={(event) => update({ state: event.target.value })}
          >
            <option value="">Any state</option>
            {mailStates.map((s) => (
              <option key={s} value={s}>
                {mailStateLabels[s]}
              </option>
            ))}
          </select>
        </div>
        {state ? (
          <button type="button" className="button button-quiet filter-clear" onClick={() => clear()}>
            Clear filters
          </button>
        ) : null}
      </search>
      <ListBody
        list={list}
        empty={
          state ? `No email is ${mailStateLabels[state].toLowerCase()}.` : 'No email has been written yet.'
        }
        onClear={state ? () => clear() : undefined}
        count={(n) => `${n} email${n === 1 ? '' : 's'}`}
      >
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="table table-records table-mail" aria-label="Mail">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col" className="number-col">
                  Attempts
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((mail) => (
                <tr key={mail.id}>
                  <WhenCell at={mail.createdAt} now={now} />
                  <td className="mail-to">{mail.to.join(', ')}</td>
                  <th scope="row" className="mail-subject">
                    <Link to={`/admin/mail/${mail.id}`} className="row-link">
                      {mail.subject || '(no subject)'}
                    </Link>
                    {mail.error ? <p className="cell-note cell-error">{mail.error}</p> : null}
                  </th>
                  <td>
                    <MailStateBadge state={mail.state} />
                  </td>
                  <td className="number-col">{mail.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListBody>
    </div>
  )
}
