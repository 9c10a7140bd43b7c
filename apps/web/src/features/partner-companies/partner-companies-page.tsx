import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth.tsx'
import { formatDate } from '../../app/format.ts'
import { ListBody } from '../../app/list-body.tsx'
import { sortableHeaders, totalText } from '../../app/sort-header.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { listTags, type Tag } from '../tags/tags.api.ts'
import {
  listPartnerCompanies,
  type PartnerCompany,
  type PartnerCompanyFilters,
  partnerRoles,
} from './partner-companies.api.ts'
import { ApplyTagDialog, TagChips } from './partner-tags.tsx'
import { RoleBadges } from './role-badges.tsx'

/** The filters live in the address (`?sellsLeads=true&tag=Gold&active=inactive&q=abc`), so they can be shared. */
function filtersFrom(params: URLSearchParams): PartnerCompanyFilters {
  const active = params.get('active')
  const sort = params.get('sort') ?? ''
  return {
    sort: ['name', '-name', 'createdAt', '-createdAt'].includes(sort) ? sort : 'name',
    roles: partnerRoles.map((role) => role.key).filter((key) => params.get(key) === 'true'),
    tag: params.get('tag') ?? '',
    active: active === 'active' || active === 'inactive' ? active : 'all',
    q: params.get('q') ?? '',
  }
}

/** Administration → Partner Companies: lead sources and buyers, filtered, page by page. */
export function PartnerCompaniesPage() {
  const location = useLocation()
  const { can } = useAuth()
  const editable = can('manage_partner_companies')
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params)
  const list = useKeysetList(['partner-companies', filters], (cursor, signal) =>
    listPartnerCompanies(filters, cursor, signal),
  )
  const tags = useQuery({ queryKey: ['tags'], queryFn: ({ signal }) => listTags(signal) })
  const [tagging, setTagging] = useState<PartnerCompany | null>(null)
  const notice = (location.state as { notice?: string } | null)?.notice

  /** Changes some filters, keeping the others; an empty value removes the parameter. */
  function update(changes: Record<string, string>) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      { replace: true },
    )
  }

  const filtered = filters.roles.length > 0 || filters.tag || filters.active !== 'all' || filters.q
  const header = sortableHeaders(filters.sort, (sort) => update({ sort: sort === 'name' ? '' : sort }))

  return (
    <div className="page">
      <title>Partner Companies · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <p className="breadcrumb">Administration</p>
          <h1>Partner Companies</h1>
        </div>
        {editable ? (
          <Link className="button button-primary" to="/admin/partner-companies/new">
            Add partner company
          </Link>
        ) : null}
      </header>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      <Filters
        filters={filters}
        tags={tags.data ?? []}
        update={update}
        clear={() => setParams({}, { replace: true })}
      />
      <ListBody
        list={list}
        empty={filtered ? 'No partner company matches these filters.' : 'There are no partner companies yet.'}
        onClear={filtered ? () => setParams({}, { replace: true }) : undefined}
        count={(n) => `${n} partner compan${n === 1 ? 'y' : 'ies'}`}
      >
        <p className="muted" aria-live="polite">
          {totalText(list.total, ['partner company', 'partner companies'])}
        </p>
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="table" aria-label="Partner companies">
            <thead>
              <tr>
                {header('Name', 'name')}
                <th scope="col">Kind</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Tags</th>
                {header('Added', 'createdAt')}
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((partner) => (
                <tr key={partner.id} className={partner.active ? undefined : 'row-muted'}>
                  <th scope="row">
                    <Link to={`/admin/partner-companies/${partner.id}`} className="row-link">
                      {partner.name}
                    </Link>
                    {partner.contactPerson ? <p className="cell-note">{partner.contactPerson}</p> : null}
                  </th>
                  <td>{partner.kind === 'inside' ? 'Inside' : 'Outside'}</td>
                  <td>
                    <RoleBadges partner={partner} />
                  </td>
                  <td>
                    {partner.active ? (
                      <span className="badge badge-on">Active</span>
                    ) : (
                      <span className="badge badge-off">Inactive</span>
                    )}
                  </td>
                  <td>
                    <TagChips partner={partner} editable={editable} />
                  </td>
                  <td>{formatDate(partner.createdAt)}</td>
                  <td className="actions-col">
                    {editable ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Apply tag to ${partner.name}`}
                        onClick={() => setTagging(partner)}
                      >
                        Apply tag
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListBody>
      {tagging ? (
        <ApplyTagDialog
          partner={list.items.find((item) => item.id === tagging.id) ?? tagging}
          tags={tags.data ?? []}
          onClose={() => setTagging(null)}
        />
      ) : null}
    </div>
  )
}

function Filters({
  filters,
  tags,
  update,
  clear,
}: {
  filters: PartnerCompanyFilters
  tags: Tag[]
  update: (changes: Record<string, string>) => void
  clear: () => void
}) {
  const id = useId()
  const [search, setSearch] = useState(filters.q)
  const q = filters.q

  // Typing narrows the list after a short pause rather than on every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed text schedules a search
  useEffect(() => {
    if (search.trim() === q) return
    const timer = setTimeout(() => update({ q: search.trim() }), 300)
    return () => clearTimeout(timer)
  }, [search])

  // The address changed on its own (Clear filters, back button): show what it says.
  useEffect(() => {
    setSearch((typed) => (typed.trim() === q ? typed : q))
  }, [q])

  const anySet = filters.roles.length > 0 || filters.tag || filters.active !== 'all' || filters.q
  // A tag named in the address that the list of tags does not (yet) have still shows as chosen.
  const tagOptions =
    filters.tag && !tags.some((t) => t.name === filters.tag) ? [...tags, { id: '', name: filters.tag }] : tags

  return (
    <search className="filters" aria-label="Filter partner companies">
      <fieldset className="filter-roles">
        <legend>Roles</legend>
        {partnerRoles.map((role) => (
          <label key={role.key} className="inline-check">
            <input
              type="checkbox"
              checked={filters.roles.includes(role.key)}
              onChange={(event) => update({ [role.key]: event.target.checked ? 'true' : '' })}
            />
            {role.label}
          </label>
        ))}
      </fieldset>
      <div className="filter-field">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <select
          id={`${id}-tag`}
          value={filters.tag}
          onChange={(event) => update({ tag: event.target.value })}
        >
          <option value="">All tags</option>
          {tagOptions.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-active`}>Status</label>
        <select
          id={`${id}-active`}
          value={filters.active}
          onChange={(event) => update({ active: event.target.value === 'all' ? '' : event.target.value })}
        >
          <option value="all">Active and inactive</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </div>
      <div className="filter-field filter-search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={search}
          placeholder="Name, contact person or email"
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') update({ q: search.trim() })
          }}
        />
      </div>
      {anySet ? (
        <button type="button" className="button button-quiet filter-clear" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </search>
  )
}
