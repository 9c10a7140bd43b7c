import { useEffect, useState } from 'react'
import { totalText } from '../../app/sort-header.tsx'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import type { ReturnKind } from '../returns/returns.api.ts'
import { countOf, kindNouns, type RecordTarget } from './record-outcome.tsx'

/** At most this many records in one bulk action (the API's limit). */
const maxBulk = 1000

/** The records a bulk action names: the ticked ones, or every record matching the list's filters. */
export type BulkTarget<Filter> = { records: readonly RecordTarget[]; filter: Filter | null; count: number }

/**
 * What a list's bulk action acts on: the ticked rows, or — once "Select all N matching" is pressed
 * while every row on screen is ticked — every record matching the filters (its total, at most
 * 1,000; the list's sort does not matter). A new filter, or a row unticked, means the ticked rows again.
 */
export function useBulkTarget<Filters extends { sort?: unknown }>(
  kind: ReturnKind,
  list: KeysetList<unknown>,
  selection: Selection,
  filters: Filters,
  key: string,
  ticked: readonly RecordTarget[],
) {
  const [matchAll, setMatchAll] = useState(false)
  const selected = selection.size
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and selected are the triggers
  useEffect(() => setMatchAll(false), [key, selected])
  const total = list.total
  const more = total !== null && selection.all && (total.lowerBound || total.count > list.items.length)
  const tooMany = total !== null && (total.lowerBound || total.count > maxBulk)
  const { sort: _sort, ...filter } = filters
  const target: BulkTarget<Omit<Filters, 'sort'>> =
    matchAll && total
      ? { records: [], filter, count: total.count }
      : { records: ticked, filter: null, count: ticked.length }
  const [one, many] = kindNouns[kind]
  const matchAllButton = !more ? null : matchAll ? (
    <span className="selection-count">All {countOf(kind, total?.count ?? 0)} matching are selected</span>
  ) : (
    <button
      type="button"
      className="button button-small button-quiet"
      disabled={tooMany}
      title={
        tooMany
          ? `At most ${maxBulk.toLocaleString('en-US')} ${many} in one action; narrow the filters`
          : undefined
      }
      onClick={() => setMatchAll(true)}
    >
      Select all {totalText(total, [one, many]).replace(/ match(es)?$/, '')} matching
    </button>
  )
  return { target, matchAllButton }
}
