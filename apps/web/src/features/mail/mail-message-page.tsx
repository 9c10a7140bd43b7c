import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { useAuth } from '../../app/auth.tsx'
import { formatDateTime } from '../../app/format.ts'
import { contactName } from '../contacts/contact.ts'
import { customerQuery } from '../customers/customers.api.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { NotFoundPage } from '../errors/not-found-page.tsx'
import { leadQuery } from '../leads/leads.api.ts'
import { htmlDocument } from '../message-campaigns/message-preview.tsx'
import { getMail, type Mail } from './mail.api.ts'
import { MailStateBadge, mailStateHints } from './mail-badges.tsx'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Administration → Mail → one email: who it went to, its state and attempts, its text and HTML parts. */
export function MailMessagePage() {
  const { id = '' } = useParams()
  if (!uuid.test(id)) return <NotFoundPage />
  return <MailMessage key={id} id={id} />
}

function MailMessage({ id }: { id: string }) {
  const mail = useQuery({ queryKey: ['mail', id], queryFn: ({ signal }) => getMail(id, signal) })

  if (mail.error && !mail.data) {
    return (
      <Page title="Mail">
        <ErrorView error={mail.error} onRetry={() => void mail.refetch()} />
      </Page>
    )
  }
  if (!mail.data) {
    return (
      <Page title="Mail">
        <p className="muted">Loading…</p>
      </Page>
    )
  }
  const m = mail.data
  return (
    <Page title={m.subject || 'Mail'}>
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/admin/mail">Mail</Link>
        </p>
        <h1 className="heading-with-badges">
          <span data-testid="mail-subject">{m.subject || '(no subject)'}</span>
          <MailStateBadge state={m.state} />
        </h1>
        <p className="header-meta muted">
          To {m.to.join(', ')} · written {formatDateTime(m.createdAt)}
        </p>
      </header>
      {m.error ? (
        <div className="alert alert-error" role="alert">
          <strong>{m.state === 'failed' ? 'Not sent: ' : 'Last attempt failed: '}</strong>
          {m.error}
        </div>
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          <MailContent mail={m} />
        </div>
        <div className="detail-side">
          <MailFacts mail={m} />
        </div>
      </div>
    </Page>
  )
}

/** The plain-text part, and the HTML part rendered in a sandboxed frame (no scripts, nothing fetched). */
function MailContent({ mail }: { mail: Mail }) {
  return (
    <>
      <section className="card detail-card" aria-labelledby="mail-text-title">
        <div className="card-header">
          <h2 id="mail-text-title">Text</h2>
        </div>
        <pre className="mail-text" data-testid="mail-text">
          {mail.body}
        </pre>
      </section>
      <section className="card detail-card" aria-labelledby="mail-html-title">
        <div className="card-header">
          <h2 id="mail-html-title">HTML</h2>
        </div>
        {mail.html !== null ? (
          <iframe className="mail-frame" title="HTML part" sandbox="" srcDoc={htmlDocument(mail.html)} />
        ) : (
          <p className="muted">This email has no HTML part.</p>
        )}
      </section>
    </>
  )
}

function MailFacts({ mail }: { mail: Mail }) {
  return (
    <section className="card detail-card" aria-labelledby="mail-facts-title">
      <div className="card-header">
        <h2 id="mail-facts-title">Delivery</h2>
      </div>
      <dl className="details">
        <dt>To</dt>
        <dd className="break" data-testid="mail-to">
          {mail.to.join(', ')}
        </dd>
        <dt>State</dt>
        <dd>
          <MailStateBadge state={mail.state} />
          <p className="field-hint">{mailStateHints[mail.state]}</p>
        </dd>
        <dt>Attempts</dt>
        <dd>{mail.attempts}</dd>
        <dt>Written</dt>
        <dd>{formatDateTime(mail.createdAt)}</dd>
        <dt>Sent</dt>
        <dd>{mail.sentAt ? formatDateTime(mail.sentAt) : <span className="muted">Not sent</span>}</dd>
        <dt>About</dt>
        <dd>{mail.related ? <RelatedLink related={mail.related} /> : <span className="muted">—</span>}</dd>
      </dl>
    </section>
  )
}

/** "Lead #206 — Eli Adams", linking to the lead or customer the mail is about. */
function RelatedLink({ related }: { related: NonNullable<Mail['related']> }) {
  const { can } = useAuth()
  const kind = related.kind === 'customer' ? 'customer' : related.kind === 'lead' ? 'lead' : null
  const mayRead = kind === 'lead' ? can('view_leads') : kind === 'customer' ? can('view_customers') : false
  const lead = useQuery({ ...leadQuery(related.id), enabled: mayRead && kind === 'lead' })
  const customer = useQuery({ ...customerQuery(related.id), enabled: mayRead && kind === 'customer' })
  const record = kind === 'lead' ? lead : customer
  if (!kind) return <span>{related.kind}</span>
  const noun = kind === 'lead' ? 'Lead' : 'Customer'
  const label = record.data
    ? `${noun} #${record.data.number} — ${contactName(record.data, 'no name')}`
    : `Open the ${kind}`
  return <Link to={`/${kind}s/${related.id}`}>{label}</Link>
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <title>{`${title} · Tributary`}</title>
      {children}
    </div>
  )
}
