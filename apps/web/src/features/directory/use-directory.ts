import { useQueries, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { getAll } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { listOfficeLocations, type OfficeLocation } from '../office-locations/office-locations.api.ts'
import {
  type Campaign,
  campaignsQuery,
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
  // Cached per login, so the names of the page before show at once while they are refreshed.
  const lists = useQuery({
    queryKey: ['directory', key],
    queryFn: async ({ signal }): Promise<Lists> => {
      if (isPartner) return { partners: [], offices: [], users: [] }
      const [partners, offices, users] = await Promise.all([
        orEmpty(getAll<PartnerCompany>('/api/v1/partner-companies', signal)),
        orEmpty(listOfficeLocations(signal)),
        mayListUsers ? orEmpty(listUsers(signal)) : Promise.resolve([]),
      ])
      return { partners, offices, users }
    },
  })
  const data = lists.data
  const campaigns = useCampaigns(isPartner ? [] : campaignsOf)

  return useMemo(() => {
    const partners = data?.partners ?? []
    const offices = data?.offices ?? []
    const users = data?.users ?? []
    const partnerById = new Map(partners.map((p) => [p.id, p.name]))
    const officeById = new Map(offices.map((o) => [o.id, o.name]))
    const userById = new Map(users.map((u) => [u.id, u.name]))
    const pending = lists.isPending ? '…' : undefined
    return {
      loading: lists.isPending,
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
  }, [data, lists.isPending, campaigns, me, isPartner])
}

/** The campaigns of some partner companies, one cached query per partner. */
function useCampaigns(partnerIds: readonly (string | null)[]) {
  const ids = [...new Set(partnerIds.filter((id): id is string => Boolean(id)))].sort()
  return useQueries({
    // A partner whose campaigns cannot be read names none.
    queries: ids.map((id) => ({ ...campaignsQuery(id), retry: false })),
    combine: (results) => {
      const byId = new Map<string, Campaign>()
      for (const result of results) for (const campaign of result.data ?? []) byId.set(campaign.id, campaign)
      return { byId, loading: results.some((result) => result.isPending) }
    },
  })
}
