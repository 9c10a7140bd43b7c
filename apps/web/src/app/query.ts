import { MutationCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api.ts'

/**
 * Server state lives in TanStack Query. Every successful mutation marks every cached answer stale:
 * pages on screen load again, the rest when next shown, so no page keeps its own reload logic.
 */
export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    onSuccess: () => queryClient.invalidateQueries(),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network trouble and 5xx may.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status < 500 && error.status > 0),
      refetchOnWindowFocus: false,
    },
  },
})
