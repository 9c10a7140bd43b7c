import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url))

/** Full-page screenshots numbered in the order taken: `e2e/artifacts/07-users-roles.png`. */
export class Screenshots {
  private taken = 0

  constructor() {
    rmSync(artifactsDir, { recursive: true, force: true })
    mkdirSync(artifactsDir, { recursive: true })
  }

  async take(page: Page, name: string): Promise<string> {
    this.taken += 1
    const file = path.join(artifactsDir, `${String(this.taken).padStart(2, '0')}-${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  }
}
