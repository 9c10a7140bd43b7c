import { useCallback, useEffect, useState } from 'react'

export type Selection = {
  ids: ReadonlySet<string>
  size: number
  has: (id: string) => boolean
  set: (id: string, on: boolean) => void
  /** Selects every row on screen, or clears them all when all are selected already. */
  setAll: (on: boolean) => void
  clear: () => void
  /** Every row on screen is selected (and there is at least one). */
  all: boolean
  /** Some rows on screen are selected, not all: the header checkbox shows a dash. */
  some: boolean
}

/**
 * The rows ticked in a list's checkbox column, for the actions above it (Return, Sell). `key`
 * names the list (its filters): a new list starts with nothing selected; ids no longer on
 * screen drop out.
 */
export function useSelection(key: string, visibleIds: readonly string[]): Selection {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set())

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list (key) starts unselected
  useEffect(() => setIds(new Set()), [key])

  const visibleKey = visibleIds.join(',')
  // biome-ignore lint/correctness/useExhaustiveDependencies: visibleKey stands for visibleIds
  useEffect(() => {
    setIds((previous) => {
      const visible = new Set(visibleIds)
      const kept = [...previous].filter((id) => visible.has(id))
      return kept.length === previous.size ? previous : new Set(kept)
    })
  }, [visibleKey])

  const set = useCallback((id: string, on: boolean) => {
    setIds((previous) => {
      const next = new Set(previous)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])

  const selectedOnScreen = visibleIds.filter((id) => ids.has(id)).length
  return {
    ids,
    size: ids.size,
    has: (id: string) => ids.has(id),
    set,
    setAll: (on: boolean) => setIds(on ? new Set(visibleIds) : new Set()),
    clear: () => setIds(new Set()),
    all: visibleIds.length > 0 && selectedOnScreen === visibleIds.length,
    some: selectedOnScreen > 0 && selectedOnScreen < visibleIds.length,
  }
}
