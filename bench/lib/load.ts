import autocannon, { type Client, type Options } from 'autocannon'

export type LoadResult = {
  /** 2xx answers. */
  ok: number
  non2xx: number
  statusCodes: Record<string, number>
  errors: number
  timeouts: number
  seconds: number
  /** 2xx answers in each whole second since the start. */
  perSecond: number[]
  latencyMs: { p50: number; p90: number; p99: number; max: number }
}

/** autocannon in this process; counts 2xx answers per second itself. */
export async function load(
  options: Options & { setupClient?: (client: Client) => void },
): Promise<LoadResult> {
  const perSecond: number[] = []
  const start = Date.now()
  const instance = autocannon(options)
  instance.on('response', (_client: Client, status: number) => {
    if (status < 200 || status >= 300) return
    const second = Math.floor((Date.now() - start) / 1000)
    perSecond[second] = (perSecond[second] ?? 0) + 1
  })
  const result = await instance
  const seconds = (Date.now() - start) / 1000
  // The last bucket is a sliver of a second (the run stops mid-way); drop it.
  const whole = Math.floor(seconds)
  const buckets = Array.from({ length: whole }, (_, i) => perSecond[i] ?? 0)
  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    perSecond: buckets,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  }
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] as number
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

/** Milliseconds per unit of work, 3 decimals; undefined when not measured. */
export const perUnit = (ms: number | undefined, units: number) =>
  ms === undefined || units === 0 ? undefined : round(ms / units, 3)

/** The benchmark's result: the last line of its output. */
export type BenchResult = {
  name: string
  unit: string
  tributary: number
  limit: number
  ratio: number
  [key: string]: unknown
}

export const log = (message: string) => process.stdout.write(`${message}\n`)
