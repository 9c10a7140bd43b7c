import { readdirSync, readFileSync } from 'node:fs'

/**
 * Where the machine's CPU time went during a phase: this process (the load generator), the
 * server, pgbench, the PostgreSQL backends serving the benchmark's database — and everything
 * else on the machine, which is noise the benchmark cannot control (other jobs on the 2 cores).
 * Read from /proc every 250 ms; Linux only (elsewhere it reports nothing).
 */
const TICK_MS = 10 // CLK_TCK = 100

type Proc = { ticks: number; role: Role }
type Sample = { at: number; ms: Record<Role, number> }
export type Role = 'loadgen' | 'server' | 'pgbench' | 'postgres' | 'other'

export type CpuReport = {
  seconds: number
  /** CPU milliseconds per role. */
  ms: Record<Role, number>
  /** Share of the machine's CPU capacity (all cores) each role used, in %. */
  pct: Record<Role, number>
  /** The machine's busy share, in % of all cores. */
  busyPct: number
}

function readStat(pid: string): { ppid: number; ticks: number; comm: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const close = stat.lastIndexOf(')')
    const fields = stat.slice(close + 2).split(' ')
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    }
  } catch {
    return undefined
  }
}

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] as string
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  return { busy: total - idle, total }
}

export class CpuMeter {
  readonly #database: string
  readonly #serverPid: number | undefined
  #first = new Map<string, Proc>()
  #last = new Map<string, Proc>()
  #timer: NodeJS.Timeout | undefined
  #start = 0
  #machine = { busy: 0, total: 0 }
  #series: Sample[] = []

  constructor(database: string, serverPid?: number) {
    this.#database = database
    this.#serverPid = serverPid
  }

  #role(pid: string, stat: { ppid: number; comm: string }): Role {
    const n = Number(pid)
    if (n === process.pid) return 'loadgen'
    if (n === this.#serverPid) return 'server'
    if (stat.comm === 'pgbench' && stat.ppid === process.pid) return 'pgbench'
    if (stat.comm === 'postgres' && cmdline(pid).includes(` ${this.#database} `)) return 'postgres'
    return 'other'
  }

  #totals(): Record<Role, number> {
    const ms: Record<Role, number> = { loadgen: 0, server: 0, pgbench: 0, postgres: 0, other: 0 }
    for (const [pid, last] of this.#last) {
      const first = this.#first.get(pid)
      ms[last.role] += Math.max(0, last.ticks - (first?.ticks ?? 0)) * TICK_MS
    }
    return ms
  }

  #sample(into: Map<string, Proc>, baseline: boolean) {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      const stat = readStat(pid)
      if (!stat) continue
      const known = this.#last.get(pid)
      const role = known?.role ?? this.#role(pid, stat)
      into.set(pid, { ticks: stat.ticks, role })
      // A process born during the phase counts from zero.
      if (!baseline && !this.#first.has(pid)) this.#first.set(pid, { ticks: 0, role })
    }
  }

  start(): this {
    if (process.platform !== 'linux') return this
    this.#first = new Map()
    this.#last = new Map()
    this.#sample(this.#first, true)
    this.#last = new Map(this.#first)
    this.#machine = machineTicks()
    this.#start = Date.now()
    this.#series = [{ at: this.#start, ms: this.#totals() }]
    this.#timer = setInterval(() => {
      this.#sample(this.#last, false)
      this.#series.push({ at: Date.now(), ms: this.#totals() })
    }, 250)
    return this
  }

  /** CPU milliseconds the roles spent between two moments (to the nearest 250 ms sample). */
  between(from: number, to: number, roles: Role[]): number | undefined {
    const near = (t: number) =>
      this.#series.reduce<Sample | undefined>(
        (best, s) => (!best || Math.abs(s.at - t) < Math.abs(best.at - t) ? s : best),
        undefined,
      )
    const a = near(from)
    const b = near(to)
    if (!a || !b || a === b) return undefined
    return roles.reduce((total, role) => total + (b.ms[role] - a.ms[role]), 0)
  }

  stop(): CpuReport | undefined {
    if (process.platform !== 'linux' || !this.#timer) return undefined
    clearInterval(this.#timer)
    this.#sample(this.#last, false)
    const machine = machineTicks()
    const seconds = (Date.now() - this.#start) / 1000
    const ms = this.#totals()
    this.#series.push({ at: Date.now(), ms })
    const capacityMs = (machine.total - this.#machine.total) * TICK_MS || seconds * 1000
    const pct = Object.fromEntries(
      Object.entries(ms).map(([k, v]) => [k, Math.round((v / capacityMs) * 1000) / 10]),
    ) as Record<Role, number>
    return {
      seconds,
      ms,
      pct,
      busyPct:
        Math.round(((machine.busy - this.#machine.busy) / (machine.total - this.#machine.total)) * 1000) / 10,
    }
  }
}

/** One line: where the CPU went, per unit of work when `units` is given. */
export function describeCpu(report: CpuReport | undefined, units?: number, unit = 'req'): string {
  if (!report) return 'cpu: n/a'
  const per = (ms: number) => (units ? ` (${Math.round((ms / units) * 1000) / 1000} ms/${unit})` : '')
  const parts = (['server', 'postgres', 'pgbench', 'loadgen', 'other'] as const)
    .filter((k) => report.ms[k] > 0)
    .map((k) => `${k} ${report.pct[k]}%${k === 'other' ? '' : per(report.ms[k])}`)
  const line = `cpu (of 2 cores = 100%): busy ${report.busyPct}%; ${parts.join(', ')}`
  return report.pct.other < 10
    ? line
    : `${line}\n  WARNING: other processes took ${report.pct.other}% of the machine here; these figures are depressed`
}

/** CPU milliseconds the given roles spent per unit of work. */
export function cpuPerUnit(report: CpuReport | undefined, roles: Role[], units: number): number | undefined {
  if (!report || units === 0) return undefined
  return roles.reduce((total, role) => total + report.ms[role], 0) / units
}

/**
 * The ratio the throughputs would have on an otherwise idle machine where both sides are
 * CPU-bound: the limit's CPU per unit ÷ Tributary's. Less sensitive to other jobs than the rates.
 */
export function cpuRatio(limitMs: number | undefined, tributaryMs: number | undefined): number | undefined {
  if (limitMs === undefined || !tributaryMs) return undefined
  return Math.round((limitMs / tributaryMs) * 1000) / 1000
}
