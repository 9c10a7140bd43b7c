import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { CopyField } from '../../app/copy-field.tsx'
import { ConfirmDialog } from '../../app/dialog.tsx'
import { formatDateTime } from '../../app/format.ts'
import { type ConnectionCredentials, type ConnectionStatus, generateCredentials } from './exchange.api.ts'

/**
 * For a partner that sells to you: Generate posting credentials. They show once, here, with the
 * connection code to send the partner; generating again replaces the secret (the old one keeps
 * working for a day, so the partner can switch).
 */
export function PostingCredentials({
  partnerId,
  partnerName,
  inbound,
}: {
  partnerId: string
  partnerName: string
  inbound: ConnectionStatus['inbound']
}) {
  const [confirming, setConfirming] = useState(false)
  // A mutation: the connection is loaded again after it, and its answer is the credentials shown once.
  const generation = useMutation({
    mutationFn: () => generateCredentials(partnerId),
    onSettled: () => setConfirming(false),
  })
  const credentials: ConnectionCredentials | undefined = generation.data
  const busy = generation.isPending
  const failure = generation.error ? `No credentials were generated: ${errorMessage(generation.error)}` : null
  const issued = Boolean(inbound || credentials)
  const generate = () => generation.mutate()

  return (
    <>
      <h3>Posting credentials</h3>
      {inbound ? (
        <dl className="details">
          <dt>Issued</dt>
          <dd>{formatDateTime(inbound.issuedAt)}</dd>
          <dt>Post URL</dt>
          <dd className="break">{inbound.postUrl}</dd>
          <dt>Source ID</dt>
          <dd className="break">{inbound.sourceId}</dd>
        </dl>
      ) : (
        <p className="muted">
          To receive {partnerName}'s leads or customers, generate posting credentials and send them the
          connection code; they paste it into the Buys section of their Tributary.
        </p>
      )}
      {failure ? (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      ) : null}
      {credentials ? <CredentialsOnce credentials={credentials} /> : null}
      <div className="connection-actions">
        <button
          type="button"
          className={issued ? 'button' : 'button button-primary'}
          disabled={busy}
          onClick={() => (issued ? setConfirming(true) : generate())}
        >
          {busy ? 'Generating…' : issued ? 'Generate a new secret' : 'Generate posting credentials'}
        </button>
        <Link to={`/admin/partner-companies/${partnerId}/posting-spec`}>Posting specification</Link>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Generate a new secret"
          message={
            <p>
              The new secret replaces the current one. The current one keeps working for 24 hours, so{' '}
              {partnerName} has a day to paste the new connection code.
            </p>
          }
          confirmLabel="Generate a new secret"
          busy={busy}
          onConfirm={() => generate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </>
  )
}

/** The credentials just generated, shown this once. */
function CredentialsOnce({ credentials }: { credentials: ConnectionCredentials }) {
  return (
    <section className="connection-credentials" aria-label="New posting credentials">
      <p className="alert alert-info">
        Copy these now and send them to the partner: <strong>you will not see the secret again</strong>. To
        get a new one, generate again (that replaces this secret).
      </p>
      <CopyField
        label="Connection code"
        value={credentials.connectionCode}
        hint="The partner pastes this one line into Buys Leads or Buys Customers; it holds the three below"
      />
      <CopyField label="Post URL" value={credentials.postUrl} />
      <CopyField label="Source ID" value={credentials.sourceId} />
      <CopyField label="Secret" value={credentials.secret} />
    </section>
  )
}
