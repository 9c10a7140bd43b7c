import type { App } from '../../src/lib/http-types.ts'
import { call, type Session } from './client.ts'

/** A lead seller like seed 000's "Test Lead SELLER": sells leads to the queue. */
export const leadSeller = (name = 'ABC Leads, Inc.') => ({
  name,
  kind: 'outside' as const,
  contactPerson: 'Alice Abbott',
  sellsLeads: { enabled: true, defaultLeadLocation: 'queue' as const, leadQueuePriority: 'high' as const },
})

export async function createPartner(app: App, admin: Session, body: Record<string, unknown> = leadSeller()) {
  const res = await call(app, 'POST', '/api/v1/partner-companies', { token: admin.token, body })
  if (res.status !== 201) throw new Error(`create partner failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as { id: string; name: string }
}

/** A partner company with a login, logged in. */
export async function partnerLogin(app: App, admin: Session, username = `partner${Date.now()}`) {
  const password = 'partner password 1'
  const partner = await createPartner(app, admin, {
    ...leadSeller(`Partner ${username}`),
    access: { allowLogin: true, username, password },
  })
  const login = await call(app, 'POST', '/api/v1/auth/login', {
    body: { company: admin.slug, login: username, password },
  })
  if (login.status !== 200) throw new Error(`partner login failed: ${JSON.stringify(login.body)}`)
  return { partnerId: partner.id, token: login.body.token as string, username, password }
}
