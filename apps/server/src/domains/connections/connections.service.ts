import { randomBytes } from 'node:crypto'
import type { RawBuilder } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { verifySignature } from '../../lib/signatures.ts'
import { findCompany } from '../companies/companies.lookup.ts'
import * as repo from './connections.repo.ts'

// The credentials a company issues to a partner that posts to it (Post URL, Source ID,
// secret), their verification, and the partner's reply channel learnt from its hello.

export type Credentials = { postUrl: string; sourceId: string; secret: string }

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`
const newSourceId = () => `src_${randomBytes(12).toString('base64url')}`

/** Where partners post to this company. */
export async function exchangeUrl(ctx: AppContext, conn: Conn, companyId: string): Promise<string> {
  const company = await findCompany(conn, companyId)
  return `${ctx.config.publicUrl}/api/v1/exchange/${company?.slug ?? ''}`
}

/** Issues credentials to a partner, or rotates their secret; the secret is returned this once. */
export async function issueCredentials(
  ctx: AppContext,
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
): Promise<Credentials & { issuedAt: Date }> {
  const secret = newSecret()
  const existing = await repo.findConnection(conn, companyId, partnerCompanyId)
  const row = await repo.issueCredentials(
    conn,
    companyId,
    partnerCompanyId,
    existing?.source_id ?? newSourceId(),
    ctx.secrets.seal(secret),
  )
  return {
    postUrl: await exchangeUrl(ctx, conn, companyId),
    sourceId: row.source_id,
    secret,
    issuedAt: row.issued_at,
  }
}

export const findConnection = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  repo.findConnection(conn, companyId, partnerCompanyId)

export type Sender = { companyId: string; partnerCompanyId: string; partnerName: string }

/**
 * The partner a signed post comes from, with `extra` read alongside (see `findSender`);
 * 'unknown' for an unknown company or Source ID.
 */
export async function verifyPost<Extra>(
  ctx: AppContext,
  slug: string,
  sourceId: string,
  body: string,
  headers: Record<string, string>,
  extra: RawBuilder<Extra>,
): Promise<(Sender & { extra: Extra }) | 'unknown' | 'unsigned'> {
  const found = await repo.findSender(ctx.db, slug, sourceId, extra)
  if (!found) return 'unknown'
  const secrets = [ctx.secrets.open(found.secret_sealed)]
  if (found.previous_secret_sealed && found.previous_secret_until && found.previous_secret_until > new Date())
    secrets.push(ctx.secrets.open(found.previous_secret_sealed))
  if (!verifySignature(secrets, body, headers)) return 'unsigned'
  return {
    companyId: found.company_id,
    partnerCompanyId: found.partner_company_id,
    partnerName: found.partner_name,
    extra: found.extra,
  }
}

/** Where returns, accepts and declines for this partner go: what its connection.hello said. */
export async function replyChannel(
  ctx: AppContext,
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
): Promise<Credentials | null> {
  const row = await repo.findConnection(conn, companyId, partnerCompanyId)
  if (!row?.reply_post_url || !row.reply_source_id || !row.reply_secret_sealed) return null
  return {
    postUrl: row.reply_post_url,
    sourceId: row.reply_source_id,
    secret: ctx.secrets.open(row.reply_secret_sealed),
  }
}

export const saveReplyChannel = (
  ctx: AppContext,
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  channel: Credentials,
) =>
  repo.setReplyChannel(conn, companyId, partnerCompanyId, {
    postUrl: channel.postUrl,
    sourceId: channel.sourceId,
    secretSealed: ctx.secrets.seal(channel.secret),
  })

// When this process last noted a delivery per connection: a busy exchange writes the note at
// most every ten seconds instead of one statement per delivery.
const lastNoted = new Map<string, number>()
const NOTE_EVERY_MS = 10_000

/** Notes that a delivery to this partner arrived (the "last message" its page shows). */
export async function noteSent(conn: Conn, companyId: string, partnerCompanyId: string) {
  const key = `${companyId}:${partnerCompanyId}`
  const now = Date.now()
  if (now - (lastNoted.get(key) ?? 0) < NOTE_EVERY_MS) return
  // Remembered only once written: a delivery that goes before the connection's row exists (a
  // ping ahead of the handshake) must not keep the handshake's arrival from being noted.
  if (await repo.touchSent(conn, companyId, partnerCompanyId)) lastNoted.set(key, now)
}
