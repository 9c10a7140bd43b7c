import { useEffect, useMemo, useRef, useState } from 'react'
import { getAll } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useResource } from '../../app/use-resource.ts'
import { listOfficeLocations, type OfficeLocation } from '../office-locations/office-locations.api.ts'
import {
  type Campaign,
  listCampaigns,
  type PartnerCompany,
} from '../partner-companies/partner-companies.api.ts'
import { listUsers, type User } from '../users/users.api.ts'

/**
 * Names for the ids a lead or customer carries: its source and campaign, the user it is
 * assigned to, its office location. What the login may not read stays unnamed (a rep cannot
 * list users; a partner login reads none of these).
 */
export type Directory = {
  /** The lists are still loading; names show "…" meanwhile. */
  loading: boolean
  partners: PartnerCompany[]
  offices: OfficeLocation[]
  /** Empty when the login may not list users. */
  users: User[]
  partnerName: (id: string | null) => string
  /** Empty for a partner login, which may not read campaigns. */
  campaignName: (id: string | null) => string
  /** "You" for oneself. */
  userName: (id: string | null) => string
  officeName: (id: string | null) => string
}

const none = '—'

type Lists = { partners: PartnerCompany[]; offices: OfficeLocation[]; users: User[] }

/** The lists last loaded, by the login they were loaded for. */
let lastLoaded: { key: string; lists: Lists } | null = null

async function orEmpty<T>(load: Promise<T[]>): Promise<T[]> {
  try {
    return await load
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    return []
  }
}

/** `campaignsOf`: the partner companies whose campaigns to name (those of the rows on screen). */
export function useDirectory(campaignsOf: readonly (string | null)[] = []): Directory {
  const { me, can, isPartner } = useAuth()
  const mayListUsers = can('assign_leads') || can('manage_users')
  const key = `${me.company.id}:${me.user?.id ?? me.partner?.partnerCompanyId}:${mayListUsers}`
  const lists = useResource(`directory:${key}`, async (signal): Promise<Lists> => {
    if (isPartner) return { partners: [], offices: [], users: [] }
    const [partners, offices, users] = await Promise.all([
      orEmpty(getAll<PartnerCompany>('/api/v1/partner-companies', signal)),
      orEmpty(listOfficeLocations(signal)),
      mayListUsers ? orEmpty(listUsers(signal)) : Promise.resolve([]),
    ])
    const loaded = { partners, offices, users }
    lastLoaded = { key, lists: loaded }
    return loaded
  })
  // The names of the page before show at once; the fresh lists replace them when they arrive.
  const data = lists.data ?? (lastLoaded?.key === key ? lastLoaded.lists : undefined)
  const campaigns = useCampaigns(isPartner ? [] : campaignsOf)

  return useMemo(() => {
    const partners = data?.partners ?? []
    const offices = data?.offices ?? []
    const users = data?.users ?? []
    const partnerById = new Map(partners.map((p) => [p.id, p.name]))
    const officeById = new Map(offices.map((o) => [o.id, o.name]))
    const userById = new Map(users.map((u) => [u.id, u.name]))
    const pending = lists.loading && !data ? '…' : undefined
    return {
      loading: lists.loading && !data,
      partners,
      offices,
      users,
      partnerName: (id) => {
        if (!id) return none
        if (me.partner?.partnerCompanyId === id) return me.partner.name
        return partnerById.get(id) ?? pending ?? 'Unknown source'
      },
      campaignName: (id) => {
        if (!id) return none
        // A partner login reads no campaigns: better nothing than "Unknown".
        if (isPartner) return ''
        return campaigns.byId.get(id)?.name ?? (campaigns.loading ? '…' : 'Unknown campaign')
      },
      userName: (id) => {
        if (!id) return none
        if (id === me.user?.id) return 'You'
        return userById.get(id) ?? pending ?? 'Another user'
      },
      officeName: (id) => (id ? (officeById.get(id) ?? pending ?? 'Unknown office') : none),
    }
  }, [data, lists.loading, campaigns, me, isPartner])
}

/** Campaigns seen on earlier pages: their names show at once while a page loads them again. */
const knownCampaigns = new Map<string, Campaign>()

/** The campaigns of some partner companies, each partner's loaded once per page. */
function useCampaigns(partnerIds: readonly (string | null)[]) {
  const [state, setState] = useState<{ byId: Map<string, Campaign>; inFlight: number }>(() => ({
    byId: new Map(knownCampaigns),
    inFlight: 0,
  }))
  const asked = useRef(new Set<string>())
  const wanted = [...new Set(partnerIds.filter((id): id is string => Boolean(id)))].sort().join(',')

  useEffect(() => {
    const missing = wanted.split(',').filter((id) => id && !asked.current.has(id))
    if (!missing.length) return
    for (const id of missing) asked.current.add(id)
    setState((previous) => ({ ...previous, inFlight: previous.inFlight + 1 }))
    void Promise.all(missing.map((id) => listCampaigns(id).catch(() => [] as Campaign[]))).then((lists) =>
      setState((previous) => {
        const byId = new Map(previous.byId)
        for (const campaign of lists.flat()) {
          byId.set(campaign.id, campaign)
          knownCampaigns.set(campaign.id, campaign)
        }
        return { byId, inFlight: previous.inFlight - 1 }
      }),
    )
  }, [wanted])

  // Ids not asked for yet are as good as loading: their request starts after this render.
  const notAsked = wanted.split(',').some((id) => id && !asked.current.has(id))
  return useMemo(() => ({ byId: state.byId, loading: state.inFlight > 0 || notAsked }), [state, notAsked])
}
