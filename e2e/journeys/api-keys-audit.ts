import { logIn, mainNav, openMenu, openSection } from '../lib/app.ts'
import { absent, equal, hasCount, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

/**
 * Issue 13 §7 and §9: a refused form says what to do in plain words, every field at once; an
 * admin makes an API key (shown once), proves it works, revokes it, and finds both in the audit
 * log, filtered by kind, person and day.
 */
export const apiKeysAuditJourney: Journey = {
  name: 'an admin meets plain-words errors, makes and revokes an API key, and reads the audit log',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('a new lead without a source and with a short phone: both fields say what to do')
    await page.goto('/leads/new')
    await visible(page.getByRole('heading', { name: 'New lead', level: 1 }), 'the New lead page')
    await page.getByLabel('Phone', { exact: true }).fill('555 0100')
    await page.getByRole('button', { name: 'Add lead' }).click()
    const sourceError = page.locator('.field.has-error', { has: page.getByLabel('Source', { exact: true }) })
    await hasText(sourceError.locator('.field-error'), /^Choose a source$/, 'the source error')
    await absent(page.getByText(/Invalid UUID|Invalid input/), 'zod wording on screen')
    await screenshot('new-lead-plain-errors')

    step('an office location with no name and a three-letter country: both errors at once')
    await openSection(page, 'Office Locations', 'Office Locations')
    await page.getByRole('button', { name: 'Add office location' }).click()
    const office = page.getByRole('form', { name: 'Add office location' })
    await office.getByLabel('Country', { exact: true }).fill('USA')
    await office.getByRole('button', { name: 'Add office location' }).click()
    const fieldError = (label: string) =>
      office
        .locator('.field.has-error', { has: page.getByLabel(label, { exact: true }) })
        .locator('.field-error')
    await hasText(fieldError('Name'), /^Enter a name$/, 'the name error')
    step(`  country: "${await hasText(fieldError('Country'), /\S/, 'the country error at the same time')}"`)
    await absent(page.getByText(/Invalid|Too (big|small)/), 'zod wording on screen')
    await screenshot('office-location-plain-errors')
    await office.getByRole('button', { name: 'Cancel' }).click()

    step('API Keys: a key is created and shown once')
    await openSection(page, 'API Keys', 'API Keys')
    await page.getByLabel('Name of the new key', { exact: true }).fill('Website form')
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    await visible(page.getByRole('status').getByText('API key Website form created.'), 'the creation notice')
    const key = await page.getByLabel('API key Website form', { exact: true }).inputValue()
    step(`  key ${key.slice(0, 6)}…${key.slice(-4)}`)
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /Website form/ })
    await page.getByLabel('Name of the new key', { exact: true }).fill('Another')
    await absent(
      page.getByRole('status').getByText('API key Website form created.'),
      'the notice once typing starts',
    )
    await page.getByLabel('Name of the new key', { exact: true }).fill('')
    await hasText(row, new RegExp(`…${key.slice(-6)}`), 'the key row with its last characters')
    await screenshot('api-key-created')

    step('the key answers the API as the admin')
    const asKey = (path: string) => page.request.get(path, { headers: { authorization: `Bearer ${key}` } })
    equal((await asKey('/api/v1/me')).status(), 200, 'GET /me with the key')

    step('the key disappears from the page once done, and is revoked after asking')
    await page.getByRole('button', { name: 'Done, I have copied it' }).click()
    await absent(page.getByLabel('API key Website form', { exact: true }), 'the key itself')
    await page.getByRole('button', { name: 'Revoke API key Website form' }).click()
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('button', { name: 'Revoke', exact: true })
      .click()
    await visible(
      page.getByRole('status').getByText('API key Website form revoked.'),
      'the revocation notice',
    )
    await absent(row, 'the revoked key')
    equal((await asKey('/api/v1/me')).status(), 401, 'GET /me with the revoked key')
    await screenshot('api-key-revoked')

    step('Audit Log: the key was created and deleted, by the admin, today')
    await openSection(page, 'Audit Log', 'Audit Log')
    const log = page.getByRole('table', { name: 'Audit log' })
    await visible(log, 'the audit log')
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'API key' })
    await hasText(log.getByRole('rowheader').first(), /^Deleted API key$/, 'the newest API key change')
    await hasCount(log.getByRole('rowheader'), 2, 'API key changes')
    const who = ((await log.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()) ?? '').trim()
    await page.getByLabel('Person', { exact: true }).selectOption({ label: who })
    await hasCount(log.getByRole('rowheader'), 2, `API key changes by ${who}`)
    const today = new Date()
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    await page.getByLabel('From', { exact: true }).fill(day(today))
    await page.getByLabel('To', { exact: true }).fill(day(today))
    await hasCount(log.getByRole('rowheader'), 2, 'API key changes today')
    await screenshot('audit-log-filtered')

    step('a day with no changes shows none, and Clear filters shows them all again')
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
    await page.getByLabel('From', { exact: true }).fill(day(yesterday))
    await page.getByLabel('To', { exact: true }).fill(day(yesterday))
    await visible(page.getByText('No change matches these filters.'), 'the empty filtered log')
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await visible(log.getByRole('rowheader', { name: /^Created user$/ }).first(), 'other kinds of change')
    await screenshot('audit-log')

    const menu = page.getByRole('button', { name: 'Menu', exact: true })
    if (await menu.isVisible()) {
      step('on a phone the menu unfolds above the page and Escape folds it again')
      await openMenu(page)
      const leads = mainNav(page).getByRole('link', { name: 'Leads', exact: true })
      await visible(leads, 'the unfolded navigation')
      await screenshot('menu-open')
      await page.keyboard.press('Escape')
      await absent(leads, 'the navigation after Escape')
    }
  },
}
