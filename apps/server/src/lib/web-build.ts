import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Builds the SPA when its build is missing or older than its sources (a fresh checkout, an edit). */
export async function buildWebIfStale(webDist: string, log: Logger): Promise<void> {
  const webRoot = path.dirname(webDist)
  const sources = [
    path.join(webRoot, 'src'),
    path.join(webRoot, 'index.html'),
    path.join(webRoot, 'vite.config.ts'),
  ]
  if (!sources.every(existsSync)) return
  const built = path.join(webDist, 'index.html')
  const sourceTime = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  )
  if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) return
  log.info('building the web app')
  try {
    const { build } = await import('vite')
    await build({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' })
  } catch (err) {
    // The API still serves; the page at / says the web app is missing.
    log.error({ err }, 'the web app could not be built')
  }
}
