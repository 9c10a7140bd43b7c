import { useCallback, useEffect, useRef, useState } from 'react'

export type Resource<T> = {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Loads again, keeping the current data on screen until the new answer arrives. */
  reload: () => void
}

/** Loads data for a page; `key` names what is loaded, and a new key loads again. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const loadRef = useRef(load)
  loadRef.current = load
  const [version, setVersion] = useState(0)
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or a reload() is what loads again
  useEffect(() => {
    const controller = new AbortController()
    setState((previous) => ({ ...previous, loading: true }))
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error, loading: false }))
      },
    )
    return () => controller.abort()
  }, [key, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { ...state, reload }
}
