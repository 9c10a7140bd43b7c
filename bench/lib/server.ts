import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')
const main = path.join(root, 'apps/server/src/main.ts')

/** `databaseUrl` null: the embedded database, in `dataDir`. */
function serverEnv(databaseUrl: string | null, dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _inherited, ...env } = process.env
  return {
    ...env,
    ...(databaseUrl !== null && { DATABASE_URL: databaseUrl }),
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    // No SPA: a stale web build would otherwise be rebuilt (vite) at start, on the measured cores.
    WEB_DIST: path.join(dataDir, 'no-web'),
  }
}

/** `tributary migrate` against the database. */
export async function migrate(databaseUrl: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-'))
  try {
    const child = spawn(process.execPath, [main, 'migrate'], {
      cwd: root,
      env: serverEnv(databaseUrl, dataDir),
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    if (code !== 0) throw new Error(`tributary migrate exited with ${code}`)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export type Server = {
  url: string
  pid: number
  /** The server's DATA_DIR: on the embedded database, its data (kept after stop; remove it yourself). */
  dataDir: string
  /** Peak resident set size of the server process so far (VmHWM), in MB. */
  peakRssMb(): number
  /** Resident set size of the server process now (VmRSS), in MB. */
  rssMb(): number
  stop(): Promise<void>
}

function vm(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Math.round(Number(match[1]) / 102.4) / 10 : Number.NaN
}

/**
 * `tributary serve` (or another command that listens, such as `start`) as a child process on a
 * free port; `databaseUrl` null runs it on the embedded database. BENCH_CPU_PROF=<dir> runs it
 * under `node --cpu-prof` (written when it stops).
 */
export async function startServer(
  databaseUrl: string | null,
  command: 'serve' | 'start' = 'serve',
): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-'))
  const profile = process.env.BENCH_CPU_PROF
  const args = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []), main, command]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: serverEnv(databaseUrl, dataDir),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${out}`))
    })
  })
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout?.on('data', () => {})
  const pid = child.pid as number
  let peak = 0
  return {
    url,
    pid,
    dataDir,
    peakRssMb: () => {
      if (child.exitCode === null) peak = Math.max(peak, vm(pid, 'VmHWM'))
      return peak
    },
    rssMb: () => vm(pid, 'VmRSS'),
    stop: async () => {
      if (child.exitCode === null) {
        peak = Math.max(peak, vm(pid, 'VmHWM'))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
        await exited
        clearTimeout(timer)
      }
      if (databaseUrl !== null) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
