/**
 * The browser test: starts Tributary on a fresh embedded database, drives Chromium through
 * every journey, screenshots each page into e2e/artifacts/, and ends with
 * `e2e: <passed> passed, <failed> failed`.
 */
import type { Browser } from 'playwright-core'
import { apiKeysAuditJourney } from './journeys/api-keys-audit.ts'
import { leadSourceSettingsJourney } from './journeys/lead-source-settings.ts'
import { partnerCompaniesJourney } from './journeys/partner-companies.ts'
import { queueJourney } from './journeys/queue.ts'
import { returnsJourney } from './journeys/returns.ts'
import { rolesJourney } from './journeys/roles.ts'
import { usersJourney } from './journeys/users.ts'
import { launchBrowser, Screenshots } from './lib/browser.ts'
import type { Journey } from './lib/journey.ts'
import { type RunningServer, startServer } from './lib/server.ts'

const journeys: Journey[] = [
  usersJourney,
  rolesJourney,
  partnerCompaniesJourney,
  leadSourceSettingsJourney,
  queueJourney,
  returnsJourney,
  apiKeysAuditJourney,
]

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
    console.log(`e2e: ${passed} passed, ${journeys.length - passed} failed`)
    process.exit(1)
  })
})

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

async function runJourney(journey: Journey, shots: Screenshots): Promise<boolean> {
  if (!server || !browser) throw new Error('not started')
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  console.log(`▶ ${journey.name}`)
  try {
    await journey.run({
      page,
      server,
      screenshot: async (name) => {
        await shots.take(page, name)
      },
      step: (text) => console.log(`  · ${text}`),
    })
    if (pageErrors.length) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`)
    console.log(`✔ ${journey.name}`)
    return true
  } catch (error) {
    console.error(`✘ ${journey.name}\n  at ${page.url()}\n${describe(error)}`)
    await shots.take(page, 'failure').catch(() => undefined)
    return false
  } finally {
    await context.close().catch(() => undefined)
  }
}

try {
  const shots = new Screenshots()
  console.log('e2e: starting the server (the first start also builds the web app)…')
  server = await startServer()
  console.log(`e2e: server at ${server.url}`)
  browser = await launchBrowser()
  for (const journey of journeys) {
    if (await runJourney(journey, shots)) passed++
    else failed++
  }
  if (failed && server) console.error(`--- last server output ---\n${server.recentOutput()}`)
} catch (error) {
  console.error(`e2e: could not run the journeys\n${describe(error)}`)
  failed = journeys.length - passed
} finally {
  await cleanUp()
}

console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
