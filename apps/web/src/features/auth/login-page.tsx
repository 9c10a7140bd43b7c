import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError, rememberCompany, rememberedCompany } from '../../app/api.ts'
import { FormAlert, TextField } from '../../app/form.tsx'
import { FormCheckError, formErrorsFrom } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { login } from './auth.api.ts'
import './login.css'

const fields = ['company', 'login', 'password'] as const

/** Where to go after logging in: only a path of this app, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/'
}

/** A refused login in words: the fields and the line for the whole form. */
function loginFailure(error: unknown): [Record<string, string>, string | null] {
  if (error instanceof ApiError && error.status === 401)
    return [{}, error.detail || 'Wrong company, login or password']
  if (error instanceof ApiError && error.status === 429)
    return [{}, `Too many attempts, try again in ${error.retryAfter ?? 60} s`]
  const { fields: byField, form } = formErrorsFrom(error, fields)
  return [byField, form]
}

export function LoginPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [company, setCompany] = useState(() => params.get('company') ?? rememberedCompany())
  const [loginName, setLoginName] = useState('')
  const [password, setPassword] = useState('')
  const queryClient = useQueryClient()
  const form = useSubmit({
    fields,
    send: async () => {
      // Say what is missing in plain words rather than send a request the API would refuse.
      const missing: Record<string, string> = {}
      if (!company.trim()) missing.company = 'Enter your company'
      if (!loginName.trim()) missing.login = 'Enter your email or username'
      if (!password) missing.password = 'Enter your password'
      if (Object.keys(missing).length) throw new FormCheckError(missing)
      try {
        return await login({ company: company.trim(), login: loginName.trim(), password })
      } catch (error) {
        throw new FormCheckError(...loginFailure(error))
      }
    },
    onDone: () => {
      rememberCompany(company.trim())
      // Answers cached for another login must not show to this one.
      queryClient.clear()
      navigate(safeNext(params.get('next')), { replace: true })
    },
  })
  const { errors, busy } = form

  return (
    <main className="login-page">
      <title>Log in · Tributary</title>
      <form className="card login-card" onSubmit={form.onSubmit} noValidate aria-labelledby="login-title">
        <p className="brand brand-large">Tributary</p>
        <h1 id="login-title">Log in</h1>
        <FormAlert message={errors.form} />
        <TextField
          label="Company"
          name="company"
          value={company}
          onChange={setCompany}
          error={errors.fields.company}
          hint="Your company's short name, as in the login link you were given"
          autoComplete="organization"
          autoFocus={!company}
        />
        <TextField
          label="Email or username"
          name="login"
          value={loginName}
          onChange={setLoginName}
          error={errors.fields.login}
          autoComplete="username"
          autoFocus={Boolean(company)}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          autoComplete="current-password"
        />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  )
}
