import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from './api.ts'

export type KeysetList<T> = {
  items: T[]
  /** The first page is not there yet (or is being loaded again for a new key). */
  loading: boolean
  /** A further page is on its way. */
  loadingMore: boolean
  error: unknown
  hasMore: boolean
  loadMore: () => void
  /** Loads the first page again, e.g. after a change; the list stays on screen meanwhile. */
  reload: () => void
  /** Changes the items on screen without loading, e.g. one row after a change to it. */
  patch: (update: (items: T[]) => T[]) => void
}

/**
 * A list read page by page with "Load more": `key` names the query (filters), and a new key
 * starts again from the first page. `load` gets the cursor of the page wanted (null: the first).
 */
export function useKeysetList<T>(
  key: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): KeysetList<T> {
  const loadRef = useRef(load)
  loadRef.current = load
  const [version, setVersion] = useState(0)
  const [state, setState] = useState<{
    items: T[]
    cursor: string | null
    loading: boolean
    loadingMore: boolean
    error: unknown
  }>({ items: [], cursor: null, loading: true, loadingMore: false, error: undefined })
  const moreController = useRef<AbortController | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or a reload() is what loads again
  useEffect(() => {
    const controller = new AbortController()
    moreController.current?.abort()
    setState((previous) => ({ ...previous, loading: true, loadingMore: false }))
    loadRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return
        setState({
          items: page.items,
          cursor: page.nextCursor,
          loading: false,
          loadingMore: false,
          error: undefined,
        })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error, loading: false }))
      },
    )
    return () => controller.abort()
  }, [key, version])

  useEffect(() => () => moreController.current?.abort(), [])

  const loadMore = useCallback(() => {
    const cursor = state.cursor
    if (!cursor || state.loadingMore) return
    const controller = new AbortController()
    moreController.current = controller
    setState((previous) => ({ ...previous, loadingMore: true }))
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return
        setState((previous) => ({
          ...previous,
          items: [...previous.items, ...page.items],
          cursor: page.nextCursor,
          loadingMore: false,
          error: undefined,
        }))
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error, loadingMore: false }))
      },
    )
  }, [state.cursor, state.loadingMore])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  const patch = useCallback(
    (update: (items: T[]) => T[]) => setState((previous) => ({ ...previous, items: update(previous.items) })),
    [],
  )

  return {
    items: state.items,
    loading: state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    hasMore: state.cursor !== null,
    loadMore,
    reload,
    patch,
  }
}
