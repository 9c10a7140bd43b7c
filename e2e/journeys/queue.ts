import type { Locator, Page } from 'playwright-core'
import { logIn, logOut, openSection } from '../lib/app.ts'
import { absent, equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const rep = { email: 'rep@demo.test', password: 'rex-requests-leads-9' }

/** Every run starts on a fresh database, but the demo data holds 200 leads: these must not be duplicates. */
const stamp = String(Date.now()).slice(-4)
const highLead = {
  source: 'ABC Leads, Inc.',
  firstName: 'Quinn',
  lastName: `Highfield ${stamp}`,
  email: `quinn.highfield.${stamp}@example.net`,
  phone: `(480) 555-01${stamp.slice(-2)}`,
}
const normalLead = {
  source: 'Self-Generated',
  firstName: 'Nora',
  lastName: `Normand ${stamp}`,
  email: `nora.normand.${stamp}@example.net`,
  phone: `(520) 555-01${stamp.slice(-2)}`,
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const exactly = (text: string) => new RegExp(`^${escaped(text)}$`)

const leadIdIn = (url: string) => /\/leads\/([0-9a-f-]{36})$/.exec(url)?.[1]

/** The lead page's id, name and priority badge, once the page has loaded. */
async function leadHeading(page: Page): Promise<{ id: string; name: string; priority: string }> {
  const heading = await visible(
    page.getByRole('heading', { level: 1 }).filter({ has: page.getByTestId('priority') }),
    'the lead page',
  )
  const id = leadIdIn(page.url())
  if (!id) throw new Error(`expected a lead's address, got ${page.url()}`)
  const name = (await heading.getByTestId('record-name').textContent())?.trim() ?? ''
  const priority = (await heading.getByTestId('priority').textContent())?.trim() ?? ''
  await hasText(page.getByTestId('lead-source'), /^[^…]+$/, "the name of the lead's source")
  return { id, name, priority }
}

/** "2026-11-25T10:00" for tomorrow at 10:00, as a datetime-local input takes it. */
function tomorrowAtTen(): string {
  const date = new Date()
  date.setDate(date.getDate() + 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T10:00`
}

/** "2026-11-24T23:59" for today at `hhmm`, on the browser's clock. */
function todayAt(hhmm: string): string {
  const date = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${hhmm}`
}

/** The labels a drop-down offers (its empty "Choose…" entry aside), once it offers some. */
async function optionsOf(select: Locator, what: string): Promise<string[]> {
  const options = select.locator('option:not([value=""])')
  const deadline = Date.now() + 15_000
  while ((await options.count()) === 0) {
    if (Date.now() > deadline) throw new Error(`expected ${what} in the drop-down`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return options.allTextContents()
}

async function fillContact(form: Locator, lead: typeof highLead, email = lead.email) {
  await form.getByLabel('First Name', { exact: true }).fill(lead.firstName)
  await form.getByLabel('Last Name', { exact: true }).fill(lead.lastName)
  await form.getByLabel('Email', { exact: true }).fill(email)
  await form.getByLabel('Phone', { exact: true }).fill(lead.phone)
  await form.getByLabel('City', { exact: true }).fill('Tempe')
  await form.getByLabel('State / Region', { exact: true }).fill('AZ')
  await form.getByLabel('Postal Code', { exact: true }).fill('85281')
}

async function requestLead(page: Page) {
  await page
    .getByRole('toolbar', { name: 'Lead actions' })
    .getByRole('button', { name: 'Request lead' })
    .click()
  await visible(page.getByRole('status').getByText(/^Lead #\d+ is yours now\.$/), 'the requested lead')
  return leadHeading(page)
}

/**
 * The queue as a rep's day runs on it (PRODUCT §2): the admin opens the queue around the clock
 * with partner priority on and adds a High and a Normal lead through the form (meeting a field
 * error and a refused duplicate); the demo rep requests a High priority lead, puts it back with
 * a callback tomorrow, requests the next one by priority and converts it to a customer.
 */
export const queueJourney: Journey = {
  name: 'a rep requests leads from the prioritised queue and converts one',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('Queue Settings: a cap of 0 is refused beside its field')
    await openSection(page, 'Queue Settings', 'Queue Settings')
    const settings = page.getByRole('form', { name: 'Queue settings' })
    await settings.getByLabel('Most open leads per rep', { exact: true }).fill('0')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    const capField = settings.locator('.field.has-error', {
      has: page.getByLabel('Most open leads per rep', { exact: true }),
    })
    step(`  field error: "${await hasText(capField.locator('.field-error'), /\S/, 'the cap error')}"`)
    await screenshot('queue-settings-field-error')

    step('the queue is open 00:00–23:59 with partner priority on, and no cap')
    await settings.getByLabel('Most open leads per rep', { exact: true }).fill('')
    await settings.getByLabel('Available from', { exact: true }).fill('00:00')
    await settings.getByLabel('Available until', { exact: true }).fill('23:59')
    await settings.getByRole('checkbox', { name: 'Use partner queue priority' }).check()
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await visible(settings.getByRole('status').getByText('Queue settings saved.'), 'the saved notice')
    equal(await settings.getByLabel('Available until', { exact: true }).inputValue(), '23:59', 'the hours')
    await screenshot('queue-settings-saved')

    step(`a lead from ${highLead.source} (High priority) is added through the form, into the Queue`)
    await openSection(page, 'Leads', 'Leads')
    await page.getByRole('link', { name: 'New lead', exact: true }).click()
    await visible(page.getByRole('heading', { name: 'New lead', level: 1 }), 'the New lead page')
    let form = page.getByRole('form', { name: 'New lead' })
    await form.getByLabel('Source', { exact: true }).selectOption({ label: highLead.source })
    const campaign = form.getByLabel('Campaign', { exact: true })
    const campaigns = await optionsOf(campaign, `the inbound campaigns of ${highLead.source}`)
    step(`  campaigns offered: ${campaigns.join(', ')}`)
    await campaign.selectOption({ label: campaigns[0] ?? '' })
    await form.getByLabel('Location', { exact: true }).selectOption('queue')
    await fillContact(form, highLead)
    await form.getByLabel('Call-center comments', { exact: true }).fill('Wants a quote for a doorbell camera')
    await form
      .getByLabel('TrustedForm Certificate URL', { exact: true })
      .fill(`https://cert.trustedform.com/e2e${stamp}`)
    await screenshot('new-lead-form')
    await form.getByRole('button', { name: 'Add lead' }).click()
    await visible(page.getByRole('status').getByText(/^Lead #\d+ added\.$/), 'the new lead')
    const high = await leadHeading(page)
    equal(high.priority, 'High', `the priority of a lead from ${highLead.source}`)
    await hasText(page.getByTestId('location').first(), /^Queue$/, 'the new lead in the Queue')
    await screenshot('new-lead-high')

    step(`a lead from ${normalLead.source}: a wrong email is refused beside its field`)
    await openSection(page, 'Leads', 'Leads')
    await page.getByRole('link', { name: 'New lead', exact: true }).click()
    form = page.getByRole('form', { name: 'New lead' })
    await form.getByLabel('Source', { exact: true }).selectOption({ label: normalLead.source })
    await form.getByLabel('Location', { exact: true }).selectOption('queue')
    await fillContact(form, normalLead, 'nora-at-example')
    await form.getByRole('button', { name: 'Add lead' }).click()
    const emailField = form.locator('.field.has-error', { has: page.getByLabel('Email', { exact: true }) })
    step(`  field error: "${await hasText(emailField.locator('.field-error'), /\S/, 'the email error')}"`)
    await screenshot('new-lead-field-error')

    step("the first lead's phone makes it a duplicate: refused, the match is shown with a link")
    await form.getByLabel('Email', { exact: true }).fill(normalLead.email)
    await form.getByLabel('Phone', { exact: true }).fill(highLead.phone)
    await form.getByRole('button', { name: 'Add lead' }).click()
    const duplicate = page.locator('.duplicate-notice')
    await visible(duplicate.getByText('This lead is already here.'), 'the duplicate notice')
    const match = await visible(
      duplicate.getByRole('link', { name: new RegExp(escaped(highLead.lastName)) }),
      'the matching lead',
    )
    equal(await match.getAttribute('href'), `/leads/${high.id}`, 'the link to the matching lead')
    await hasText(duplicate, /same phone/, 'the reason of the match')
    await screenshot('new-lead-duplicate')

    step(`with its own phone the ${normalLead.source} lead is added, Normal priority`)
    await form.getByLabel('Phone', { exact: true }).fill(normalLead.phone)
    await form.getByRole('button', { name: 'Add lead' }).click()
    await visible(page.getByRole('status').getByText(/^Lead #\d+ added\.$/), 'the second new lead')
    const normal = await leadHeading(page)
    equal(normal.priority, 'Normal', `the priority of a lead from ${normalLead.source}`)
    await screenshot('new-lead-normal')

    step('the demo rep gets a password through Users & Roles')
    await openSection(page, 'Users & Roles', 'Users & Roles')
    const repRow = page.getByRole('row', { name: /rep@demo\.test/ })
    await repRow.getByRole('button', { name: /^Edit / }).click()
    const userForm = page.getByRole('form', { name: /^Edit / })
    await userForm.getByLabel('New password', { exact: true }).fill(rep.password)
    await userForm.getByRole('button', { name: 'Save changes' }).click()
    await visible(page.getByRole('status').getByText(/ saved\.$/), 'the saved rep')
    await screenshot('rep-password-set')
    await logOut(page)

    step('the rep logs in: My leads, no Pending or Queue tab, the queue as counts by priority')
    await logIn(page, { company, login: rep.email, password: rep.password })
    await visible(page.getByRole('heading', { name: 'Leads', level: 1 }), 'the Leads page')
    const tabs = page.getByRole('navigation', { name: 'Lead lists' })
    await visible(tabs.getByRole('link', { name: 'My leads' }), 'the My leads tab')
    await absent(tabs.getByRole('link', { name: 'Pending' }), 'the Pending tab for a rep')
    await absent(tabs.getByRole('link', { name: 'Queue' }), 'the Queue list for a rep')
    const counts = page.getByTestId('queue-counts')
    const waiting = Number(await hasText(counts.getByTestId('queue-total'), /^\d+$/, 'the number waiting'))
    const highWaiting = Number(await hasText(counts.getByTestId('queue-high'), /^\d+$/, 'High waiting'))
    if (highWaiting < 1) throw new Error(`expected High priority leads waiting, counted ${highWaiting}`)
    step(`  ${waiting} waiting, ${highWaiting} of them High`)
    await screenshot('rep-my-leads')

    step(`a queue lead's own address is out of the rep's reach: "${highLead.lastName}" is not found`)
    await page.goto(`/leads/${high.id}`)
    await visible(page.getByRole('heading', { name: /not found/i }), 'the not-found page for a queue lead')
    await screenshot('rep-queue-lead-not-found')
    await openSection(page, 'Leads', 'Leads')

    step("Request lead opens a High priority lead, now the rep's")
    const first = await requestLead(page)
    equal(first.priority, 'High', 'the priority of the first requested lead')
    await hasText(page.getByTestId('location').first(), /^Assigned$/, 'the requested lead, assigned')
    step(`  got "${first.name}" (${first.priority})`)
    await screenshot('requested-lead')

    step('the rep adds a note, then logs a call with a follow-up today; both join the timeline')
    const work = page.getByRole('form', { name: 'Log a note or call' })
    await work.getByRole('button', { name: 'Add note' }).click()
    const noteField = work.locator('.field.has-error', { has: page.getByLabel('Note', { exact: true }) })
    step(
      `  empty note refused: "${await hasText(noteField.locator('.field-error'), /\S/, 'the note error')}"`,
    )
    await work.getByLabel('Note', { exact: true }).fill(`Prefers a call after lunch (${stamp})`)
    await work.getByRole('button', { name: 'Add note' }).click()
    await visible(work.getByRole('status').getByText('Note added.'), 'the added note')
    await work.getByLabel('Kind', { exact: true }).selectOption('call')
    await work.getByLabel('Outcome', { exact: true }).selectOption('voicemail')
    await work.getByLabel('Length (minutes)', { exact: true }).fill('2')
    await work.getByLabel('Follow up', { exact: true }).fill(todayAt('23:59'))
    await work.getByLabel('How it went', { exact: true }).fill(`Left a voicemail (${stamp})`)
    await screenshot('log-call')
    await work.getByRole('button', { name: 'Log call' }).click()
    await visible(work.getByRole('status').getByText('Call logged.'), 'the logged call')
    const story = page.getByRole('list', { name: 'Timeline' })
    await visible(story.getByText(`Prefers a call after lunch (${stamp})`), 'the note in the timeline')
    await hasText(
      story.getByRole('listitem').filter({ hasText: `Left a voicemail (${stamp})` }),
      /Called · left a voicemail · 2 min · follow up/,
      'the call in the timeline',
    )

    step('and a call-center comment, listed with its author')
    const commentForm = page.getByRole('form', { name: 'Add a comment' })
    await commentForm.getByLabel('Add a comment', { exact: true }).fill(`Spoke to the daughter (${stamp})`)
    await commentForm.getByRole('button', { name: 'Add comment' }).click()
    await hasText(
      page.getByRole('list', { name: 'Call-center comments' }).getByRole('listitem').last(),
      new RegExp(escaped(`Spoke to the daughter (${stamp})`)),
      'the new comment',
    )
    await screenshot('lead-worked')

    step('My follow-ups lists the call on its day')
    await openSection(page, 'My follow-ups', 'My follow-ups')
    await visible(
      page
        .getByRole('region', { name: 'Follow-ups due today' })
        .getByText(`Call: Left a voicemail (${stamp})`),
      'the follow-up',
    )
    await screenshot('my-follow-ups')
    await page.goBack()

    step("it goes back to the queue: the dialog starts empty (at once) and speaks the lead's local time")
    await visible(
      page.getByRole('heading', { level: 1 }).filter({ has: page.getByTestId('priority') }),
      'the lead',
    )
    const zoneFact = await hasText(
      page.locator('dt:text-is("Local time zone") + dd'),
      /\S/,
      "the lead's local time zone",
    )
    const city = zoneFact.split('/').pop() ?? zoneFact
    step(`  the lead's clock: ${zoneFact}`)
    await page.getByRole('button', { name: 'Put back in queue' }).click()
    const requeue = page.getByRole('dialog', { name: 'Put back in queue' })
    const callback = requeue.getByLabel('Callback', { exact: true })
    equal(await callback.inputValue(), '', 'the callback at first (at once)')
    await hasText(
      requeue,
      new RegExp(`The lead's local time \\(${escaped(city)},`),
      'the zone the callback is in',
    )
    await callback.fill(tomorrowAtTen())
    const comment = `Not home, call back tomorrow (${stamp})`
    await requeue.getByLabel('Comment', { exact: true }).fill(comment)
    await screenshot('put-back-dialog')
    await requeue.getByRole('button', { name: 'Put back in queue' }).click()
    await absent(requeue, 'the dialog after putting the lead back')
    step(`  out of the rep's sight again: back on Leads, the callback told in ${city} time`)
    const told = new RegExp(
      `^Put back in the queue; requestable again from .*10:00.*\\(${escaped(city)} time\\)\\.$`,
    )
    await visible(page.getByRole('status').getByText(told), 'the notice')
    await visible(page.getByRole('heading', { name: 'Leads', level: 1 }), 'the Leads page')
    await screenshot('lead-put-back')

    step('Request lead again gives the next lead by priority: another one, High as well')
    await openSection(page, 'Leads', 'Leads')
    const second = await requestLead(page)
    if (second.id === first.id) throw new Error('the lead put back until tomorrow was handed out again')
    equal(second.priority, 'High', 'the priority of the second requested lead')
    step(`  got "${second.name}" (${second.priority})`)
    await screenshot('second-requested-lead')

    step('it is converted to a customer in a chosen office; the customer links back to the lead')
    await page.getByRole('button', { name: 'Convert to customer' }).click()
    const convert = page.getByRole('dialog', { name: 'Convert to customer' })
    const office = convert.getByLabel('Office Location', { exact: true })
    const offices = await optionsOf(office, 'the office locations')
    const chosenOffice = offices[offices.length - 1] ?? ''
    await office.selectOption({ label: chosenOffice })
    await screenshot('convert-dialog')
    await convert.getByRole('button', { name: 'Convert to customer' }).click()
    await visible(
      page.getByRole('status').getByText(/^Lead #\d+ converted to customer #\d+\.$/),
      'the customer page',
    )
    if (!/\/customers\/[0-9a-f-]{36}$/.test(page.url()))
      throw new Error(`expected a customer page, got ${page.url()}`)
    await hasText(page.getByTestId('record-name'), exactly(second.name), 'the customer named as the lead')
    await hasText(page.getByTestId('customer-source'), /^[^…]+$/, "the name of the customer's source")
    const facts = page.getByRole('region', { name: 'Customer' })
    const officeChoice = facts.getByLabel('Office location', { exact: true })
    await hasText(
      officeChoice.locator('option:checked'),
      exactly(chosenOffice),
      'the office location of the customer',
    )
    const back = await visible(facts.getByRole('link', { name: /^Lead #\d+/ }), 'the link back to the lead')
    equal(await back.getAttribute('href'), `/leads/${second.id}`, 'the link back to the lead')
    await screenshot('customer-from-lead')

    step('the lead says Converted and links to its customer')
    await back.click()
    await hasText(page.getByTestId('location').first(), /^Converted$/, 'the converted lead')
    await visible(page.getByRole('link', { name: /^Customer #\d+/ }), 'the link to the customer')
    await visible(
      page.getByRole('list', { name: 'Timeline' }).getByText('Converted to'),
      'the conversion in the timeline',
    )
    await screenshot('converted-lead')
  },
}
