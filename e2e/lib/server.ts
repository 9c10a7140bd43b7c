import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export type RunningServer = {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  admin: { company: string; email: string; password: string }
  /** The last lines the server wrote, for a failure report. */
  recentOutput: () => string
  stop: () => Promise<void>
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
// The first start on a fresh checkout also builds the web app.
const START_TIMEOUT_MS = 180_000

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      // The server runs in its own process group; this reaches anything it started too.
      if (child.pid) process.kill(-child.pid, name)
    } catch {
      child.kill(name)
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * Starts `tributary start` on a free port and a fresh embedded database, and waits until it
 * has printed the demo admin's credentials and its listening line.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-e2e-'))
  const child = spawn(process.execPath, ['apps/server/src/main.ts', 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The exchange journey has two companies on this one server post to each other: its own
      // address in the Post URLs, and loopback let through the guard against private addresses.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
      // A delivery whose first attempt fails is tried again in seconds, not after the default
      // half minute: a journey waits for what was sold or distributed to arrive.
      EXCHANGE_RETRY_DELAY_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })

  // Last resort if the runner dies without calling stop(): the server is in its own process group.
  const killOnExit = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    } catch {}
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.once('exit', killOnExit)

  const recent: string[] = []
  const remember = (line: string) => {
    recent.push(line)
    if (recent.length > 60) recent.shift()
  }
  const recentOutput = () => recent.join('\n')
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    await stopProcess(child)
    rmSync(dataDir, { recursive: true, force: true })
  }

  const ready = new Promise<RunningServer>((resolve, reject) => {
    let email: string | undefined
    let password: string | undefined
    let company = 'demo'
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    )
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${signal ?? `code ${code}`}) before it was ready`))
    })
    createInterface({ input: child.stderr }).on('line', remember)
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line)
      const demo = /Log in at \S+\?company=([a-z0-9-]+)/.exec(line)
      if (demo?.[1]) company = demo[1]
      const field = /^\s*(email|password):\s+(\S+)\s*$/.exec(line)
      if (field?.[1] === 'email') email = field[2]
      if (field?.[1] === 'password') password = field[2]
      const listening = /Tributary listening on (http:\/\/\S+)/.exec(line)
      if (!listening) return
      clearTimeout(timer)
      if (!email || !password) {
        reject(new Error('the server is listening but printed no demo admin credentials'))
        return
      }
      resolve({ url: `http://127.0.0.1:${port}`, admin: { company, email, password }, recentOutput, stop })
    })
  })

  try {
    return await ready
  } catch (error) {
    await stop()
    const output = recentOutput()
    throw new Error(`${(error as Error).message}${output ? `\n--- server output ---\n${output}` : ''}`)
  }
}
