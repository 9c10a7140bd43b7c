import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { logIn, openSection } from '../lib/app.ts'
import { csrfHeader } from '../lib/exchange-steps.ts'
import { equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

/** A surname of letters only, so a search finds this run's leads and no phone number. */
const stamp = String(Date.now()).slice(-4)
const surname = `Deskman-${[...stamp].map((digit) => 'abcdefghij'[Number(digit)]).join('')}`

/** Two leads of the demo source ABC Leads in the Queue, through the API. */
async function createLeads(page: Page): Promise<{ number: number; name: string }[]> {
  const partners = await page.request.get('/api/v1/partner-companies?limit=200')
  const { items } = (await partners.json()) as { items: { id: string; name: string }[] }
  const abc = items.find((p) => p.name === 'ABC Leads, Inc.')
  if (!abc) throw new Error('expected the demo source ABC Leads, Inc.')
  const created = []
  for (const [i, firstName] of ['Dana', 'Dale'].entries()) {
    const response = await page.request.post('/api/v1/leads', {
      headers: await csrfHeader(page),
      data: {
        partnerCompanyId: abc.id,
        location: 'queue',
        firstName,
        lastName: surname,
        phone: `(623) 555-01${i}${stamp.slice(-1)}`,
        address: { city: 'Tempe', region: 'AZ', postalCode: '85281', country: 'US' },
      },
    })
    if (response.status() !== 201)
      throw new Error(`expected 201 for a new lead, got ${response.status()}: ${await response.text()}`)
    const { number } = (await response.json()) as { number: number }
    created.push({ number, name: `${firstName} ${surname}` })
  }
  return created
}

const numbersOf = async (page: Page) =>
  (await page.getByRole('table', { name: 'Leads' }).locator('tbody td.number-col').allTextContents()).map(
    Number,
  )

/**
 * A day at the lead desk (issue 13): the list says how many leads match, sorts by a column
 * (both ways), two leads are ticked and moved to Pending in one action, and the list exports.
 */
export const deskJourney: Journey = {
  name: 'a manager sorts the leads, moves two at once and exports the list',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })
    const leads = await createLeads(page)

    step('Leads → All shows the total matching')
    await openSection(page, 'Leads', 'Leads')
    await page.getByRole('navigation', { name: 'Lead lists' }).getByRole('link', { name: 'All' }).click()
    await hasText(page.locator('.list-summary'), /\d+ leads match/, 'the total above the list')

    step('the # header sorts by number, ascending then descending')
    const numberHeader = page.getByRole('columnheader', { name: '#' })
    await numberHeader.getByRole('button').click()
    await hasText(page.locator('th[aria-sort="ascending"]'), /#/, 'the number column sorted ascending')
    let numbers = await numbersOf(page)
    equal(
      numbers.every((n, i) => i === 0 || (numbers[i - 1] as number) < n),
      true,
      'numbers ascending',
    )
    await numberHeader.getByRole('button').click()
    await hasText(page.locator('th[aria-sort="descending"]'), /#/, 'the number column sorted descending')
    const deadline = Date.now() + 15_000
    do {
      numbers = await numbersOf(page)
      if (numbers.every((n, i) => i === 0 || (numbers[i - 1] as number) > n)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    } while (Date.now() < deadline)
    equal(new URL(page.url()).searchParams.get('sort'), '-number', 'the sort in the address')
    await screenshot('leads-sorted')

    step('the two new leads are found, ticked and moved to Pending')
    const filters = page.getByRole('search', { name: 'Filter leads' })
    await filters.getByLabel('Search', { exact: true }).fill(surname)
    await filters.getByLabel('Search', { exact: true }).press('Enter')
    await hasText(page.locator('.list-summary'), /^2 leads match/, 'the total of the search')
    for (const lead of leads) {
      await page
        .getByRole('checkbox', { name: `Select lead #${lead.number} ${lead.name}`, exact: true })
        .check()
    }
    const bar = page.getByRole('toolbar', { name: 'Selected leads' })
    await bar.getByRole('button', { name: 'Move…', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Move 2 leads' })
    await visible(dialog, 'the Move dialog')
    await dialog.getByLabel('To', { exact: true }).selectOption({ label: 'Pending' })
    await dialog.getByRole('button', { name: 'Move 2 leads', exact: true }).click()
    await hasText(dialog.getByRole('status'), /^2 leads moved\.$/, 'the summary of the move')
    await screenshot('leads-moved')
    await dialog.getByRole('button', { name: 'Done', exact: true }).click()
    for (const lead of leads) {
      await hasText(
        page
          .getByRole('table', { name: 'Leads' })
          .getByRole('row')
          .filter({ hasText: lead.name })
          .getByTestId('location'),
        /Pending/,
        `lead #${lead.number} in Pending`,
      )
    }

    step('Export CSV downloads the list as it is filtered')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ])
    equal(download.suggestedFilename(), 'leads.csv', 'the name of the file')
    const path = await download.path()
    const lines = (await readFile(path, 'utf8')).trim().split(/\r?\n/)
    equal(lines.length, 3, 'the header and the two leads')
    equal(lines[0]?.startsWith('Number,First name,Last name'), true, 'the header row')
  },
}
