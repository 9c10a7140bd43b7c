import { type FormEvent, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError, rememberCompany, rememberedCompany } from '../../app/api.ts'
import { FormAlert, type FormErrors, formErrorsFrom, noErrors, TextField } from '../../app/form.tsx'
import { login } from './auth.api.ts'

const fields = ['company', 'login', 'password'] as const

/** Where to go after logging in: only a path of this app, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/'
}

function loginFailure(error: unknown): FormErrors {
  if (error instanceof ApiError && error.status === 401) {
    return { fields: {}, form: error.detail || 'Wrong company, login or password' }
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter ?? 60
    return { fields: {}, form: `Too many attempts, try again in ${wait} s` }
  }
  return formErrorsFrom(error, fields)
}

export function LoginPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [company, setCompany] = useState(() => params.get('company') ?? rememberedCompany())
  const [loginName, setLoginName] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    // Say what is missing in plain words rather than send a request the API would refuse.
    const missing: Record<string, string> = {}
    if (!company.trim()) missing.company = 'Enter your company'
    if (!loginName.trim()) missing.login = 'Enter your email or username'
    if (!password) missing.password = 'Enter your password'
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, form: null })
      return
    }
    setBusy(true)
    try {
      await login({ company: company.trim(), login: loginName.trim(), password })
      rememberCompany(company.trim())
      navigate(safeNext(params.get('next')), { replace: true })
    } catch (error) {
      setErrors(loginFailure(error))
      setBusy(false)
    }
  }

  return (
    <main className="login-page">
      <title>Log in · Tributary</title>
      <form className="card login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
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
