import { CreateLeadBody, type LeadImportColumn, type QueueSettings } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type ContactColumns, normaliseContact } from '../../lib/contact.ts'
import { AppError } from '../../lib/errors.ts'
import { type Notifier, notifyImportPurchase } from '../notifications/notifications.service.ts'
import { findLeadSource, sourceIdsByName } from '../partner-companies/partner-companies.sources.ts'
import type { EventActor } from '../timeline/timeline.service.ts'
import { leadChanged } from './leads.events.ts'
import { lookupsForBatch, newLead, resolveSource } from './leads.intake.ts'
import * as repo from './leads.repo.ts'

/** One row of a CSV import: its number in the file and its values by lead field. */
export type ImportedRow = { row: number; values: Partial<Record<LeadImportColumn, string>> }
export type RowProblem = { path?: string; message: string }
export type ImportOutcome = {
  /** Per source, how many leads the rows added. */
  created: Map<string, number>
  refused: { row: number; problems: RowProblem[] }[]
}

/** A row that passed the checks: its number in the file, the lead's row and event, its keys. */
type Candidate = ReturnType<typeof newLead> & { line: number }

// The source is a name or an id in a CSV file, resolved before the rest is checked.
const ImportedLead = CreateLeadBody.omit({ partnerCompanyId: true })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function toInput(values: ImportedRow['values']) {
  const v = Object.fromEntries(
    Object.entries(values).map(([k, value]) => [k, value?.trim() ? value.trim() : undefined]),
  ) as ImportedRow['values']
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    companyName: v.companyName,
    email: v.email,
    phone: v.phone,
    address: {
      street: v.street,
      city: v.city,
      region: v.region,
      postalCode: v.postalCode,
      country: v.country?.toUpperCase() ?? 'US',
    },
    campaignId: v.campaignId,
    externalPartnerCompanyId: v.externalPartnerCompanyId,
    externalCampaignId: v.externalCampaignId,
    location: v.location?.toLowerCase(),
    callCenterComments: v.callCenterComments,
    notes: v.notes,
    trustedFormCertUrl: v.trustedFormCertUrl,
    leadiDToken: v.leadiDToken,
  }
}

/** The problems an AppError names, field by field. */
const problemsOf = (error: AppError): RowProblem[] =>
  error.details.errors?.length
    ? error.details.errors.map((e) => ({ path: e.path, message: e.message }))
    : [{ message: error.message }]

async function guard<T>(problems: RowProblem[], work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    for (const p of problemsOf(error)) {
      if (!problems.some((q) => q.path !== undefined && q.path === p.path)) problems.push(p)
    }
    return undefined
  }
}

/**
 * Adds one batch of imported rows inside the caller's transaction, with the checks of a single
 * intake (validation, source and campaign, duplicates, starting location, timeline) but set-based:
 * every problem of a row is found (not just the first), sources and campaigns are read once per
 * batch, the duplicate keys of all rows are locked and looked up in one statement each (a row
 * that repeats an earlier row of the batch is refused too), and the survivors and their events
 * are inserted in one statement.
 */
export async function addImportedLeads(
  conn: Conn,
  companyId: string,
  actor: EventActor,
  rows: ImportedRow[],
  opts: {
    settings: QueueSettings & { autoRegistration?: boolean }
    defaultSource: string | null
    notify: Notifier | null
    /** Lets the event loop turn between the statements (the embedded database runs in this thread). */
    pause?: (() => Promise<unknown>) | undefined
  },
): Promise<ImportOutcome> {
  const lookups = lookupsForBatch()
  const names = [
    ...new Set(
      rows
        .map((r) => r.values.partnerCompanyId?.trim())
        .filter((v): v is string => Boolean(v) && !UUID.test(v as string)),
    ),
  ]
  const byName = await sourceIdsByName(conn, companyId, names)
  const refused: ImportOutcome['refused'] = []
  const candidates: Candidate[] = []
  for (const { row, values } of rows) {
    const problems: RowProblem[] = []
    const input = toInput(values)
    const parsed = ImportedLead.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: issue.path.join('.'), message: issue.message })
    }
    const contact = problems.some((p) => p.path === 'address.country')
      ? undefined
      : await guard<ContactColumns>(problems, () => normaliseContact(input))
    if (contact && !contact.phone && !contact.email) {
      problems.push({ path: 'phone', message: 'A lead needs a phone number or an email' })
    }
    const named = values.partnerCompanyId?.trim()
    let partnerCompanyId: string | undefined
    if (named && UUID.test(named)) partnerCompanyId = named
    else if (named) {
      const ids = byName.get(named.toLowerCase()) ?? []
      if (ids.length === 1) partnerCompanyId = ids[0]
      else
        problems.push({
          path: 'partnerCompanyId',
          message: ids.length
            ? `Several sources are named “${named}”; give the source’s id instead`
            : `No source is named “${named}”`,
        })
    } else if (!input.externalCampaignId) partnerCompanyId = opts.defaultSource ?? undefined
    const sourceKnown = !named || partnerCompanyId
    const resolved = sourceKnown
      ? await guard(problems, () =>
          resolveSource(
            conn,
            companyId,
            // Campaigns are checked only when their ids are well formed.
            parsed.success ? { ...parsed.data, partnerCompanyId } : { partnerCompanyId },
            lookups,
          ),
        )
      : undefined
    if (problems.length || !parsed.success || !contact || !resolved) {
      refused.push({ row, problems })
      continue
    }
    candidates.push({
      line: row,
      ...newLead(companyId, actor, { ...parsed.data, partnerCompanyId }, contact, resolved, opts.settings, {
        via: 'import',
      }),
    })
  }

  await opts.pause?.()
  const survivors = await withoutDuplicates(conn, companyId, candidates, refused, opts.pause)
  await opts.pause?.()
  await repo.insertLeads(
    conn,
    companyId,
    survivors.map((c) => c.row),
    survivors.map((c) => c.event),
  )
  const created = new Map<string, number>()
  for (const { row } of survivors) {
    created.set(row.partner_company_id, (created.get(row.partner_company_id) ?? 0) + 1)
  }
  if (opts.settings.autoRegistration && opts.notify && survivors.length) {
    await opts.notify.jobs.sendMany(
      conn,
      leadChanged,
      survivors.map((c) => ({ companyId, leadId: c.row.id as string })),
    )
  }
  refused.sort((a, b) => a.row - b.row)
  return { created, refused }
}

/**
 * The candidates that duplicate no earlier lead and no earlier row of the batch; the others are
 * refused. The keys are locked first, so the lookup sees what concurrent intakes committed.
 */
async function withoutDuplicates<C extends Candidate>(
  conn: Conn,
  companyId: string,
  candidates: C[],
  refused: ImportOutcome['refused'],
  pause?: () => Promise<unknown>,
) {
  const checked = candidates.filter((c) => c.check)
  if (checked.length === 0) return candidates
  await repo.lockDuplicateKeys(
    conn,
    checked.flatMap((c) => c.check?.lockKeys ?? []),
  )
  await pause?.()
  const all = (pick: (k: repo.DuplicateKeys) => string | null) => [
    ...new Set(checked.map((c) => pick(c.keys)).filter((k): k is string => Boolean(k))),
  ]
  const taken = await repo.takenDuplicateKeys(
    conn,
    companyId,
    { phones: all((k) => k.phone), emails: all((k) => k.email), nameAddresses: all((k) => k.nameAddress) },
    checked[0]?.check?.since ?? null,
  )
  const earlier = new Map<string, number>()
  const survivors: C[] = []
  for (const c of candidates) {
    if (c.check) {
      const keys = (
        [
          ['p', c.keys.phone, taken.phones],
          ['e', c.keys.email, taken.emails],
          ['n', c.keys.nameAddress, taken.nameAddresses],
        ] as const
      ).flatMap(([kind, key, known]) => (key ? [{ id: `${kind}:${key}`, known: known.has(key) }] : []))
      if (keys.some((k) => k.known)) {
        refused.push({ row: c.line, problems: [{ message: 'This lead duplicates an existing one' }] })
        continue
      }
      const repeated = keys.map((k) => earlier.get(k.id)).find((r) => r !== undefined)
      if (repeated !== undefined) {
        refused.push({
          row: c.line,
          problems: [{ message: `This lead repeats row ${repeated} of the file` }],
        })
        continue
      }
      for (const k of keys) earlier.set(k.id, c.line)
    }
    survivors.push(c)
  }
  return survivors
}

/**
 * The purchase notification of a finished import: one email per source to its purchase
 * notification emails, with the number of leads the import added from it.
 */
export async function notifyImportedLeads(
  conn: Conn,
  notify: Notifier,
  companyId: string,
  created: Record<string, number>,
) {
  for (const [sourceId, count] of Object.entries(created)) {
    const source = await findLeadSource(conn, companyId, sourceId)
    if (!source) continue
    await notifyImportPurchase(
      conn,
      notify,
      companyId,
      { name: source.name, contactPerson: source.contactPerson, emails: source.purchaseNotificationEmails },
      count,
    )
  }
}
