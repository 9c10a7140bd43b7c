import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const hostOrCidr = z.string().refine((entry) => {
  const [host, bits] = entry.split('/')
  if (!host) return false
  if (bits === undefined) return true
  const family = isIP(host)
  const n = Number(bits)
  return family !== 0 && Number.isInteger(n) && n >= 0 && n <= (family === 4 ? 32 : 128)
}, 'must be a host name, an IP address or a CIDR range')

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe('postgres://user:pass@host:5432/db; absent → embedded PGlite'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SIGNUP_ENABLED: bool.default(true),
  OUTBOUND_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    )
    .pipe(z.array(hostOrCidr)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WEB_DIST: z.string().optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  QUEUE_VACUUM_CLAIMS: z.coerce.number().int().min(0).default(5000),
  EXCHANGE_RETRY_DELAY_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  EXCHANGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(20),
  EXCHANGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  SECRETS_KEY: z
    .base64()
    .transform((v) => Buffer.from(v, 'base64'))
    .refine((key) => key.length === 32, 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
})

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  publicUrl: string
  smtpUrl: string | undefined
  signupEnabled: boolean
  outboundAllowHosts: string[]
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  bodyLimitBytes: number
  webDist: string
  mailFrom: string
  /** First retry delay of a failed email; doubles on each further attempt. */
  mailRetryDelaySeconds: number
  /** Attempts before an email shows as failed. */
  mailMaxAttempts: number
  /** First retry delay of a failed delivery; doubles each retry (±20 %), at most 6 h apart. */
  exchangeRetryDelaySeconds: number
  /** Attempts before a delivery shows as failed (20 ≈ three days with the default delay). */
  exchangeMaxAttempts: number
  /** Requests one connection may post to this server per minute; more get 429. */
  exchangeRateLimitPerMinute: number
  /** Claims a process serves between two vacuums of the leads table; 0: leave it to autovacuum. */
  queueVacuumClaims: number
  /** Seals exchange secrets; absent → a key file in dataDir. */
  secretsKey: Buffer | undefined
  /** Secure cookies only when the public address is https. */
  secureCookies: boolean
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.problems = problems
  }
}

/** The only reader of process.env: parsed once at start, fails with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const parsed = Env.safeParse(blankAsUnset)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  }
  const e = parsed.data
  const localHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST
  const publicUrl = (e.PUBLIC_URL ?? `http://${localHost}:${e.PORT}`).replace(/\/+$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    smtpUrl: e.SMTP_URL,
    signupEnabled: e.SIGNUP_ENABLED,
    outboundAllowHosts: e.OUTBOUND_ALLOW_HOSTS,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    secretsKey: e.SECRETS_KEY,
    mailFrom: e.MAIL_FROM ?? `Tributary <no-reply@${new URL(publicUrl).hostname}>`,
    mailRetryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
    queueVacuumClaims: e.QUEUE_VACUUM_CLAIMS,
    exchangeRetryDelaySeconds: e.EXCHANGE_RETRY_DELAY_SECONDS,
    exchangeMaxAttempts: e.EXCHANGE_MAX_ATTEMPTS,
    exchangeRateLimitPerMinute: e.EXCHANGE_RATE_LIMIT_PER_MINUTE,
    secureCookies: publicUrl.startsWith('https:'),
  }
}
