import type { PageQuery } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { newToken } from '../../lib/tokens.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './api-keys.repo.ts'

const toApiKey = (row: repo.ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  userId: row.user_id,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
})

export async function listApiKeys(ctx: AppContext, actor: Actor, query: PageQuery) {
  assertPermission(actor, 'manage_users')
  const after = idAfter(query.cursor)
  const rows = await repo.listApiKeys(ctx.db, actor.companyId, query.limit + 1, after)
  return toPage(rows, query.limit, (r) => [r.id], toApiKey)
}

/** The key acts as the user who made it, with that user's permissions; it is shown only now. */
export async function createApiKey(ctx: AppContext, actor: Actor, input: { name: string }) {
  assertPermission(actor, 'manage_users')
  const { token, hash } = newToken('apikey', actor.companyId)
  const id = newId()
  return ctx.db.transaction().execute(async (tx) => {
    await repo.insertApiKey(tx, actor.companyId, {
      id,
      name: input.name,
      // The token starts with the company id; its last characters tell keys apart.
      prefix: `trk_…${token.slice(-6)}`,
      keyHash: hash,
      userId: actor.userId,
    })
    await recordAudit(tx, actor, 'create', 'api_key', id, { name: input.name })
    const row = (await repo.findApiKey(tx, actor.companyId, id)) as repo.ApiKeyRow
    return { ...toApiKey(row), key: token }
  })
}

export async function deleteApiKey(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_users')
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findApiKey(tx, actor.companyId, id))) throw notFound('API key')
    await repo.deleteApiKey(tx, actor.companyId, id)
    await recordAudit(tx, actor, 'delete', 'api_key', id)
  })
}
