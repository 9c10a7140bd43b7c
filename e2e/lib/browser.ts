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

/** Fails when the page is wider than the screen, naming the widest elements that stick out. */
export async function assertFitsWidth(page: Page, width: number, where: string) {
  const measured = await page.evaluate((limit) => {
    const scrollWidth = document.documentElement.scrollWidth
    const culprits: string[] = []
    if (scrollWidth > limit) {
      // Elements inside a scrolling box (a table in its card) may be wider: the box scrolls.
      const scrolls = (element: Element | null): boolean => {
        for (let at = element?.parentElement; at && at !== document.body; at = at.parentElement)
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(at).overflowX)) return true
        return false
      }
      for (const element of document.querySelectorAll('body *')) {
        const box = element.getBoundingClientRect()
        if (box.right > limit + 1 && culprits.length < 5 && !scrolls(element)) {
          const name = element.getAttribute('class') ?? ''
          culprits.push(
            `${element.tagName.toLowerCase()}${name ? `.${name.split(' ').join('.')}` : ''} (${Math.round(box.right)}px)`,
          )
        }
      }
    }
    return { scrollWidth, culprits }
  }, width)
  if (measured.scrollWidth > width)
    throw new Error(
      `"${where}" is ${measured.scrollWidth}px wide on a ${width}px screen; sticking out: ${measured.culprits.join(', ')}`,
    )
}
