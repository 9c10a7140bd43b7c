import { api } from '../../app/api.ts'
import type { Company, LoginInput, LoginResult, Me } from '../../app/contracts.ts'

export const getMe = (signal?: AbortSignal) => api.get<Me>('/api/v1/me', signal ? { signal } : undefined)

/** The login form shows a 401 itself, so it must not bounce to /login. */
export const login = (input: LoginInput) =>
  api.post<LoginResult>('/api/v1/auth/login', input, {
    redirectOnUnauthorized: false,
  })

export const logout = () =>
  api.post<void>('/api/v1/auth/logout', undefined, { redirectOnUnauthorized: false })

export type { Company, LoginInput, Me }
