import type { Locator } from 'playwright-core'
import { logIn } from '../lib/app.ts'
import { equal, hasCount, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

/** The numbers of one column of a table's body, in the order shown. */
async function columnNumbers(table: Locator, column: number): Promise<number[]> {
  const cells = await table.locator(`tbody tr td:nth-child(${column})`).allTextContents()
  return cells.map((c) => Number(c.replace(/[^\d.]/g, '')))
}

const isSorted = (xs: number[], descending: boolean) =>
  xs.every((x, i) => i === 0 || (descending ? (xs[i - 1] as number) >= x : (xs[i - 1] as number) <= x))

export const reportsJourney: Journey = {
  name: 'an admin reads the dashboard: sorts sources, opens a chart as a table, changes the period',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step("The home page is the dashboard, with today's numbers and the demo leads counted")
    await page.goto('/')
    await visible(
      page.getByRole('heading', { name: 'Dashboard', level: 1 }),
      'the dashboard as the home page',
    )
    const newLeads = page.locator('.stat').filter({ hasText: 'New leads' }).locator('.stat-value')
    step(`  new leads today: ${await hasText(newLeads, /^\d+$/, "today's new leads")}`)
    const sources = page.getByRole('table', { name: 'Sources' })
    await visible(sources, 'the sources table')
    const total = sources.locator('tfoot td').nth(1)
    const received = Number(await hasText(total, /^[1-9]\d*$/, 'the leads received in 30 days'))
    step(`  received in the last 30 days: ${received}`)
    await screenshot('dashboard')

    step('Sorting the sources by Received, then the other way round')
    const receivedHeader = sources.getByRole('columnheader', { name: /Received/ })
    equal(await receivedHeader.getAttribute('aria-sort'), 'descending', 'the first sort of the sources')
    equal(isSorted(await columnNumbers(sources, 2), true), true, 'received sorted high to low')
    await receivedHeader.getByRole('button').click()
    await hasText(sources.locator('thead'), /Received▲/, 'the ascending mark')
    equal(await receivedHeader.getAttribute('aria-sort'), 'ascending', 'the second sort of the sources')
    equal(isSorted(await columnNumbers(sources, 2), false), true, 'received sorted low to high')
    await screenshot('dashboard-sorted')

    step('The leads-per-day chart shows its numbers as a table, one row a day')
    const card = page.locator('.chart-card').filter({ hasText: 'Leads per day by source' })
    await visible(card.locator('.recharts-surface'), 'the stacked bar chart')
    await card.getByRole('button', { name: 'Show table' }).click()
    const perDay = page.getByRole('table', { name: 'Leads per day' })
    await hasCount(perDay.locator('tbody tr'), 30, 'days in the table')
    const days = await columnNumbers(perDay, (await perDay.locator('thead th').count()) - 3)
    equal(
      days.reduce((a, b) => a + b, 0),
      received,
      'the days adding up to the sources total',
    )
    await screenshot('dashboard-daily-table')

    step('The last 7 days: the table and the sources follow the period')
    await page.getByRole('button', { name: '7 days', exact: true }).click()
    await hasCount(perDay.locator('tbody tr'), 7, 'days in the table after choosing 7 days')
    const url = new URL(page.url())
    equal(url.searchParams.has('from') && url.searchParams.has('to'), true, 'the period kept in the address')
    const to = url.searchParams.get('to') as string
    await page.getByLabel('From', { exact: true }).fill(to)
    await hasCount(perDay.locator('tbody tr'), 1, 'days in the table for a one-day period')
    await screenshot('dashboard-one-day')
    await card.getByRole('button', { name: 'Show chart' }).click()
    await visible(card.locator('.recharts-surface'), 'the chart again')
  },
}
