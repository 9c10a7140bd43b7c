import type { Locator } from 'playwright-core'

/** Waits until the locator is visible; fails naming what was expected. */
export async function visible(locator: Locator, what: string, timeout = 15_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout })
  } catch {
    throw new Error(`expected to see ${what}`)
  }
  return locator.first()
}

/** Waits until nothing the locator matches is visible (a list reloading, a row deleted). */
export async function absent(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    let seen = false
    for (const match of await locator.all()) seen ||= await match.isVisible()
    if (!seen) return
    if (Date.now() > deadline) throw new Error(`expected not to see ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Waits until the locator's text matches. */
export async function hasText(locator: Locator, pattern: RegExp, what: string, timeout = 15_000) {
  const deadline = Date.now() + timeout
  let last = ''
  while (Date.now() < deadline) {
    last = (
      (await locator
        .first()
        .textContent()
        .catch(() => null)) ?? ''
    ).trim()
    if (pattern.test(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`expected ${what} to match ${pattern}, got "${last}"`)
}

export function equal<T>(actual: T, expected: T, what: string) {
  if (actual !== expected)
    throw new Error(`expected ${what} to be ${String(expected)}, got ${String(actual)}`)
}

/** Waits until the locator matches exactly `expected` elements (a list narrowed by a filter). */
export async function hasCount(locator: Locator, expected: number, what: string, timeout = 15_000) {
  const deadline = Date.now() + timeout
  let last = -1
  while (Date.now() < deadline) {
    last = await locator.count()
    if (last === expected) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`expected ${expected} ${what}, got ${last}`)
}
