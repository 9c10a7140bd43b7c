import type { Page } from 'playwright-core'
import { openSection } from './app.ts'
import { equal, hasText, visible } from './expect.ts'

/** Steps of the exchange journey that would otherwise crowd it: sign-up, a lead, a partner form. */

export type Company = { slug: string; name: string; email: string; password: string }

/** A second company on the same server, through the public sign-up; the browser stays logged out. */
export async function signUp(page: Page, name: string): Promise<Company> {
  const email = `owner@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`
  const password = 'buys-leads-over-the-exchange'
  const response = await page.request.post('/api/v1/signup', {
    data: { companyName: name, name: 'Bea Buyer', email, password },
  })
  if (response.status() !== 201)
    throw new Error(`expected 201 for the sign-up, got ${response.status()}: ${await response.text()}`)
  const { company } = (await response.json()) as { company: { slug: string; name: string } }
  equal(company.name, name, 'the name of the company signed up')
  // Sign-up logs the new owner in; the journey logs in through the form like anyone else.
  await page.context().clearCookies()
  return { slug: company.slug, name, email, password }
}

/** Cookie-authenticated writes carry the session's CSRF token, as the web app sends it. */
export async function csrfHeader(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'tributary_csrf')
  if (!cookie) throw new Error('expected the CSRF cookie after logging in')
  return { 'x-csrf-token': decodeURIComponent(cookie.value) }
}

export type CreatedLead = { id: string; number: number; name: string }

/** A fresh lead from the demo source ABC Leads, into the Queue, as a source's system posts one. */
export async function createLead(
  page: Page,
  firstName: string,
  lastName: string,
  phone = '(480) 555-0142',
): Promise<CreatedLead> {
  const partners = await page.request.get('/api/v1/partner-companies?limit=200')
  equal(partners.status(), 200, 'the status of listing partner companies')
  const { items } = (await partners.json()) as { items: { id: string; name: string }[] }
  const source = items.find((p) => p.name === 'ABC Leads, Inc.')
  if (!source) throw new Error('expected the demo source ABC Leads, Inc.')
  const response = await page.request.post('/api/v1/leads', {
    headers: await csrfHeader(page),
    data: {
      partnerCompanyId: source.id,
      location: 'queue',
      firstName,
      lastName,
      email: `${firstName}.${lastName}@example.net`.toLowerCase(),
      phone,
      address: { city: 'Scottsdale', region: 'AZ', postalCode: '85251', country: 'US' },
    },
  })
  if (response.status() !== 201)
    throw new Error(`expected 201 for a new lead, got ${response.status()}: ${await response.text()}`)
  const { id, number } = (await response.json()) as { id: string; number: number }
  return { id, number, name: `${firstName} ${lastName}` }
}

/** Partner Companies → Add partner company, with its name; returns the form. */
export async function startPartnerCompany(page: Page, name: string) {
  await openSection(page, 'Partner Companies', 'Partner Companies')
  await page.getByRole('link', { name: 'Add partner company' }).click()
  await visible(page.getByRole('heading', { name: 'Add partner company', level: 1 }), 'the Add page')
  const form = page.getByRole('form', { name: 'Add partner company' })
  await form.getByLabel('Company Name', { exact: true }).fill(name)
  await form.getByLabel('Kind', { exact: true }).selectOption('outside')
  return form
}

/** Saves the Add form and waits for the new partner company's page. */
export async function savePartnerCompany(page: Page, name: string) {
  await page
    .getByRole('form', { name: 'Add partner company' })
    .getByRole('button', { name: 'Save', exact: true })
    .click()
  await visible(page.getByRole('heading', { name, level: 1 }), `the page of ${name}`)
  await visible(page.getByRole('status').getByText(`${name} added.`), 'the confirmation')
}

/** Leads → All, searched for `surname`; returns the lead's row. */
export async function findLead(page: Page, lead: CreatedLead, surname: string) {
  await openSection(page, 'Leads', 'Leads')
  await page.getByRole('navigation', { name: 'Lead lists' }).getByRole('link', { name: 'All' }).click()
  const search = page.getByRole('search', { name: 'Filter leads' }).getByLabel('Search', { exact: true })
  await search.fill(surname)
  await search.press('Enter')
  const row = page.getByRole('table', { name: 'Leads' }).getByRole('row').filter({ hasText: lead.name })
  return visible(row, `${lead.name} in the Leads list`)
}

/** Deliveries (through the navigation), and the row of what was sent (`Lead sold`) to `partner`. */
export async function openDelivery(page: Page, what: string, partner: string) {
  await openSection(page, 'Deliveries', 'Deliveries')
  const row = page
    .getByRole('table', { name: 'Deliveries' })
    .getByRole('row')
    .filter({ hasText: what })
    .filter({ hasText: partner })
  await visible(row, `${what} to ${partner} in the Deliveries list`)
  return row
}

/** Clicks Refresh on the Deliveries page until the row's state reads `state` (the worker polls). */
export async function awaitDeliveryState(page: Page, row: ReturnType<Page['getByRole']>, state: RegExp) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const seen =
      (await row
        .getByTestId('delivery-state')
        .first()
        .textContent()
        .catch(() => '')) ?? ''
    if (state.test(seen.trim())) return
    if (Date.now() > deadline) throw new Error(`expected the delivery ${state}, got "${seen}"`)
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** The state badge of a Connection panel. */
export async function connectionState(page: Page, pattern: RegExp) {
  const panel = page.getByRole('region', { name: 'Connection' })
  return hasText(panel.getByTestId('connection-state'), pattern, 'the connection state')
}
