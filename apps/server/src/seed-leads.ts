import type { Conn } from './db/client.ts'
import { addCustomerFromLead } from './domains/customers/customers.service.ts'
import { addLead } from './domains/leads/leads.intake.ts'
import * as leadsRepo from './domains/leads/leads.repo.ts'
import { queueSettingsOf } from './domains/queue-settings/queue-settings.service.ts'
import { recordEvent } from './domains/timeline/timeline.service.ts'
import type { UserActor } from './lib/actor.ts'

const firstNames = [
  'Ava',
  'Ben',
  'Cara',
  'Dan',
  'Eli',
  'Fay',
  'Gus',
  'Hal',
  'Ivy',
  'Jon',
  'Kim',
  'Lou',
  'Mae',
  'Ned',
  'Ora',
  'Pia',
]
const lastNames = [
  'Adams',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Fox',
  'Garcia',
  'Hill',
  'Ito',
  'Jones',
  'Khan',
  'Lopez',
]
const places = [
  ['Phoenix', 'AZ', '85004'],
  ['Tempe', 'AZ', '85281'],
  ['Mesa', 'AZ', '85201'],
  ['Las Vegas', 'NV', '89101'],
  ['Denver', 'CO', '80202'],
  ['Dallas', 'TX', '75201'],
] as const

/** Where the demo's 200 leads sit, so every list and tab has something in it. */
const plan = [
  ['queue', 70],
  ['pending', 30],
  ['assigned', 40],
  ['converted', 25],
  ['invalid', 15],
  ['returned', 12],
  ['sold', 8],
] as const

/**
 * 200 leads across the demo sources and every location, with their timelines. The seed is
 * composition, like main.ts: it places leads directly where no user action exists yet (sold);
 * the ones to return are handed back for the real return.
 */
export async function seedLeads(
  conn: Conn,
  companyId: string,
  sources: { id: string; campaignIds: string[] }[],
  workers: { rep: UserActor; manager: UserActor },
) {
  const settings = { ...(await queueSettingsOf(conn, companyId)), duplicateWindowDays: 0 }
  const system = { kind: 'system' as const, label: 'Demo data' }
  let n = 0
  const toReturn: string[] = []
  for (const [location, count] of plan) {
    for (let i = 0; i < count; i++, n++) {
      const source = sources[n % sources.length] as { id: string; campaignIds: string[] }
      const [city, region, postalCode] = places[n % places.length] as (typeof places)[number]
      const firstName = firstNames[n % firstNames.length] as string
      const lastName = lastNames[(n * 7) % lastNames.length] as string
      const lead = await addLead(
        conn,
        companyId,
        system,
        {
          firstName,
          lastName,
          email: `${firstName}.${lastName}.${n}@example.com`.toLowerCase(),
          phone: `+1 602 555 ${String(1000 + n).padStart(4, '0')}`,
          address: { street: `${100 + n} Main St`, city, region, postalCode, country: 'US' },
          partnerCompanyId: source.id,
          campaignId: source.campaignIds[n % Math.max(source.campaignIds.length, 1)] ?? null,
          location: location === 'pending' ? 'pending' : 'queue',
        },
        { settings, via: 'seed', notify: null },
      )
      const worker = n % 3 === 0 ? workers.manager : workers.rep
      if (location === 'queue' || location === 'pending') continue
      // Returned through the real return, after this transaction, so they get their emails too.
      if (location === 'returned') {
        toReturn.push(lead.id)
        continue
      }
      const row = await leadsRepo.updateLead(conn, companyId, lead.id, {
        location: location === 'converted' ? 'assigned' : location,
        assigned_user_id: location === 'assigned' || location === 'converted' ? worker.userId : null,
        ...(location === 'invalid' && { invalid_reason: 'Disconnected number' }),
      })
      if (location === 'converted') {
        const customer = await addCustomerFromLead(conn, worker, row, undefined)
        await leadsRepo.updateLead(conn, companyId, lead.id, {
          location: 'converted',
          customer_id: customer.id,
        })
      }
      await recordEvent(
        conn,
        companyId,
        worker,
        'lead',
        lead.id,
        location === 'assigned' ? 'assigned' : location,
        {},
      )
    }
  }
  return { toReturn }
}
