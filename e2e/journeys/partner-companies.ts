import type { Page } from 'playwright-core'
import { logIn, logOut, mainNav, openLogin, openMenu, openSection, submitLogin } from '../lib/app.ts'
import { absent, equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'
import { unusedName } from '../lib/names.ts'

const partnerLogin = { username: 'abc-leads', password: 'abc-reads-its-leads-7' }
const campaigns = ['Cold Call', 'Door Knock', 'Web Lead']

const partnersTable = (page: Page) => page.getByRole('table', { name: 'Partner companies' })
const partnerRow = (page: Page, name: string) =>
  partnersTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) })

/** Waits until the list shows only rows whose name contains `search` (or none), and returns the names. */
async function listedNames(page: Page, search: string): Promise<string[]> {
  const deadline = Date.now() + 15_000
  let names: string[] = []
  while (Date.now() < deadline) {
    if (await page.getByText('No partner company matches these filters.').isVisible()) return []
    const busy = await page.locator('.table-wrap[aria-busy="true"]').count()
    names = await partnersTable(page).getByRole('rowheader').getByRole('link').allTextContents()
    if (!busy && names.length && names.every((name) => name.toLowerCase().includes(search.toLowerCase()))) {
      return names
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`expected the list narrowed to "${search}", got ${JSON.stringify(names)}`)
}

/**
 * An admin sets up a lead source as seed 000 describes it (ABC Leads, Inc., selling leads to the
 * Queue at High priority, with a partner login and three campaigns), tags it and finds it by its
 * tag; then the partner logs in and sees its portal and nothing of the company's administration.
 */
export const partnerCompaniesJourney: Journey = {
  name: 'an admin sets up a lead source, which then logs in as a partner',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('Partner Companies lists the lead sources and buyers, searchable')
    await openSection(page, 'Partner Companies', 'Partner Companies')
    await visible(partnerRow(page, 'Self-Generated'), 'the inside partner company every company starts with')
    await hasText(
      page.getByText(/partner compan(y|ies) match/),
      /^\d+ partner compan(y|ies) match/,
      'the total',
    )
    step('  sorted by name, then by name backwards from its header')
    const ascending = await partnersTable(page).getByRole('rowheader').getByRole('link').allTextContents()
    await partnersTable(page).getByRole('button', { name: 'Name' }).click()
    await visible(
      partnersTable(page).locator('th[aria-sort="descending"]'),
      'the Name header sorting backwards',
    )
    await hasText(
      partnersTable(page).getByRole('rowheader').getByRole('link').first(),
      new RegExp(`^${ascending.at(-1)?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      'the last name first',
    )
    await partnersTable(page).getByRole('button', { name: 'Name' }).click()
    await visible(
      partnersTable(page).locator('th[aria-sort="ascending"]'),
      'the Name header sorting forwards',
    )
    await screenshot('partner-companies')
    await page.getByLabel('Search', { exact: true }).fill('ABC Leads')
    const existing = await listedNames(page, 'ABC Leads')
    const name = unusedName(existing, 'ABC Leads, Inc.')
    step(`  the demo data has ${JSON.stringify(existing)}; this journey's partner is "${name}"`)
    if (!page.url().includes('q=ABC')) throw new Error(`the search is not in the address: ${page.url()}`)

    step('Sells Leads without a Default Lead Location is refused beside that field')
    await page.getByRole('link', { name: 'Add partner company' }).click()
    await visible(page.getByRole('heading', { name: 'Add partner company', level: 1 }), 'the Add page')
    const form = page.getByRole('form', { name: 'Add partner company' })
    await form.getByLabel('Company Name', { exact: true }).fill(name)
    await form.getByLabel('Kind', { exact: true }).selectOption('outside')
    await form.getByLabel('Contact Person', { exact: true }).fill('Alice Abbott')
    await form.getByLabel('Email', { exact: true }).fill('alice@abcleads.example')
    await form.getByLabel('Phone', { exact: true }).fill('+1 602 555 0100')
    await form.getByLabel('Website', { exact: true }).fill('https://abcleads.example')
    await form.getByLabel('City', { exact: true }).fill('Tempe')
    await form.getByLabel('State / Region', { exact: true }).fill('AZ')
    await form.getByLabel('Country', { exact: true }).fill('US')
    await absent(form.getByLabel('Default Lead Location'), 'Sells Leads fields before the box is ticked')
    await form.getByRole('checkbox', { name: 'Sells Leads', exact: true }).check()
    await form.getByLabel('Lead Queue Priority', { exact: true }).selectOption('high')
    await form
      .getByRole('textbox', { name: 'Purchase Notification Email(s)', exact: true })
      .fill('buying@demo.test')
    await form.getByRole('checkbox', { name: 'Allow Login', exact: true }).check()
    await form.getByLabel('Username', { exact: true }).fill(partnerLogin.username)
    await form.getByLabel('Password', { exact: true }).fill(partnerLogin.password)
    await form.getByRole('button', { name: 'Save', exact: true }).click()
    const locationField = form.locator('.field.has-error', {
      has: page.getByLabel('Default Lead Location', { exact: true }),
    })
    const message = await hasText(
      locationField.locator('.field-error'),
      /\S/,
      'the Default Lead Location error',
    )
    step(`  field error: "${message}"`)
    await absent(
      form.locator('.field.has-error', { has: page.getByLabel('Company Name', { exact: true }) }),
      'an error on Company Name',
    )
    await screenshot('partner-company-required-field')

    step('a wrong address in an email list is marked on that very entry')
    await form.getByLabel('Default Lead Location', { exact: true }).selectOption('queue')
    const returns = form.getByRole('group', { name: 'Return Notification Email(s)' })
    await returns.getByRole('textbox').fill('returns@abcleads.example')
    await returns.getByRole('button', { name: '+ Add address' }).click()
    await returns.getByRole('textbox', { name: 'Return Notification Email(s) 2' }).fill('not-an-address')
    await form.getByRole('button', { name: 'Save', exact: true }).click()
    const second = returns.locator('li.has-error', {
      has: page.getByRole('textbox', { name: 'Return Notification Email(s) 2' }),
    })
    step(
      `  entry error: "${await hasText(second.locator('.field-error'), /\S/, 'the error on the second address')}"`,
    )
    await absent(
      returns.locator('li.has-error', {
        has: page.getByRole('textbox', { name: 'Return Notification Email(s) 1' }),
      }),
      'an error on the first address',
    )
    await screenshot('partner-company-email-entry-error')

    step('fixed, the partner company is saved and its page shows the login URL to send')
    await returns
      .getByRole('button', { name: 'Remove not-an-address from Return Notification Email(s)' })
      .click()
    await form.getByRole('button', { name: 'Save', exact: true }).click()
    await visible(page.getByRole('heading', { name, level: 1 }), 'the new partner company page')
    await visible(page.getByRole('status').getByText(`${name} added.`), 'the confirmation')
    const partnerId = /\/admin\/partner-companies\/([0-9a-f-]{36})$/.exec(page.url())?.[1]
    if (!partnerId) throw new Error(`expected the partner company's address, got ${page.url()}`)
    const edit = page.getByRole('form', { name: `Edit ${name}` })
    equal(
      await edit.getByLabel('Default Lead Location', { exact: true }).inputValue(),
      'queue',
      'the Default Lead Location',
    )
    equal(await edit.getByLabel('Lead Queue Priority', { exact: true }).inputValue(), 'high', 'the priority')
    const loginUrl = await edit.getByLabel('Login URL', { exact: true }).inputValue()
    if (!loginUrl.endsWith(`/login?company=${company}`)) throw new Error(`unexpected login URL ${loginUrl}`)
    await edit.getByRole('button', { name: 'Copy', exact: true }).click()
    await hasText(edit.locator('.copy-status'), /Copied|Ctrl\+C/, 'the copy confirmation')
    await screenshot('partner-company-saved')

    step('Campaigns: Cold Call, Door Knock and Web Lead, inbound; a second Cold Call is refused')
    await page.getByRole('button', { name: 'Campaigns', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Campaigns of ${name}` })
    await visible(dialog.getByText('No campaigns yet.'), 'the empty campaign list')
    for (const campaign of campaigns) {
      const add = dialog.getByRole('form', { name: 'Add campaign' })
      await add.getByLabel('Name', { exact: true }).fill(campaign)
      equal(
        await add.getByLabel('Direction', { exact: true }).inputValue(),
        'inbound',
        'the default direction',
      )
      if (campaign === 'Web Lead') await add.getByLabel('Description', { exact: true }).fill('The web form')
      await add.getByRole('button', { name: 'Add campaign' }).click()
      await visible(dialog.getByRole('status').getByText(`Campaign ${campaign} added.`), `${campaign} added`)
    }
    const campaignTable = dialog.getByRole('table', { name: 'Campaigns' })
    for (const campaign of campaigns) {
      await hasText(
        campaignTable
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${campaign}`) }) }),
        /Inbound/,
        `the ${campaign} row`,
      )
    }
    const again = dialog.getByRole('form', { name: 'Add campaign' })
    await again.getByLabel('Name', { exact: true }).fill('Cold Call')
    await again.getByRole('button', { name: 'Add campaign' }).click()
    const duplicate = await hasText(
      again.locator('.field.has-error .field-error'),
      /\S/,
      'the error beside the duplicate name',
    )
    step(`  duplicate name: "${duplicate}"`)
    await screenshot('campaigns-dialog')
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    await absent(dialog, 'the Campaigns dialog after closing it')

    step('a new tag is made on the Tags page')
    await openSection(page, 'Tags', 'Tags')
    const tagsTable = page.getByRole('table', { name: 'Tags' })
    await visible(tagsTable.or(page.getByText('There are no tags yet.')), 'the tag list')
    const tag = unusedName(await tagsTable.getByRole('rowheader').allTextContents(), 'Platinum')
    await page.getByLabel('New tag', { exact: true }).fill(tag)
    await page.getByRole('button', { name: 'Add tag', exact: true }).click()
    await visible(page.getByRole('status').getByText(`Tag ${tag} added.`), 'the new tag notice')
    await visible(tagsTable.getByRole('rowheader', { name: tag, exact: true }), 'the new tag in the list')
    await screenshot('tag-created')

    step('the tag is applied on the partner company page through the Apply tag window')
    await page.goto(`/admin/partner-companies/${partnerId}`)
    await visible(page.getByRole('heading', { name, level: 1 }), 'the partner company page')
    await page.getByRole('button', { name: 'Apply tag', exact: true }).click()
    const apply = page.getByRole('dialog', { name: `Apply tag to ${name}` })
    await apply.getByLabel('Search tags').fill(tag.slice(0, 4))
    const option = apply.getByRole('button', { name: new RegExp(`^${tag}`) })
    await option.click()
    await visible(apply.locator('[aria-pressed="true"]', { hasText: tag }), 'the tag marked applied')
    await screenshot('apply-tag-dialog')
    await apply.getByRole('button', { name: 'Done' }).click()
    await visible(
      page.getByRole('button', { name: `Remove tag ${tag} from ${name}` }),
      'the tag chip on the page',
    )

    step('the list shows the chip, and filtering by the tag leaves only this partner company')
    await openSection(page, 'Partner Companies', 'Partner Companies')
    await visible(
      partnerRow(page, name).getByRole('button', { name: `Remove tag ${tag} from ${name}` }),
      'the tag chip in the list',
    )
    await screenshot('partner-companies-with-tag')
    await page.getByLabel('Tag', { exact: true }).selectOption(tag)
    equal(await listedNames(page, name).then((names) => names.join('|')), name, `the rows tagged ${tag}`)
    if (!page.url().includes(`tag=${tag}`))
      throw new Error(`the tag filter is not in the address: ${page.url()}`)
    await screenshot('partner-companies-filtered-by-tag')

    step('a tag applied from the list row comes off again by clicking its chip')
    await page.getByRole('button', { name: `Apply tag to ${name}` }).click()
    const rowApply = page.getByRole('dialog', { name: `Apply tag to ${name}` })
    const other = rowApply.locator('[aria-pressed="false"]').first()
    const otherTag =
      (await (await visible(other, 'a tag not applied yet')).locator('span').first().textContent()) ?? ''
    await other.click()
    await visible(
      rowApply.locator('[aria-pressed="true"]', { hasText: otherTag }),
      `${otherTag} marked applied`,
    )
    await rowApply.getByRole('button', { name: 'Done' }).click()
    const otherChip = partnerRow(page, name).getByRole('button', {
      name: `Remove tag ${otherTag} from ${name}`,
    })
    await otherChip.click()
    const confirm = page.getByRole('dialog', { name: 'Remove tag' })
    await visible(confirm.getByText(`Remove the tag ${otherTag} from ${name}?`), 'the removal confirmation')
    await screenshot('remove-tag-confirmation')
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click()
    await absent(otherChip, `the ${otherTag} chip after removing it`)
    await visible(
      partnerRow(page, name).getByRole('button', { name: `Remove tag ${tag} from ${name}` }),
      `the ${tag} chip, still there`,
    )
    await logOut(page)

    step('the partner logs in and lands on the partner portal')
    await openLogin(page, company)
    await submitLogin(page, { company, login: partnerLogin.username, password: partnerLogin.password })
    await visible(page.getByRole('heading', { name: 'Partner portal', level: 1 }), 'the partner portal')
    await visible(page.getByTestId('user-name').getByText('Partner login'), 'the partner in the top bar')
    await openMenu(page)
    await absent(mainNav(page).getByText('Partner Companies'), 'Administration links for a partner')
    await absent(mainNav(page).getByText('Leads', { exact: true }), 'the Leads link for a partner')
    await screenshot('partner-portal')

    step('every Administration address says "Not allowed" to the partner')
    const adminPages = [
      ['/admin', 'admin'],
      ['/admin/partner-companies', 'partner-companies'],
      ['/admin/partner-companies/new', 'new-partner-company'],
      [`/admin/partner-companies/${partnerId}`, 'own-partner-company'],
      ['/admin/tags', 'tags'],
      ['/admin/office-locations', 'office-locations'],
      ['/admin/message-campaigns', 'message-campaigns'],
      ['/admin/users', 'users'],
    ] as const
    for (const [path, label] of adminPages) {
      await page.goto(path)
      await visible(page.getByRole('heading', { name: 'Not allowed' }), `"Not allowed" at ${path}`)
      await screenshot(`partner-not-allowed-${label}`)
    }
  },
}
