import type { IgnoredCompany } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './ignored-companies.repo.ts'

// The Companies page of seed 004: leads of these companies are never auto-registered.

/** "ACME, Inc." and " acme  inc" are one company: case, spaces and punctuation do not count. */
export const companyKey = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export async function listIgnoredCompanies(ctx: AppContext, actor: Actor) {
  assertPermission(actor, 'manage_settings')
  return { items: await repo.listIgnored(ctx.db, actor.companyId), nextCursor: null }
}

export async function ignoreCompany(ctx: AppContext, actor: Actor, name: string): Promise<IgnoredCompany> {
  assertPermission(actor, 'manage_settings')
  const key = companyKey(name)
  if (!key) throw fieldError('name', 'Give the company a name with letters or digits')
  const id = newId()
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.insertIgnored(tx, actor.companyId, { id, name, name_key: key })))
      throw fieldError('name', 'This company is already ignored', 'conflict')
    await recordAudit(tx, actor, 'create', 'ignored_company', id, { name })
  })
  return { id, name }
}

export async function renameIgnoredCompany(
  ctx: AppContext,
  actor: Actor,
  id: string,
  name: string,
): Promise<IgnoredCompany> {
  assertPermission(actor, 'manage_settings')
  const key = companyKey(name)
  if (!key) throw fieldError('name', 'Give the company a name with letters or digits')
  await ctx.db.transaction().execute(async (tx) => {
    const renamed = await repo.renameIgnored(tx, actor.companyId, id, { name, name_key: key })
    if (renamed === 'taken') throw fieldError('name', 'This company is already ignored', 'conflict')
    if (!renamed) throw notFound('Ignored company')
    await recordAudit(tx, actor, 'update', 'ignored_company', id, { name })
  })
  return { id, name }
}

export async function unignoreCompany(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.deleteIgnored(tx, actor.companyId, id))) throw notFound('Ignored company')
    await recordAudit(tx, actor, 'delete', 'ignored_company', id, {})
  })
}

/** The keys of every ignored company, for judging many leads with one read. */
export const ignoredKeys = async (conn: Conn, companyId: string) =>
  new Set((await repo.listIgnored(conn, companyId)).map((c) => companyKey(c.name)))

/** Whether a lead of this company name must never be auto-registered. */
export async function isIgnoredCompany(conn: Conn, companyId: string, name: string | null): Promise<boolean> {
  const key = name ? companyKey(name) : ''
  return key !== '' && repo.isIgnored(conn, companyId, key)
}
