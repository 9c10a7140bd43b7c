import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { CopyField } from '../../app/copy-field.tsx'
import { ErrorView } from '../errors/error-view.tsx'
import { NotFoundPage } from '../errors/not-found-page.tsx'
import { partnerCompanyQuery } from '../partner-companies/partner-companies.api.ts'
import { isRecordId } from '../records/record-page.tsx'
import { type PostingSpec, postingSpecQuery } from './exchange.api.ts'
import './exchange.css'

const languages = [
  { key: 'typescript', label: 'TypeScript (Node.js)' },
  { key: 'python', label: 'Python' },
  { key: 'php', label: 'PHP' },
] as const

/**
 * Administration → Partner Companies → one partner → Posting specification: what a partner that
 * does not run Tributary posts to you, how it is signed, and how to check the signature.
 */
export function PostingSpecPage() {
  const { id = '' } = useParams()
  if (!isRecordId(id)) return <NotFoundPage />
  return <PostingSpecView key={id} id={id} />
}

function PostingSpecView({ id }: { id: string }) {
  const partner = useQuery(partnerCompanyQuery(id))
  const spec = useQuery(postingSpecQuery(id))
  const error = partner.error ?? spec.error
  const partnerPath = `/admin/partner-companies/${id}`

  return (
    <div className="page">
      <title>Posting specification · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">
          Administration · <Link to="/admin/partner-companies">Partner Companies</Link>
          {partner.data ? (
            <>
              {' '}
              · <Link to={partnerPath}>{partner.data.name}</Link>
            </>
          ) : null}
        </p>
        <h1>Posting specification</h1>
        <p className="muted page-intro">
          How {partner.data?.name ?? 'this partner'} sends you leads and customers from its own system: a
          signed JSON post (Standard Webhooks), one record per request. A partner on Tributary needs none of
          this — it pastes the connection code.
        </p>
      </header>
      {error && !(partner.data && spec.data) ? (
        <ErrorView
          error={error}
          onRetry={() => {
            void partner.refetch()
            void spec.refetch()
          }}
        />
      ) : !(partner.data && spec.data) ? (
        <p className="muted">Loading…</p>
      ) : (
        <Spec spec={spec.data} partnerPath={partnerPath} />
      )}
    </div>
  )
}

function Spec({ spec, partnerPath }: { spec: PostingSpec; partnerPath: string }) {
  return (
    <div className="spec-sections">
      <section className="card detail-card" aria-labelledby="spec-where">
        <div className="card-header">
          <h2 id="spec-where">Where to post</h2>
        </div>
        {spec.postUrl && spec.sourceId ? (
          <>
            <CopyField label="Post URL" value={spec.postUrl} />
            <CopyField label="Source ID" value={spec.sourceId} hint="Goes in every post as sourceId" />
            <p className="muted">
              The secret was shown once, when the credentials were generated on the{' '}
              <Link to={partnerPath}>partner company page</Link>; generate again there for a new one.
            </p>
          </>
        ) : (
          <p>
            No posting credentials yet: generate them on the{' '}
            <Link to={partnerPath}>partner company page</Link> first.
          </p>
        )}
      </section>
      <section className="card detail-card" aria-labelledby="spec-types">
        <div className="card-header">
          <h2 id="spec-types">Messages</h2>
        </div>
        <p>
          The body is <code>{'{ "type": …, "sourceId": …, "data": { … } }'}</code>. The types:
        </p>
        <SpecTable
          label="Message types"
          head={['Type', 'What it does']}
          rows={spec.types.map((t) => [t.type, t.description])}
        />
      </section>
      <section className="card detail-card" aria-labelledby="spec-fields">
        <div className="card-header">
          <h2 id="spec-fields">Fields of a lead or customer (data)</h2>
        </div>
        <SpecTable
          label="Fields"
          head={['Field', 'Type', 'Required', 'Description']}
          rows={spec.fields.map((f) => [f.name, f.type, f.required ? 'Yes' : 'No', f.description])}
        />
      </section>
      <section className="card detail-card" aria-labelledby="spec-example">
        <div className="card-header">
          <h2 id="spec-example">Example request</h2>
        </div>
        <p className="muted">
          Signed with a made-up secret. The signature covers the body exactly as sent, so send it byte for
          byte as signed. Answers: 201 with the new record's id, 200 with the same answer for a repeated
          webhook-id, 401 for a bad or stale signature, 422 for a refused record (with why).
        </p>
        <pre className="mail-text">
          {`POST ${spec.postUrl ?? '<Post URL>'}\n${Object.entries(spec.exampleRequest.headers)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n')}\n\n${spec.exampleRequest.body}`}
        </pre>
      </section>
      <section className="card detail-card" aria-labelledby="spec-verify">
        <div className="card-header">
          <h2 id="spec-verify">Checking a signature</h2>
        </div>
        <p className="muted">
          With the public <code>standardwebhooks</code> package; returns and connection messages you receive
          from Tributary are signed the same way.
        </p>
        {languages.map((language) => (
          <div key={language.key}>
            <h3>{language.label}</h3>
            <pre className="mail-text">{spec.verification[language.key]}</pre>
          </div>
        ))}
      </section>
    </div>
  )
}

function SpecTable({ label, head, rows }: { label: string; head: string[]; rows: string[][] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest]) => (
            <tr key={first}>
              <th scope="row">
                <code>{first}</code>
              </th>
              {rest.map((cell, i) => (
                <td key={`${first}-${head[i + 1]}`}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
