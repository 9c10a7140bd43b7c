import type {
  MessageCampaign,
  MessageCampaignBody,
  MessageCampaignPatch,
  MessageCampaignPreview,
  MessageCampaignPreviewBody,
  PageQuery,
} from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { previewTemplate, validateTemplate } from '../../lib/templates.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './message-campaigns.repo.ts'

function toMessageCampaign(row: repo.MessageCampaignRow): MessageCampaign {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/** 400 naming the field and the unknown placeholder or syntax error of each template given. */
async function assertTemplatesValid(templates: { subject?: string | undefined; body?: string | undefined }) {
  const errors: FieldError[] = []
  for (const path of ['subject', 'body'] as const) {
    const text = templates[path]
    const problem = text === undefined ? null : await validateTemplate(text)
    if (problem) errors.push({ path, message: problem })
  }
  const [first] = errors
  if (first) throw new AppError('bad-request', first.message, { errors })
}

const nameTaken = () => fieldError('name', 'A message campaign with this name already exists', 'conflict')

export async function messageCampaignExists(conn: Conn, companyId: string, id: string): Promise<boolean> {
  return (await repo.findMessageCampaign(conn, companyId, id)) !== undefined
}

/** The saved template, e.g. to send as a partner company's auto-response; null if there is none. */
export async function findMessageCampaign(
  conn: Conn,
  companyId: string,
  id: string,
): Promise<MessageCampaign | null> {
  const row = await repo.findMessageCampaign(conn, companyId, id)
  return row ? toMessageCampaign(row) : null
}

export async function listMessageCampaigns(ctx: AppContext, actor: Actor, query: PageQuery) {
  const after = idAfter(query.cursor)
  const rows = await repo.listMessageCampaigns(ctx.db, actor.companyId, query.limit + 1, after)
  return toPage(rows, query.limit, (r) => [r.id], toMessageCampaign)
}

export async function getMessageCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<MessageCampaign> {
  const campaign = await findMessageCampaign(ctx.db, actor.companyId, id)
  if (!campaign) throw notFound('Message campaign')
  return campaign
}

/** Inside the caller's transaction, without permission checks or audit: for the demo seed. */
export async function addMessageCampaign(
  conn: Conn,
  companyId: string,
  input: z.infer<typeof MessageCampaignBody>,
): Promise<MessageCampaign> {
  if (await repo.messageCampaignNameTaken(conn, companyId, input.name)) throw nameTaken()
  const id = newId()
  if (!(await repo.insertMessageCampaign(conn, companyId, id, input))) throw nameTaken()
  return toMessageCampaign((await repo.findMessageCampaign(conn, companyId, id)) as repo.MessageCampaignRow)
}

export async function createMessageCampaign(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof MessageCampaignBody>,
): Promise<MessageCampaign> {
  assertPermission(actor, 'manage_settings')
  // Checked before the transaction: a check may wait for its turn (templates.ts).
  await assertTemplatesValid(input)
  return ctx.db.transaction().execute(async (tx) => {
    const campaign = await addMessageCampaign(tx, actor.companyId, input)
    await recordAudit(tx, actor, 'create', 'message_campaign', campaign.id, input)
    return campaign
  })
}

export async function updateMessageCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof MessageCampaignPatch>,
): Promise<MessageCampaign> {
  assertPermission(actor, 'manage_settings')
  await assertTemplatesValid(input)
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findMessageCampaign(tx, actor.companyId, id))) throw notFound('Message campaign')
    if (
      input.name !== undefined &&
      (await repo.messageCampaignNameTaken(tx, actor.companyId, input.name, id))
    ) {
      throw nameTaken()
    }
    if (!(await repo.updateMessageCampaign(tx, actor.companyId, id, input))) throw nameTaken()
    await recordAudit(tx, actor, 'update', 'message_campaign', id, input)
    return toMessageCampaign(
      (await repo.findMessageCampaign(tx, actor.companyId, id)) as repo.MessageCampaignRow,
    )
  })
}

export async function deleteMessageCampaign(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    const campaign = await repo.findMessageCampaign(tx, actor.companyId, id)
    if (!campaign) throw notFound('Message campaign')
    const users = await repo.partnerCompaniesUsingMessageCampaign(tx, actor.companyId, id)
    if (users.length > 0 || !(await repo.deleteMessageCampaign(tx, actor.companyId, id))) {
      const names = users.length ? users.map((n) => `"${n}"`).join(', ') : 'A partner company'
      throw new AppError(
        'conflict',
        `${names} ${users.length > 1 ? 'send' : 'sends'} this message campaign as an auto-response; choose another auto-response email there first`,
      )
    }
    await recordAudit(tx, actor, 'delete', 'message_campaign', id, { name: campaign.name })
  })
}

/** The saved template, or the unsaved subject and body given, rendered with sample data. */
export async function previewMessageCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof MessageCampaignPreviewBody>,
): Promise<z.infer<typeof MessageCampaignPreview>> {
  const saved = await getMessageCampaign(ctx, actor, id)
  await assertTemplatesValid(input)
  return previewTemplate({ subject: input.subject ?? saved.subject, body: input.body ?? saved.body })
}
