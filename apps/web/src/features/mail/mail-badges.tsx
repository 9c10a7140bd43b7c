import { type MailState, mailStateLabels } from './mail.api.ts'

/** Queued, Retrying, Sent, Failed or Logged (written down only: no SMTP server is configured). */
export function MailStateBadge({ state }: { state: MailState }) {
  return (
    <span className={`badge mail-${state}`} data-testid="mail-state">
      {mailStateLabels[state] ?? state}
    </span>
  )
}

/** What each state means, for the Mail pages. */
export const mailStateHints: Record<MailState, string> = {
  queued: 'Waiting for the worker to send it.',
  retrying: 'The SMTP server refused or could not be reached; it is tried again with growing pauses.',
  sent: 'Handed to the SMTP server.',
  failed: 'Every attempt failed; it will not be sent.',
  logged: 'No SMTP server is configured, so it was only written down here.',
}
