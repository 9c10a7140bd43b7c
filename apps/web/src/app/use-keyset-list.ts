import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import type { Page } from './api.ts'

export type KeysetList<T> = {
  items: T[]
  /** The first page is not there yet (or is being loaded again for a new key). */
  loading: boolean
  /** A further page is on its way. */
  loadingMore: boolean
  error: unknown
  hasMore: boolean
  /** What the list's first page says matches its filters (lists that count), and whether "at least". */
  total: { count: number; lowerBound: boolean } | null
  loadMore: () => void
  retry: () => void
}

/**
 * A list read page by page with "Load more": `key` names the query (domain first, then filters),
 * and a new key starts again from the first page. `load` gets the cursor of the page wanted.
 */
export function useKeysetList<T>(
  key: readonly unknown[],
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): KeysetList<T> {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => load(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A new filter keeps the old rows on screen until its first page arrives.
    placeholderData: keepPreviousData,
  })
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    loading: query.isPending || query.isPlaceholderData,
    loadingMore: query.isFetchingNextPage,
    error: query.error,
    hasMore: query.hasNextPage,
    total: totalOf(query.data?.pages[0]),
    loadMore: () => {
      if (!query.isFetchingNextPage) void query.fetchNextPage()
    },
    retry: () => void query.refetch(),
  }
}

function totalOf(first: Page<unknown> | undefined): KeysetList<unknown>['total'] {
  return first?.total === undefined
    ? null
    : { count: first.total, lowerBound: Boolean(first.totalIsLowerBound) }
}
