/** The part of autocannon's API the benchmarks use (it ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  export type RequestSpec = Request & {
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string>,
    ) => void
  }

  export type Client = EventEmitter & {
    setHeaders(headers: Record<string, string>): void
    setRequests(requests: RequestSpec[]): void
  }

  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    timeout?: number
    requests?: RequestSpec[]
    setupClient?: (client: Client) => void
  }

  export type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
    p99_9?: number
  }

  export type Result = {
    latency: Histogram
    requests: Histogram & { total: number; sent: number }
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    duration: number
    '2xx': number
  }

  export type Instance = EventEmitter & PromiseLike<Result> & { stop(): void }

  function autocannon(options: Options): Instance
  export default autocannon
}
