import type { Page } from 'playwright-core'
import { logIn, logOut, openSection } from '../lib/app.ts'
import {
  type CreatedLead,
  createLead,
  findLead,
  savePartnerCompany,
  signUp,
  startPartnerCompany,
} from '../lib/exchange-steps.ts'
import { equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const partnerName = 'Channel Partner Co'
const supplierName = 'Demo supplier'
/** Letters only: the Leads search would match digits in phone numbers too. */
const surname = `Channel-${[...String(Date.now()).slice(-5)].map((d) => 'abcdefghij'[Number(d)]).join('')}`

/** The number a lead has in this company's list (each company numbers its own leads). */
async function rowNumber(page: Page, lead: CreatedLead): Promise<string> {
  const box = page.getByRole('checkbox', { name: new RegExp(`^Select lead #\\d+ ${lead.name}$`) })
  const label =
    (await visible(box, `the row of ${lead.name}`).then((b) => b.getAttribute('aria-label'))) ?? ''
  const number = /#(\d+)/.exec(label)?.[1]
  if (!number) throw new Error(`expected a lead number in "${label}"`)
  return number
}

/** Leads → Awaiting acceptance, reloaded until every lead has arrived (deliveries are queued). */
async function awaitArrival(page: Page, leads: CreatedLead[]) {
  await openSection(page, 'Leads', 'Leads')
  await page
    .getByRole('navigation', { name: 'Lead lists' })
    .getByRole('link', { name: 'Awaiting acceptance' })
    .click()
  const deadline = Date.now() + 30_000
  for (;;) {
    const shown = await Promise.all(
      leads.map((lead) =>
        page.getByRole('checkbox', { name: new RegExp(`^Select lead #\\d+ ${lead.name}$`) }).isVisible(),
      ),
    )
    if (shown.every(Boolean)) return
    if (Date.now() > deadline) throw new Error('expected the distributed leads to arrive within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await page.reload()
  }
}

/**
 * Seed 004 through the UI, supplier → partner → supplier: a channel partner signs up and adds
 * the demo company as its supplier; the demo admin connects it, sends it registration rules and
 * distributes two leads; the partner builds an auto-registration rule and previews it, turns
 * auto-accept on and off, sees the supplier's nominee, accepts one lead on its page and declines
 * the other from the Awaiting acceptance tab; the supplier reads the decline and its reason.
 */
export const leadManagementJourney: Journey = {
  name: 'a supplier distributes leads; the channel partner sets lead management, accepts one, declines one',
  async run({ page, server, screenshot, step }) {
    step(`${partnerName} signs up and adds "${supplierName}", which sends it leads`)
    const partner = await signUp(page, partnerName)
    const asPartner = { company: partner.slug, login: partner.email, password: partner.password }
    await logIn(page, asPartner)
    const supplierForm = await startPartnerCompany(page, supplierName)
    await supplierForm.getByRole('checkbox', { name: 'Sells Leads', exact: true }).check()
    await supplierForm.getByLabel('Default Lead Location', { exact: true }).selectOption('queue')
    await savePartnerCompany(page, supplierName)
    const supplierPage = page.url()
    const connection = page.getByRole('region', { name: 'Connection' })
    await connection.getByRole('button', { name: 'Generate posting credentials', exact: true }).click()
    const issued = page.getByRole('region', { name: 'New posting credentials' })
    const code = await issued.getByLabel('Connection code', { exact: true }).inputValue()
    await logOut(page)

    step(`the demo admin connects ${partnerName} (Buys Leads over the exchange)`)
    const { company, email, password } = server.admin
    const asSupplier = { company, login: email, password }
    await logIn(page, asSupplier)
    const partnerForm = await startPartnerCompany(page, partnerName)
    await partnerForm.getByRole('checkbox', { name: 'Buys Leads', exact: true }).check()
    await partnerForm.getByLabel('Lead Delivery Method', { exact: true }).selectOption('exchange')
    await partnerForm.getByLabel('Paste a connection code', { exact: true }).fill(code)
    await savePartnerCompany(page, partnerName)

    step('on its page, the supplier sends the partner registration rules built in the rule builder')
    const rules = page.getByRole('form', { name: 'Registration rules' })
    await rules.getByLabel('Field (group 1, rule 1)', { exact: true }).selectOption('region')
    await rules.getByLabel('Value (group 1, rule 1)', { exact: true }).fill('AZ')
    await rules.getByRole('button', { name: 'Send rules', exact: true }).click()
    await visible(rules.getByRole('status').getByText(`Rules sent to ${partnerName}.`), 'the rules sent')
    await screenshot('lead-management-partner-rules')
    await page.reload()
    const kept = page.getByRole('form', { name: 'Registration rules' })
    await hasText(kept, /Last sent /, 'when the rules were sent')
    equal(
      await kept.getByLabel('Value (group 1, rule 1)', { exact: true }).inputValue(),
      'AZ',
      'the rules sent, shown again on the partner page',
    )

    const first = await createLead(page, 'Ann', surname, '(480) 555-0171')
    const second = await createLead(page, 'Bea', surname, '(480) 555-0172')
    step(`the supplier distributes ${first.name} and ${second.name} from the Leads list`)
    await findLead(page, first, surname)
    for (const lead of [first, second])
      await page
        .getByRole('checkbox', { name: `Select lead #${lead.number} ${lead.name}`, exact: true })
        .check()
    await page
      .getByRole('toolbar', { name: 'Selected leads' })
      .getByRole('button', { name: 'Distribute' })
      .click()
    const distribute = page.getByRole('dialog', { name: 'Distribute 2 leads' })
    await distribute.getByLabel('Channel partner', { exact: true }).selectOption({ label: partnerName })
    await screenshot('lead-management-distribute')
    await distribute.getByRole('button', { name: 'Distribute 2 leads', exact: true }).click()
    await hasText(
      distribute.getByRole('status'),
      new RegExp(`^2 leads distributed to ${partnerName}\\.$`),
      'the summary',
    )
    await distribute.getByRole('button', { name: 'Done', exact: true }).click()
    await logOut(page)

    step('the partner finds both leads under Leads → Awaiting acceptance once delivered')
    await logIn(page, asPartner)
    await awaitArrival(page, [first, second])
    await screenshot('lead-management-awaiting')

    step('the partner builds an auto-registration rule of its own and previews it')
    await openSection(page, 'Lead Management', 'Lead Management')
    const registration = page.getByRole('form', { name: 'Auto-registration' })
    await registration.getByLabel('Auto-registration', { exact: true }).selectOption('own')
    await registration.getByLabel('Supplier', { exact: true }).selectOption({ label: supplierName })
    await registration.getByLabel('Field (group 1, rule 1)', { exact: true }).selectOption('city')
    await registration.getByRole('button', { name: 'Preview', exact: true }).click()
    await hasText(
      registration.locator('.field-error').first(),
      /^Give a value$/,
      'the missing value, before asking the server',
    )
    await registration.getByLabel('Value (group 1, rule 1)', { exact: true }).fill('scottsdale')
    await registration.getByRole('button', { name: 'Add new group of rules', exact: true }).click()
    await registration.getByLabel('Field (group 2, rule 1)', { exact: true }).selectOption('email')
    await registration.getByLabel('Condition (group 2, rule 1)', { exact: true }).selectOption('isEmpty')
    await registration.getByRole('button', { name: 'Preview', exact: true }).click()
    const preview = registration.getByRole('table', { name: 'Preview of the rules' })
    await visible(
      preview.getByRole('row').filter({ hasText: first.name }).getByText('Yes, by group 1'),
      'a match',
    )
    await screenshot('lead-management-preview')
    await registration.getByRole('button', { name: 'Save', exact: true }).click()
    await visible(registration.getByRole('status').getByText('Auto-registration saved.'), 'the rules saved')

    step('auto-accept goes on and off for the supplier; the supplier nominee shows under notifications')
    const autoAccept = page.getByRole('checkbox', { name: supplierName, exact: true })
    await autoAccept.check()
    await visible(page.getByText(/^Saved: its leads go straight to work/), 'auto-accept saved on')
    await autoAccept.uncheck()
    await visible(page.getByText(/^Saved: its leads wait for you/), 'auto-accept saved off')
    await hasText(page.getByTestId('assigned-by-supplier'), new RegExp(`\\(${email}\\)$`), 'the nominee')
    const recipients = page.getByRole('form', { name: 'Default lead notifications' })
    await visible(
      recipients.getByRole('checkbox', { name: `Bea Buyer (${partner.email})`, exact: true, checked: true }),
      'the first user, a recipient by default',
    )
    await screenshot('lead-management-settings')

    step(`the partner accepts ${first.name} on its page`)
    await page.goto('/leads?tab=awaiting')
    const accepted = await rowNumber(page, first)
    await page.getByRole('table', { name: 'Leads' }).getByRole('link', { name: first.name }).click()
    await page
      .getByRole('toolbar', { name: 'Lead actions' })
      .getByRole('button', { name: 'Accept', exact: true })
      .click()
    const accept = page.getByRole('dialog', { name: `Accept lead #${accepted}` })
    await accept.getByRole('button', { name: `Accept lead #${accepted}`, exact: true }).click()
    await visible(page.getByRole('status').getByText('Accepted.'), 'the notice')
    await hasText(page.getByTestId('location').first(), /^Queue$/, "the supplier's default location")

    step(`and declines ${second.name} from the Awaiting acceptance tab, saying why`)
    await page.goto('/leads?location=awaiting_acceptance')
    const declined = await rowNumber(page, second)
    await page.getByRole('checkbox', { name: `Select lead #${declined} ${second.name}`, exact: true }).check()
    await page
      .getByRole('toolbar', { name: 'Selected leads' })
      .getByRole('button', { name: 'Decline' })
      .click()
    const decline = page.getByRole('dialog', { name: `Decline lead #${declined}` })
    await decline.getByRole('button', { name: `Decline lead #${declined}`, exact: true }).click()
    await hasText(decline.locator('.field-error'), /^Say why, for the supplier$/, 'the reason asked for')
    await decline.getByLabel('Reason', { exact: true }).fill('Outside our territory')
    await decline.getByRole('button', { name: `Decline lead #${declined}`, exact: true }).click()
    await hasText(decline.getByRole('status'), /^1 lead declined\.$/, 'the summary')
    await screenshot('lead-management-declined')
    await decline.getByRole('button', { name: 'Done', exact: true }).click()
    await visible(page.getByText('No lead from a supplier waits for you.'), 'the empty tab')

    step('the partner page of the supplier has its auto-accept toggle too')
    await page.goto(supplierPage)
    await visible(
      page.getByRole('checkbox', { name: 'Auto-accept the leads it distributes to you', checked: false }),
      'the auto-accept toggle',
    )
    await logOut(page)

    step(`the supplier reads the decline in ${second.name}'s timeline, back in Pending`)
    await logIn(page, asSupplier)
    await page.goto(`/leads/${second.id}`)
    const timeline = page.getByRole('list', { name: 'Timeline' })
    const event = timeline.getByText(`Declined by ${partnerName}: Outside our territory`)
    // The decline travels back as a delivery: the page is loaded again until it is in.
    const deadline = Date.now() + 30_000
    while (!(await event.isVisible())) {
      if (Date.now() > deadline) throw new Error('expected the decline with its reason in the timeline')
      await new Promise((resolve) => setTimeout(resolve, 1000))
      await page.reload()
      await visible(timeline, 'the timeline')
    }
    await hasText(page.getByTestId('location').first(), /^Pending$/, 'the declined lead back in Pending')
    await screenshot('lead-management-supplier-timeline')
  },
}
