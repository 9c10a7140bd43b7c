import { api, type Page } from '../../app/api.ts'
import type { Mail, MailState } from '../../app/contracts.ts'

export const mailStateLabels: Record<MailState, string> = {
  queued: 'Queued',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
  logged: 'Logged',
}

export const mailStates = Object.keys(mailStateLabels) as MailState[]

const base = '/api/v1/mail'
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)

/** A page of mail, newest first. */
export function listMail(
  state: MailState | null,
  cursor: string | null,
  signal?: AbortSignal,
  limit = 50,
): Promise<Page<Mail>> {
  const params = new URLSearchParams()
  if (state) params.set('state', state)
  params.set('limit', String(limit))
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<Mail>>(`${base}?${params}`, withSignal(signal))
}

export const getMail = (id: string, signal?: AbortSignal) =>
  api.get<Mail>(`${base}/${encodeURIComponent(id)}`, withSignal(signal))

export type { Mail, MailState }
