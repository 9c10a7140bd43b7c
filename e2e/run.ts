/**
 * The browser test: starts Tributary on a fresh embedded database, drives Chromium through
 * every journey, screenshots each page into e2e/artifacts/, then does it all again on a phone
 * (390×844, a fresh server), where no page may be wider than the screen. Ends with
 * `e2e: <passed> passed, <failed> failed`.
 */
import type { Browser } from 'playwright-core'
import { apiKeysAuditJourney } from './journeys/api-keys-audit.ts'
import { deskJourney } from './journeys/desk.ts'
import { exchangeJourney } from './journeys/exchange.ts'
import { importJourney } from './journeys/import.ts'
import { leadManagementJourney } from './journeys/lead-management.ts'
import { leadSourceSettingsJourney } from './journeys/lead-source-settings.ts'
import { partnerCompaniesJourney } from './journeys/partner-companies.ts'
import { queueJourney } from './journeys/queue.ts'
import { reportsJourney } from './journeys/reports.ts'
import { returnsJourney } from './journeys/returns.ts'
import { rolesJourney } from './journeys/roles.ts'
import { usersJourney } from './journeys/users.ts'
import { assertFitsWidth, launchBrowser, Screenshots } from './lib/browser.ts'
import type { Journey } from './lib/journey.ts'
import { type RunningServer, startServer } from './lib/server.ts'

const allJourneys: Journey[] = [
  usersJourney,
  rolesJourney,
  partnerCompaniesJourney,
  leadSourceSettingsJourney,
  queueJourney,
  returnsJourney,
  exchangeJourney,
  apiKeysAuditJourney,
  importJourney,
  deskJourney,
  reportsJourney,
  leadManagementJourney,
]

/** Each journey runs once per viewport; the phone's screenshots are named `phone-…`. */
const allViewports = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const
type Viewport = (typeof allViewports)[number]
// E2E_VIEWPORT=phone runs one of them, while working on it.
const viewports = allViewports.filter((v) => !process.env.E2E_VIEWPORT || v.name === process.env.E2E_VIEWPORT)
// E2E_JOURNEY=<part of a name> runs the matching journeys, while working on one.
const journeys = allJourneys.filter(
  (j) => !process.env.E2E_JOURNEY || j.name.includes(process.env.E2E_JOURNEY),
)
const runs = journeys.length * viewports.length

let passed = 0
let failed = 0
let server: RunningServer | undefined
let browser: Browser | undefined

async function cleanUp() {
  await browser?.close().catch(() => undefined)
  await server?.stop().catch(() => undefined)
  browser = undefined
  server = undefined
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130))
  })
}
process.on('unhandledRejection', (reason) => {
  // A stray promise from the page or the driver: report it, clean up, fail.
  console.error('e2e: unhandled rejection', reason)
  void cleanUp().finally(() => {
    console.log(`e2e: ${passed} passed, ${runs - passed} failed`)
    process.exit(1)
  })
})

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

async function runJourney(journey: Journey, shots: Screenshots, viewport: Viewport): Promise<boolean> {
  if (!server || !browser) throw new Error('not started')
  const { width, height } = viewport
  const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const title = `${journey.name} (${viewport.name})`
  console.log(`▶ ${title}`)
  try {
    await journey.run({
      page,
      server,
      screenshot: async (name) => {
        // Every page a journey visits must fit the screen: tables scroll inside their card.
        if (viewport.name === 'phone') await assertFitsWidth(page, width, name)
        await shots.take(page, viewport.name === 'phone' ? `phone-${name}` : name)
      },
      step: (text) => console.log(`  · ${text}`),
    })
    if (pageErrors.length) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`)
    console.log(`✔ ${title}`)
    return true
  } catch (error) {
    console.error(`✘ ${title}\n  at ${page.url()}\n${describe(error)}`)
    await shots.take(page, 'failure').catch(() => undefined)
    return false
  } finally {
    await context.close().catch(() => undefined)
  }
}

try {
  const shots = new Screenshots()
  browser = await launchBrowser()
  for (const viewport of viewports) {
    // A fresh server (and demo company) per viewport: the journeys add the same users and roles.
    console.log(
      `e2e: starting the server for the ${viewport.name} run (the first start also builds the web app)…`,
    )
    server = await startServer()
    console.log(`e2e: server at ${server.url}`)
    const failedBefore = failed
    for (const journey of journeys) {
      if (await runJourney(journey, shots, viewport)) passed++
      else failed++
    }
    if (failed > failedBefore) console.error(`--- last server output ---\n${server.recentOutput()}`)
    await server.stop()
    server = undefined
  }
} catch (error) {
  console.error(`e2e: could not run the journeys\n${describe(error)}`)
  failed = runs - passed
} finally {
  await cleanUp()
}

console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
