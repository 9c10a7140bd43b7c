import type { Locator, Page } from 'playwright-core'
import { logIn, openSection } from '../lib/app.ts'
import { absent, equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'
import { unusedName } from '../lib/names.ts'

const source = 'ABC Leads, Inc.'
/** The demo data gives ABC Leads this return notification address, comments on, and an auto-response. */
const returnsAddress = 'returns@abcleads.example'

/**
 * A fresh database per run, but 200 demo leads: a surname of letters only (a search with digits
 * would also match phone numbers) finds this run's three leads and nothing else.
 */
const stamp = String(Date.now()).slice(-4)
const tag = [...stamp].map((digit) => 'abcdefghij'[Number(digit)]).join('')
const surname = `Rendell-${tag}`
const newLeads = [
  { firstName: 'Rita', phone: `(602) 555-02${stamp.slice(-2)}` },
  { firstName: 'Ross', phone: `(602) 555-03${stamp.slice(-2)}` },
  { firstName: 'Rhea', phone: `(602) 555-04${stamp.slice(-2)}` },
]
const comment = `Three wrong numbers in a row from this list (${tag})`
/** Written when the leads arrive; the return must add its comment beside it, not over it. */
const intakeComment = `Asked for a quote on solar panels (${tag})`

type CreatedLead = { id: string; number: number; name: string }

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Cookie-authenticated writes carry the session's CSRF token, as the web app sends it. */
async function csrfHeader(page: Page): Promise<Record<string, string>> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'tributary_csrf')
  if (!cookie) throw new Error('expected the CSRF cookie after logging in')
  return { 'x-csrf-token': decodeURIComponent(cookie.value) }
}

/** Adds the three leads through the API, into the Queue, as a source's system would post them. */
async function createLeads(page: Page): Promise<CreatedLead[]> {
  const partners = await page.request.get('/api/v1/partner-companies?limit=200')
  equal(partners.status(), 200, 'the status of listing partner companies')
  const { items } = (await partners.json()) as { items: { id: string; name: string }[] }
  const abc = items.find((p) => p.name === source)
  if (!abc) throw new Error(`expected the demo source ${source}`)
  const headers = await csrfHeader(page)
  const created: CreatedLead[] = []
  for (const lead of newLeads) {
    const response = await page.request.post('/api/v1/leads', {
      headers,
      data: {
        partnerCompanyId: abc.id,
        location: 'queue',
        firstName: lead.firstName,
        lastName: surname,
        email: `${lead.firstName.toLowerCase()}.${surname.toLowerCase()}@example.net`,
        phone: lead.phone,
        address: { city: 'Mesa', region: 'AZ', postalCode: '85201', country: 'US' },
        callCenterComments: intakeComment,
      },
    })
    if (response.status() !== 201)
      throw new Error(`expected 201 for a new lead, got ${response.status()}: ${await response.text()}`)
    const { id, number } = (await response.json()) as { id: string; number: number }
    created.push({ id, number, name: `${lead.firstName} ${surname}` })
  }
  return created
}

/** Waits until the list shows exactly `count` rows (the previous list stays up while the next loads). */
async function rowCount(rows: Locator, count: number, what: string) {
  const deadline = Date.now() + 15_000
  let seen = await rows.count()
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${what}: ${count} rows, got ${seen}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    seen = await rows.count()
  }
}

const leadRow = (page: Page, lead: CreatedLead) =>
  page.getByRole('table', { name: 'Leads' }).getByRole('row').filter({ hasText: lead.name })

/**
 * Returns (PRODUCT §3): the admin adds a return reason and moves it up the list, three new leads
 * from ABC Leads arrive in the Queue, and the admin ticks them in the Queue tab and returns them
 * with that reason and a comment. They leave the Queue (All shows them Returned), and the Mail
 * page holds the one email to ABC Leads' return address, built from its auto-response, listing
 * all three with the comment.
 */
export const returnsJourney: Journey = {
  name: 'an admin returns three leads and finds the return email on the Mail page',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('Return Reasons lists the reasons every company starts with; a taken name is refused')
    await openSection(page, 'Return Reasons', 'Return Reasons')
    const table = page.getByRole('table', { name: 'Return reasons' })
    await visible(table.getByRole('rowheader', { name: 'Not interested', exact: true }), 'a default reason')
    const form = page.getByRole('form', { name: 'Add return reason' })
    await form.getByLabel('New return reason', { exact: true }).fill('duplicate')
    await form.getByRole('button', { name: 'Add return reason' }).click()
    const nameField = form.locator('.field.has-error')
    step(`  field error: "${await hasText(nameField.locator('.field-error'), /\S/, 'the taken name error')}"`)
    await screenshot('return-reason-taken')

    const reason = unusedName(
      await table.getByRole('rowheader').allTextContents(),
      'Already has an alarm system',
    )
    step(`"${reason}" is added at the end of the list, then moved up one place`)
    await form.getByLabel('New return reason', { exact: true }).fill(reason)
    await form.getByRole('button', { name: 'Add return reason' }).click()
    await visible(page.getByRole('status').getByText(`${reason} added.`), 'the added reason')
    const names = async () => (await table.getByRole('rowheader').allTextContents()).map((n) => n.trim())
    // The list reloads after the notice shows: wait for the new reason to be in it.
    await hasText(table.getByRole('row').last(), new RegExp(escaped(reason)), 'the new reason in the list')
    const before = await names()
    equal(before[before.length - 1], reason, 'the last reason after adding')
    await page.getByRole('button', { name: `Move ${reason} up`, exact: true }).click()
    await visible(page.getByRole('status').getByText(`${reason} moved up.`), 'the moved reason')
    await hasText(
      table.getByRole('row').nth(before.length - 1),
      new RegExp(escaped(reason)),
      'the reason one place higher',
    )
    const after = await names()
    equal(after[after.length - 2], reason, 'the place of the moved reason')
    await screenshot('return-reasons')

    step(`three leads from ${source} arrive through the API, into the Queue`)
    const leads = await createLeads(page)
    step(`  leads #${leads.map((l) => l.number).join(', #')}`)

    step(`Leads → Queue, filtered to ${source} and searched for the three`)
    await openSection(page, 'Leads', 'Leads')
    await page.getByRole('navigation', { name: 'Lead lists' }).getByRole('link', { name: 'Queue' }).click()
    const filters = page.getByRole('search', { name: 'Filter leads' })
    await filters.getByLabel('Source', { exact: true }).selectOption({ label: source })
    await visible(page.getByRole('table', { name: 'Leads' }), `the Queue of ${source}`)
    await screenshot('queue-abc-leads')
    await filters.getByLabel('Search', { exact: true }).fill(surname)
    await filters.getByLabel('Search', { exact: true }).press('Enter')
    await rowCount(page.getByRole('table', { name: 'Leads' }).locator('tbody tr'), 3, 'the three leads alone')
    for (const lead of leads) await visible(leadRow(page, lead), `lead #${lead.number} in the Queue`)
    const url = new URL(page.url())
    equal(url.searchParams.get('tab'), 'queue', 'the tab in the address')
    equal(url.searchParams.get('q'), surname, 'the search in the address')

    step('the three are ticked; Return opens the dialog')
    for (const lead of leads) {
      await page
        .getByRole('checkbox', { name: `Select lead #${lead.number} ${lead.name}`, exact: true })
        .check()
    }
    const selectionBar = page.getByRole('toolbar', { name: 'Selected leads' })
    await hasText(selectionBar, /3 leads selected/, 'the selection count')
    await screenshot('queue-three-selected')
    await selectionBar.getByRole('button', { name: 'Return', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Return 3 leads' })
    await visible(dialog, 'the Return dialog')
    for (const lead of leads) await visible(dialog.getByText(lead.name), `lead #${lead.number} in the dialog`)

    step('without a reason the dialog says so beside the field')
    await dialog.getByRole('button', { name: 'Return 3 leads', exact: true }).click()
    const reasonField = dialog.locator('.field.has-error', {
      has: page.getByLabel('Reason', { exact: true }),
    })
    step(`  field error: "${await hasText(reasonField.locator('.field-error'), /\S/, 'the reason error')}"`)

    step(`the reason "${reason}" and a comment; three "Returned" results`)
    await dialog.getByLabel('Reason', { exact: true }).selectOption({ label: reason })
    await dialog.getByLabel('Call-center comments', { exact: true }).fill(comment)
    await screenshot('return-dialog')
    await dialog.getByRole('button', { name: 'Return 3 leads', exact: true }).click()
    const results = dialog.getByRole('list', { name: 'Return results' })
    await visible(results, 'the results of the return')
    for (const lead of leads) {
      await hasText(
        results.getByRole('listitem').filter({ hasText: lead.name }),
        /Returned ✓/,
        `the result for lead #${lead.number}`,
      )
    }
    equal(await results.getByText('Returned ✓').count(), 3, 'leads returned')
    await hasText(dialog.getByRole('status'), /^3 leads returned\.$/, 'the summary')
    await screenshot('return-results')
    await dialog.getByRole('button', { name: 'Done', exact: true }).click()
    await absent(dialog, 'the dialog after Done')

    step('they have left the Queue')
    await visible(page.getByText('No lead matches these filters.'), 'the empty Queue')
    await visible(
      page.getByRole('status').getByText('3 leads returned to their sources.'),
      'the notice above the list',
    )
    await screenshot('queue-after-return')

    step('under All they show with location Returned')
    await page.getByRole('navigation', { name: 'Lead lists' }).getByRole('link', { name: 'All' }).click()
    for (const lead of leads) {
      await hasText(
        leadRow(page, lead).getByTestId('location'),
        /^Returned$/,
        `lead #${lead.number}'s location`,
      )
    }
    await screenshot('all-returned')

    step(`Mail: one email to ${returnsAddress} about the return`)
    await openSection(page, 'Mail', 'Mail')
    await visible(page.getByText(/no SMTP server was configured/), 'the note that mail is only logged')
    const subject = new RegExp(
      `^Returned lead (${leads.map((l) => l.number).join('|')}): ${escaped(reason)}$`,
    )
    const mailRow = page
      .getByRole('table', { name: 'Mail' })
      .getByRole('row')
      .filter({ hasText: returnsAddress })
      .filter({ has: page.getByRole('link', { name: subject }) })
    await visible(mailRow, 'the return email in the Mail list')
    equal(await mailRow.count(), 1, 'return emails to ABC Leads for this batch')
    await hasText(mailRow.getByTestId('mail-state'), /^Logged$/, 'the state of the email')
    await screenshot('mail')

    step('filtered to Logged, it is still there')
    await page
      .getByRole('search', { name: 'Filter mail' })
      .getByLabel('State', { exact: true })
      .selectOption('logged')
    await visible(mailRow, 'the return email among Logged emails')
    if (!page.url().includes('state=logged'))
      throw new Error(`the filter is not in the address: ${page.url()}`)

    step('the email lists the three lead numbers and the comment, in text and HTML')
    await mailRow.getByRole('link', { name: subject }).click()
    await hasText(page.getByTestId('mail-subject'), subject, 'the subject of the email')
    await hasText(page.getByTestId('mail-to'), new RegExp(`^${escaped(returnsAddress)}$`), 'the recipient')
    const text = await hasText(page.getByTestId('mail-text'), /Returned:/, 'the text of the email')
    for (const lead of leads) {
      if (!text.includes(`Lead ${lead.number}: ${lead.name}`))
        throw new Error(`expected the email to list "Lead ${lead.number}: ${lead.name}", got:\n${text}`)
    }
    if (!text.includes(comment)) throw new Error(`expected the email to carry the comment, got:\n${text}`)
    if (!text.includes('Hello Alice Abbott'))
      throw new Error(`expected the auto-response "Lead return notice" to be used, got:\n${text}`)
    const frame = page.frameLocator('iframe[title="HTML part"]')
    for (const lead of leads) {
      await visible(
        frame.getByText(`Lead ${lead.number}: ${lead.name}`),
        `lead #${lead.number} in the HTML part`,
      )
    }
    const about = await visible(page.getByRole('link', { name: /^Lead #\d+ — / }), 'the link to the lead')
    const href = await about.getAttribute('href')
    if (!leads.some((l) => href === `/leads/${l.id}`))
      throw new Error(`expected a link to a returned lead, got ${href}`)
    await screenshot('mail-message')

    step('the lead it links to is Returned, and its timeline has the return and the email')
    await about.click()
    await hasText(page.getByTestId('location').first(), /^Returned$/, 'the location of the lead')
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await visible(timeline.getByText('Returned to its source'), 'the return in the timeline')
    await visible(
      timeline.getByText(`Return notification emailed to ${returnsAddress}`),
      'the return email in the timeline',
    )
    await absent(
      page.getByRole('button', { name: 'Return', exact: true }),
      'a Return button on a returned lead',
    )
    await screenshot('returned-lead')

    step("its call-center comments keep the first one and add the return's, each with its author")
    const history = page.getByRole('list', { name: 'Call-center comments' })
    const entries = history.getByRole('listitem')
    await hasText(entries.nth(0), new RegExp(escaped(intakeComment)), 'the comment written at intake')
    await hasText(
      entries.nth(1),
      new RegExp(`${escaped(comment)}[\\s\\S]*with the return`),
      "the return's comment",
    )
    equal(await entries.count(), 2, 'the number of comments')
    await screenshot('returned-lead-comments')
  },
}
