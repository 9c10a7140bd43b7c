import { execFile, execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const BIN = '/usr/lib/postgresql/15/bin'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * A PostgreSQL cluster of the test's own in a temp folder, for tests that restart it: never the
 * shared server. PostgreSQL refuses to run as root, so it runs as the `postgres` user when we are root.
 */
export async function startPrivatePostgres() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-pg-'))
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', `${BIN}/${tool}`, ...args], { stdio: 'pipe' })
      : execFileSync(`${BIN}/${tool}`, args, { stdio: 'pipe' })
  const data = path.join(dir, 'data')
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), ...args])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  ctl('-o', options, 'start')
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /**
     * A fast restart, as an operator's or a failover's: every connection is dropped. It runs
     * beside the test (not blocking it), so the load goes on while the server is down.
     */
    restart: async () => {
      const args = ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', options, '-m', 'fast', 'restart']
      const [file, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, ...args]]
        : [`${BIN}/pg_ctl`, args]
      await promisify(execFile)(file as string, argv as string[])
    },
    stop: () => {
      ctl('-m', 'immediate', 'stop')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
