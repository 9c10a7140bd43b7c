import { api } from '../../app/api.ts'
import type { User } from '../users/users.api.ts'

export type Company = { id: string; slug: string; name: string }

export type Me = {
  user: User | null
  /** Set for a partner company's login, which reads only its own leads and customers. */
  partner: { partnerCompanyId: string; name: string } | null
  company: Company
  permissions: string[]
}

export type LoginInput = { company: string; login: string; password: string }

export const getMe = (signal?: AbortSignal) => api.get<Me>('/api/v1/me', signal ? { signal } : undefined)

/** The login form shows a 401 itself, so it must not bounce to /login. */
export const login = (input: LoginInput) =>
  api.post<{ token: string; csrfToken: string; user: User | null }>('/api/v1/auth/login', input, {
    redirectOnUnauthorized: false,
  })

export const logout = () =>
  api.post<void>('/api/v1/auth/logout', undefined, { redirectOnUnauthorized: false })
