import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export const findSettings = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('lead_management_settings')
    .where('company_id', '=', companyId)
    .select([
      'mode',
      'supplier_partner_company_id',
      'own_groups',
      'supplier_groups',
      'assigned_by_supplier_name',
      'assigned_by_supplier_email',
      'acceptance_reminder_hours',
    ])
    .executeTakeFirst()

export async function saveAutoRegistration(
  conn: Conn,
  companyId: string,
  v: {
    mode: 'disabled' | 'supplier' | 'own'
    supplierPartnerCompanyId: string | null
    ownGroups?: unknown[]
  },
) {
  const values = {
    mode: v.mode,
    supplier_partner_company_id: v.supplierPartnerCompanyId,
    ...(v.ownGroups && { own_groups: JSON.stringify(v.ownGroups) }),
  }
  await conn
    .insertInto('lead_management_settings')
    .values({ company_id: companyId, own_groups: '[]', ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute()
}

/** Notes a distributed lead's arrival in its batch: how many have arrived, and if it was the first. */
export async function noteArrival(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  batch: { id: string; size: number },
  leadId: string,
) {
  const { rows } = await sql<{ arrived: number; first: boolean }>`
    insert into distribution_batches (company_id, partner_company_id, batch_id, size, lead_ids)
    values (${companyId}, ${partnerCompanyId}, ${batch.id}, ${batch.size}, array[${leadId}]::uuid[])
    on conflict (company_id, partner_company_id, batch_id)
      do update set lead_ids = array_append(distribution_batches.lead_ids, ${leadId}::uuid)
    returning cardinality(lead_ids) as arrived, (xmax = 0) as first`.execute(conn)
  return rows[0] as { arrived: number; first: boolean }
}

export const lockBatch = (conn: Conn, companyId: string, partnerCompanyId: string, batchId: string) =>
  conn
    .selectFrom('distribution_batches')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('batch_id', '=', batchId)
    .select(['lead_ids', 'notified_at'])
    .forUpdate()
    .executeTakeFirst()

export async function markNotified(conn: Conn, companyId: string, partnerCompanyId: string, batchId: string) {
  await conn
    .updateTable('distribution_batches')
    .set({ notified_at: sql`now()` })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('batch_id', '=', batchId)
    .execute()
}

/** True when this call registered the lead: a lead is registered once. */
export async function claimRegistration(
  conn: Conn,
  companyId: string,
  r: { leadId: string; partnerCompanyId: string; deliveryId: string },
) {
  const row = await conn
    .insertInto('lead_registrations')
    .values({
      company_id: companyId,
      lead_id: r.leadId,
      partner_company_id: r.partnerCompanyId,
      delivery_id: r.deliveryId,
    })
    .onConflict((oc) => oc.columns(['company_id', 'lead_id']).doNothing())
    .returning('lead_id')
    .executeTakeFirst()
  return row !== undefined
}

/** The rules a supplier set for this company (its `rules.updated`). */
export async function saveSupplierGroups(conn: Conn, companyId: string, groups: unknown[]) {
  const json = JSON.stringify(groups)
  await conn
    .insertInto('lead_management_settings')
    .values({ company_id: companyId, own_groups: '[]', supplier_groups: json as never })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet({ supplier_groups: json as never, updated_at: sql<Date>`now()` }),
    )
    .execute()
}

export async function saveSupplierNominee(conn: Conn, companyId: string, n: { name: string; email: string }) {
  const values = { assigned_by_supplier_name: n.name, assigned_by_supplier_email: n.email }
  await conn
    .insertInto('lead_management_settings')
    .values({ company_id: companyId, own_groups: '[]', ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute()
}

export async function saveReminderHours(conn: Conn, companyId: string, hours: number) {
  await conn
    .insertInto('lead_management_settings')
    .values({ company_id: companyId, own_groups: '[]', acceptance_reminder_hours: hours })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet({ acceptance_reminder_hours: hours, updated_at: sql<Date>`now()` }),
    )
    .execute()
}

/** Distributions of every company whose leads still wait past the company's reminder hours. */
export async function batchesToRemind(conn: Conn) {
  const { rows } = await sql<{
    company_id: string
    partner_company_id: string
    batch_id: string
    waiting: string[]
  }>`
    select b.company_id, b.partner_company_id, b.batch_id,
      array(select l.id from leads l where l.company_id = b.company_id and l.id = any(b.lead_ids)
        and l.location = 'awaiting_acceptance') as waiting
    from distribution_batches b
    left join lead_management_settings s on s.company_id = b.company_id
    where b.notified_at is not null and b.reminded_at is null
      and b.first_at < now() - make_interval(hours => coalesce(s.acceptance_reminder_hours, 24))
    limit 500`.execute(conn)
  return rows
}

export async function markReminded(conn: Conn, companyId: string, partnerCompanyId: string, batchId: string) {
  const row = await conn
    .updateTable('distribution_batches')
    .set({ reminded_at: sql`now()` })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('batch_id', '=', batchId)
    .where('reminded_at', 'is', null)
    .returning('batch_id')
    .executeTakeFirst()
  return row !== undefined
}

/** The rules a supplier sent one channel partner, kept to show and change them. */
export async function savePartnerRules(
  conn: Conn,
  companyId: string,
  r: { partnerCompanyId: string; groups: unknown[]; deliveryId: string },
) {
  const values = { groups: JSON.stringify(r.groups), delivery_id: r.deliveryId }
  await conn
    .insertInto('partner_registration_rules')
    .values({ company_id: companyId, partner_company_id: r.partnerCompanyId, ...values })
    .onConflict((oc) =>
      oc.columns(['company_id', 'partner_company_id']).doUpdateSet({ ...values, sent_at: sql<Date>`now()` }),
    )
    .execute()
}

export const findPartnerRules = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  conn
    .selectFrom('partner_registration_rules')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .select(['groups', 'delivery_id', 'sent_at'])
    .executeTakeFirst()
