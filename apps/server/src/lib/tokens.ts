import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export type TokenKind = 'session' | 'apikey'
const prefixes: Record<TokenKind, string> = { session: 'trs', apikey: 'trk' }

/**
 * A bearer token: the company id (so lookups stay inside one tenant's rows) and 256 random
 * bits. Only the SHA-256 of the whole token is stored.
 */
export function newToken(kind: TokenKind, companyId: string): { token: string; hash: Buffer } {
  const body = Buffer.concat([Buffer.from(companyId.replaceAll('-', ''), 'hex'), randomBytes(32)])
  const token = `${prefixes[kind]}_${body.toString('base64url')}`
  return { token, hash: hashToken(token) }
}

export function parseToken(token: string): { kind: TokenKind; companyId: string; hash: Buffer } | null {
  const match = /^(trs|trk)_([A-Za-z0-9_-]{64})$/.exec(token)
  if (!match?.[2]) return null
  const body = Buffer.from(match[2], 'base64url')
  if (body.length !== 48) return null
  const hex = body.subarray(0, 16).toString('hex')
  const companyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { kind: match[1] === 'trs' ? 'session' : 'apikey', companyId, hash: hashToken(token) }
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest()

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
