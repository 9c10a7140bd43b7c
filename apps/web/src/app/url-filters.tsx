import { useEffect, useId, useState } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A list's filters kept in the address (`?source=…&q=…`), so a filtered list can be shared and
 * survives a reload. `update` changes some parameters and keeps the others; an empty value
 * removes one.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams()
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
  /** Removes every parameter but `keep`. */
  function clear(keep: string[] = []) {
    setParams(
      (previous) => {
        const next = new URLSearchParams()
        for (const key of keep) {
          const value = previous.get(key)
          if (value) next.set(key, value)
        }
        return next
      },
      { replace: true },
    )
  }
  return { params, update, clear }
}

/** The search box of a filter bar: narrows the list after a short pause rather than on every key. */
export function SearchFilter({
  value,
  onSearch,
  placeholder,
}: {
  value: string
  onSearch: (q: string) => void
  placeholder: string
}) {
  const id = useId()
  const [typed, setTyped] = useState(value)
  const onSearchLatest = useLatest(onSearch)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed text schedules a search
  useEffect(() => {
    if (typed.trim() === value) return
    const timer = setTimeout(() => onSearchLatest.current(typed.trim()), 300)
    return () => clearTimeout(timer)
  }, [typed])

  // The address changed on its own (Clear filters, back button): show what it says.
  useEffect(() => {
    setTyped((current) => (current.trim() === value ? current : value))
  }, [value])

  return (
    <div className="filter-field filter-search">
      <label htmlFor={id}>Search</label>
      <input
        id={id}
        type="search"
        value={typed}
        placeholder={placeholder}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearch(typed.trim())
        }}
      />
    </div>
  )
}

function useLatest<T>(value: T) {
  const [ref] = useState(() => ({ current: value }))
  ref.current = value
  return ref
}
