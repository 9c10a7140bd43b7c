import { logIn, logOut } from '../lib/app.ts'
import {
  awaitDeliveryState,
  connectionState,
  createLead,
  findLead,
  openDelivery,
  savePartnerCompany,
  signUp,
  startPartnerCompany,
} from '../lib/exchange-steps.ts'
import { absent, equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const buyerName = 'Northwind Alarm Buyers'
const sellerName = 'Demo seller'
const offlineName = 'Offline Buyers'
/** Letters only: the Leads search would match digits in phone numbers too. */
const surname = `Exchange-${[...String(Date.now()).slice(-5)].map((d) => 'abcdefghij'[Number(d)]).join('')}`

/**
 * The exchange (PRODUCT §4) between two companies on one server: the buyer, signed up afresh,
 * adds the demo company as a partner that sells it leads and generates posting credentials; the
 * demo admin adds the buyer with Buys Leads over the exchange, pastes the connection code, tests
 * the connection and sells a lead from the Leads list; the delivery shows Delivered, and the
 * lead arrives in the buyer's Leads.
 */
export const exchangeJourney: Journey = {
  name: 'two companies connect through the UI, and a lead sold by one arrives at the other',
  async run({ page, server, screenshot, step }) {
    step(`${buyerName} signs up on the same server`)
    const buyer = await signUp(page, buyerName)
    await logIn(page, { company: buyer.slug, login: buyer.email, password: buyer.password })

    step(`the buyer adds "${sellerName}", which sells it leads, and generates posting credentials`)
    const sellerForm = await startPartnerCompany(page, sellerName)
    await sellerForm.getByRole('checkbox', { name: 'Sells Leads', exact: true }).check()
    await sellerForm.getByLabel('Default Lead Location', { exact: true }).selectOption('queue')
    await savePartnerCompany(page, sellerName)
    const sellerPage = page.url()
    await connectionState(page, /^Not connected yet$/)
    const panel = page.getByRole('region', { name: 'Connection' })
    await panel.getByRole('button', { name: 'Generate posting credentials', exact: true }).click()
    const issued = page.getByRole('region', { name: 'New posting credentials' })
    await visible(issued.getByText('you will not see the secret again'), 'the shown-once warning')
    const code = await issued.getByLabel('Connection code', { exact: true }).inputValue()
    if (!code.startsWith('trbx1_')) throw new Error(`expected a connection code, got "${code}"`)
    const postUrl = await issued.getByLabel('Post URL', { exact: true }).inputValue()
    equal(postUrl, `${server.url}/api/v1/exchange/${buyer.slug}`, 'the Post URL issued')
    if (!(await issued.getByLabel('Secret', { exact: true }).inputValue()).startsWith('whsec_'))
      throw new Error('expected the secret to start with whsec_')
    await visible(panel.getByRole('button', { name: 'Generate a new secret' }), 'the rotate button')
    await screenshot('exchange-credentials')

    step('its Posting specification lists the fields, an example request and verification code')
    await panel.getByRole('link', { name: 'Posting specification' }).click()
    await visible(page.getByRole('heading', { name: 'Posting specification', level: 1 }), 'the spec page')
    const fields = page.getByRole('table', { name: 'Fields' })
    await visible(fields.getByRole('rowheader', { name: 'senderRecordId' }), 'a field of the spec')
    await visible(page.getByText(/webhook-signature: v1,/), 'the signed example request')
    await visible(page.getByRole('heading', { name: 'PHP' }), 'the PHP verification snippet')
    await screenshot('exchange-posting-spec')
    await logOut(page)

    step(`the demo admin adds "${buyerName}" with Buys Leads over the exchange`)
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })
    const buyerForm = await startPartnerCompany(page, buyerName)
    await buyerForm.getByRole('checkbox', { name: 'Buys Leads', exact: true }).check()
    await buyerForm.getByLabel('Lead Delivery Method', { exact: true }).selectOption('exchange')
    const paste = buyerForm.getByLabel('Paste a connection code', { exact: true })
    await paste.fill('trbx1_not-a-real-code')
    const pasteField = buyerForm.locator('.field.has-error', {
      has: page.getByLabel('Paste a connection code', { exact: true }),
    })
    step(`  a damaged code: "${await hasText(pasteField.locator('.field-error'), /\S/, 'the code error')}"`)
    await screenshot('exchange-bad-code')
    await paste.fill(code)
    await absent(pasteField, 'the code error once a good code is pasted')
    equal(
      await buyerForm.getByLabel('Post URL', { exact: true }).inputValue(),
      postUrl,
      'the Post URL filled in',
    )
    await savePartnerCompany(page, buyerName)

    step('Test connection: the signed ping is delivered')
    const edit = page.getByRole('form', { name: `Edit ${buyerName}` })
    await edit.getByRole('button', { name: 'Test connection', exact: true }).click()
    await hasText(edit.locator('.test-connection-result'), /Delivered/, 'the test result', 30_000)
    await connectionState(page, /^Connected$/)
    await screenshot('exchange-test-connection')

    step('a buyer whose server is down: Test connection says why, and Deliveries offers Retry')
    const offline = await startPartnerCompany(page, offlineName)
    await offline.getByRole('checkbox', { name: 'Buys Leads', exact: true }).check()
    await offline.getByLabel('Post URL', { exact: true }).fill('http://127.0.0.1:9/api/v1/exchange/nobody')
    await offline.getByLabel('Source ID', { exact: true }).fill('src_nobody')
    await offline.getByLabel('Secret', { exact: true }).fill('a secret typed in by hand')
    await savePartnerCompany(page, offlineName)
    const offlineEdit = page.getByRole('form', { name: `Edit ${offlineName}` })
    await offlineEdit.getByRole('button', { name: 'Test connection', exact: true }).click()
    const failure = await hasText(
      offlineEdit.locator('.test-connection-result'),
      /^Failed: The partner's server refused the connection/,
      'the failed test',
      30_000,
    )
    step(`  "${failure}"`)
    await screenshot('exchange-test-connection-failed')
    const ping = await openDelivery(page, 'Test connection', offlineName)
    await awaitDeliveryState(page, ping, /^Retrying$/)
    await ping.getByRole('button', { name: 'Retry', exact: true }).click()
    await visible(page.getByRole('status').getByText(/^Tried again/), 'the notice after Retry')
    await hasText(ping.getByRole('list', { name: 'Attempts' }), /refused the connection/, 'the attempt error')
    await screenshot('exchange-deliveries-retry')

    const lead = await createLead(page, 'Marisol', surname)
    step(`lead #${lead.number} ${lead.name} is sold from the Leads list for 12.50`)
    await findLead(page, lead, surname)
    await page
      .getByRole('checkbox', { name: `Select lead #${lead.number} ${lead.name}`, exact: true })
      .check()
    await page.getByRole('toolbar', { name: 'Selected leads' }).getByRole('button', { name: 'Sell' }).click()
    const dialog = page.getByRole('dialog', { name: `Sell lead #${lead.number}` })
    await dialog.getByLabel('Buyer', { exact: true }).selectOption({ label: buyerName })
    await dialog.getByLabel('Price', { exact: true }).fill('12.50')
    await screenshot('exchange-sell-dialog')
    await dialog.getByRole('button', { name: `Sell lead #${lead.number}`, exact: true }).click()
    const results = dialog.getByRole('list', { name: 'Sale results' })
    await hasText(results.getByRole('listitem'), /Sold ✓/, 'the sale result')
    await hasText(dialog.getByRole('status'), new RegExp(`^1 lead sold to ${buyerName}\\.$`), 'the summary')
    await screenshot('exchange-sell-results')
    await dialog.getByRole('button', { name: 'Done', exact: true }).click()
    await visible(page.getByRole('status').getByText(`1 lead sold to ${buyerName}.`), 'the notice')

    step('Deliveries shows the sale Delivered, with its attempt')
    const row = await openDelivery(page, 'Lead sold', buyerName)
    await awaitDeliveryState(page, row, /^Delivered$/)
    await hasText(row.getByRole('list', { name: 'Attempts' }), /accepted \(201\)/, 'the attempt')
    await screenshot('exchange-deliveries')

    step('the lead is Sold, and its timeline names the buyer and the price')
    await row.getByRole('link', { name: 'Open the lead' }).click()
    await hasText(page.getByTestId('location').first(), /^Sold$/, 'the location of the sold lead')
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await visible(timeline.getByText(`Sold to ${buyerName} over the exchange for 12.50`), 'the sale event')
    await absent(page.getByRole('button', { name: 'Sell', exact: true }), 'Sell on a sold lead')
    await screenshot('exchange-sold-lead')

    step('a failure email links to Deliveries filtered to Failed')
    await page.goto('/deliveries?state=failed')
    const state = page.getByRole('search', { name: 'Filter deliveries' }).getByLabel('State', { exact: true })
    equal(await state.inputValue(), 'failed', 'the state filter from the address')
    await logOut(page)

    step(`${buyerName} finds the lead in its Leads, and the seller shows Connected`)
    await logIn(page, { company: buyer.slug, login: buyer.email, password: buyer.password })
    await findLead(page, lead, surname)
    await screenshot('exchange-lead-arrived')
    await page.goto(sellerPage)
    await connectionState(page, /^Connected$/)
    await screenshot('exchange-buyer-connected')
  },
}
