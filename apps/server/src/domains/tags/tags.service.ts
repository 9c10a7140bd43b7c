import type { Tag, TagBody } from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './tags.repo.ts'

const toTag = (row: repo.TagRow): Tag => ({ id: row.id, name: row.name })

const nameTaken = () => fieldError('name', 'A tag with this name already exists', 'conflict')

export async function tagExists(conn: Conn, companyId: string, id: string): Promise<boolean> {
  return (await repo.findTag(conn, companyId, id)) !== undefined
}

/** The tags of each partner company, by name; a partner company without tags has an empty list. */
export async function listTagsOf(
  conn: Conn,
  companyId: string,
  partnerCompanyIds: string[],
): Promise<Map<string, Tag[]>> {
  const byPartner = new Map<string, Tag[]>(partnerCompanyIds.map((id) => [id, []]))
  for (const row of await repo.tagsOfPartnerCompanies(conn, companyId, partnerCompanyIds)) {
    byPartner.get(row.partner_company_id)?.push(toTag(row))
  }
  return byPartner
}

export async function listTags(ctx: AppContext, actor: Actor) {
  const rows = await repo.listTags(ctx.db, actor.companyId)
  return { items: rows.map(toTag), nextCursor: null }
}

export async function getTag(ctx: AppContext, actor: Actor, id: string): Promise<Tag> {
  const row = await repo.findTag(ctx.db, actor.companyId, id)
  if (!row) throw notFound('Tag')
  return toTag(row)
}

/** Inside the caller's transaction, without permission checks or audit: for the demo seed. */
export async function addTag(conn: Conn, companyId: string, name: string): Promise<Tag> {
  if (await repo.tagNameTaken(conn, companyId, name)) throw nameTaken()
  const id = newId()
  if (!(await repo.insertTag(conn, companyId, id, name))) throw nameTaken()
  return { id, name }
}

export async function createTag(ctx: AppContext, actor: Actor, input: z.infer<typeof TagBody>): Promise<Tag> {
  assertPermission(actor, 'manage_partner_companies')
  return ctx.db.transaction().execute(async (tx) => {
    const tag = await addTag(tx, actor.companyId, input.name)
    await recordAudit(tx, actor, 'create', 'tag', tag.id, input)
    return tag
  })
}

export async function updateTag(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof TagBody>,
): Promise<Tag> {
  assertPermission(actor, 'manage_partner_companies')
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findTag(tx, actor.companyId, id))) throw notFound('Tag')
    if (await repo.tagNameTaken(tx, actor.companyId, input.name, id)) throw nameTaken()
    if (!(await repo.renameTag(tx, actor.companyId, id, input.name))) throw nameTaken()
    await recordAudit(tx, actor, 'update', 'tag', id, input)
    return { id, name: input.name }
  })
}

export async function deleteTag(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, 'manage_partner_companies')
  await ctx.db.transaction().execute(async (tx) => {
    const tag = await repo.findTag(tx, actor.companyId, id)
    if (!tag) throw notFound('Tag')
    await repo.deleteTag(tx, actor.companyId, id)
    await recordAudit(tx, actor, 'delete', 'tag', id, { name: tag.name })
  })
}
