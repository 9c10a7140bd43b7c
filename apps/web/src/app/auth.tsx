import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react'
import { useNavigate } from 'react-router'
import { getMe, logout as logoutRequest, type Me } from '../features/auth/auth.api.ts'
import { ErrorView } from '../features/errors/error-view.tsx'
import { ApiError, loginUrl, rememberCompany } from './api.ts'
import type { Permission } from './permissions.ts'

export type Auth = {
  me: Me
  /** True when the current login holds the permission (the server checks again on every request). */
  can: (permission: Permission) => boolean
  /** A partner company's login: no permissions, only the partner portal. */
  isPartner: boolean
  logout: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth is used outside <AuthProvider>')
  return auth
}

/** Loads who is logged in; everything inside renders only once that is known. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  // Refreshed after every change like any answer, so one's own new roles show at once.
  const { data: me, error, refetch } = useQuery({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) })

  const logout = useCallback(async () => {
    // Leaving must work even when the session has already ended on the server.
    await logoutRequest().catch(() => undefined)
    // Nothing of this session's answers may show to the next login on this browser.
    queryClient.clear()
    navigate(me ? `/login?company=${encodeURIComponent(me.company.slug)}` : loginUrl(), { replace: true })
  }, [me, navigate, queryClient])

  const auth = useMemo<Auth | null>(() => {
    if (!me) return null
    const granted = new Set(me.permissions)
    return {
      me,
      can: (permission) => granted.has(permission),
      isPartner: me.partner !== null,
      logout,
    }
  }, [me, logout])

  useEffect(() => {
    if (me) rememberCompany(me.company.slug)
  }, [me])

  if (error && !me) {
    // The API client is already on its way to /login.
    if (error instanceof ApiError && error.status === 401)
      return <div className="splash">Redirecting to login…</div>
    return <ErrorView error={error} onRetry={() => void refetch()} />
  }
  if (!auth) return <div className="splash">Loading…</div>
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
}
