import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const tributary = (args: string[], env: Record<string, string> = {}) => {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'))
  return run(process.execPath, [main, ...args], {
    env: { ...base, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  })
}

describe('tributary command', () => {
  it('stops on a wrong configuration with a readable list of every problem', async () => {
    const failure = await tributary(['migrate'], {
      PORT: 'eighty',
      SMTP_URL: 'not a url',
      SIGNUP_ENABLED: 'maybe',
    }).catch((e: { code: number; stderr: string }) => e)
    expect(failure).toMatchObject({ code: 1 })
    const { stderr } = failure as { stderr: string }
    expect(stderr).toContain('Invalid configuration')
    for (const name of ['PORT', 'SMTP_URL', 'SIGNUP_ENABLED']) expect(stderr).toContain(`${name}:`)
  })

  it('refuses an unknown command with its usage', async () => {
    const failure = await tributary(['frobnicate']).catch((e: { code: number; stderr: string }) => e)
    expect(failure).toMatchObject({ code: 2 })
    expect((failure as { stderr: string }).stderr).toContain('Usage: tributary')
  })

  it('serve creates no demo company: seed afterwards still has one to make', async () => {
    const serveDir = mkdtempSync(path.join(tmpdir(), 'tributary-serve-'))
    try {
      const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'))
      const env = { ...base, DATA_DIR: serveDir, LOG_LEVEL: 'warn', PORT: '0', WEB_DIST: '/nonexistent' }
      const server = spawn(process.execPath, [main, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      let output = ''
      await new Promise<void>((listening, failed) => {
        server.stdout?.on('data', (chunk: Buffer) => {
          output += chunk
          if (output.includes('Tributary listening')) listening()
        })
        server.once('exit', (code) => failed(new Error(`serve exited with ${code}: ${output}`)))
      })
      await new Promise((stopped) => {
        server.removeAllListeners('exit')
        server.once('exit', stopped)
        server.kill('SIGTERM')
      })
      expect(output).not.toContain('Demo company')
      const seeded = await run(process.execPath, [main, 'seed'], { env })
      expect(seeded.stdout).toMatch(/email: +admin@demo\.test/)
    } finally {
      rmSync(serveDir, { recursive: true, force: true })
    }
  })

  it('seeds the demo company once on the embedded database and prints its admin password once', async () => {
    const first = await tributary(['seed'])
    expect(first.stdout).toMatch(/email: +admin@demo\.test/)
    expect(first.stdout).toMatch(/password: +\S{12,}/)
    const second = await tributary(['seed'])
    expect(second.stdout).toContain('already exists')
    expect(second.stdout).not.toMatch(/password:/)
  })
})
