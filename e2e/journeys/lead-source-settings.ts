import type { Page } from 'playwright-core'
import { logIn, openSection } from '../lib/app.ts'
import { absent, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'
import { unusedName } from '../lib/names.ts'

/** The names in a list once it has loaded (`empty` is what the page says when there are none). */
async function rowNames(page: Page, table: string, empty: string): Promise<string[]> {
  const list = page.getByRole('table', { name: table })
  await visible(list.or(page.getByText(empty)), `the ${table} list`)
  return list.getByRole('rowheader').allTextContents()
}

/**
 * The settings partner companies refer to: an office location (with a field error, and one that
 * is in use and cannot be deleted), a message campaign written with a live preview, and tags
 * renamed and deleted.
 */
export const leadSourceSettingsJourney: Journey = {
  name: 'an admin sets up office locations, message campaigns and tags',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('Office Locations lists the first office every company starts with')
    await openSection(page, 'Office Locations', 'Office Locations')
    const offices = page.getByRole('table', { name: 'Office locations' })
    await visible(offices.getByRole('rowheader', { name: 'Main Office', exact: true }), 'the Main Office')
    await screenshot('office-locations')

    step('a country that is not two letters is refused beside the field, then the office is added')
    const office = unusedName(
      await rowNames(page, 'Office locations', 'There are no office locations yet.'),
      'Tucson Branch',
    )
    await page.getByRole('button', { name: 'Add office location' }).click()
    const form = page.getByRole('form', { name: 'Add office location' })
    await form.getByLabel('Name', { exact: true }).fill(office)
    await form.getByLabel('City', { exact: true }).fill('Tucson')
    await form.getByLabel('State / Region', { exact: true }).fill('AZ')
    await form.getByLabel('Country', { exact: true }).fill('USA')
    await form.getByLabel('Time zone', { exact: true }).selectOption('America/Phoenix')
    await form.getByRole('button', { name: 'Add office location' }).click()
    const country = form.locator('.field.has-error', { has: page.getByLabel('Country', { exact: true }) })
    step(`  field error: "${await hasText(country.locator('.field-error'), /\S/, 'the Country error')}"`)
    await screenshot('office-location-field-error')
    await form.getByLabel('Country', { exact: true }).fill('US')
    await form.getByRole('button', { name: 'Add office location' }).click()
    await visible(page.getByRole('status').getByText(`${office} added.`), 'the confirmation')
    const row = offices
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: office, exact: true }) })
    await hasText(row, /Tucson, AZ, US.*America\/Phoenix/, 'the new office row')
    await screenshot('office-location-added')

    step('an office location that partner companies send customers to cannot be deleted; the reason shows')
    await page.getByRole('button', { name: 'Delete office location Main Office', exact: true }).click()
    await offices.getByRole('button', { name: 'Delete', exact: true }).click()
    const reason = await hasText(page.getByRole('alert'), /Could not delete Main Office: \S/, 'the refusal')
    step(`  ${reason}`)
    await screenshot('office-location-in-use')
    await page.getByRole('button', { name: `Delete office location ${office}`, exact: true }).click()
    await offices.getByRole('button', { name: 'Delete', exact: true }).click()
    await visible(page.getByRole('status').getByText(`${office} deleted.`), 'the deletion notice')
    await absent(row, 'the deleted office')

    step('a message campaign with an unknown placeholder is marked before saving, by the live preview')
    await openSection(page, 'Message Campaigns', 'Message Campaigns')
    const template = unusedName(
      await rowNames(page, 'Message campaigns', 'There are no message campaigns yet.'),
      'Lead welcome',
    )
    await page.getByRole('button', { name: 'Add message campaign' }).click()
    const editor = page.getByRole('form', { name: 'Add message campaign' })
    await editor.getByLabel('Name', { exact: true }).fill(template)
    await editor.getByLabel('Subject', { exact: true }).fill('Thanks, {{lead.firstName}}')
    const body = editor.getByLabel('Body', { exact: true })
    await body.fill('Hello {{lead.nickname}}')
    const bodyField = editor.locator('.field.has-error', { has: page.getByLabel('Body', { exact: true }) })
    step(
      `  body error: "${await hasText(bodyField.locator('.field-error'), /lead\.nickname/, 'the placeholder error')}"`,
    )
    await screenshot('message-campaign-unknown-placeholder')

    step('placeholders are inserted from the list, and the preview shows the message with sample data')
    await body.fill('Hello ')
    await editor.getByRole('button', { name: '{{lead.firstName}}', exact: true }).click()
    await body.press('End')
    await body.pressSequentially(',\n\nthank you for your interest in ')
    await editor.getByRole('button', { name: '{{company.name}}', exact: true }).click()
    await absent(bodyField, 'the body error once the placeholder is fixed')
    await hasText(editor.getByTestId('preview-subject'), /^Thanks, \S+/, 'the previewed subject')
    const rendered = await previewedHtml(page, /^Hello \S+,\s*thank you for your interest in \S/)
    step(`  preview: "${rendered.replace(/\s+/g, ' ')}"`)
    await screenshot('message-campaign-preview')
    await editor.getByRole('button', { name: 'Add message campaign' }).click()
    await visible(page.getByRole('status').getByText(`${template} added.`), 'the confirmation')
    await visible(
      page
        .getByRole('table', { name: 'Message campaigns' })
        .getByRole('rowheader', { name: template, exact: true }),
      'the new message campaign',
    )
    await screenshot('message-campaign-added')

    step('a tag is added, renamed (a taken name is refused) and deleted')
    await openSection(page, 'Tags', 'Tags')
    const taken = await rowNames(page, 'Tags', 'There are no tags yet.')
    const tag = unusedName(taken, 'Seasonal')
    const renamed = unusedName(taken, 'Seasonal buyers')
    await page.getByLabel('New tag', { exact: true }).fill(tag)
    await page.getByRole('button', { name: 'Add tag', exact: true }).click()
    await visible(page.getByRole('status').getByText(`Tag ${tag} added.`), 'the new tag')
    await page.getByRole('button', { name: `Rename tag ${tag}` }).click()
    const rename = page.getByRole('form', { name: `Rename tag ${tag}` })
    if (taken[0]) {
      await rename.getByLabel(`New name for ${tag}`).fill(taken[0])
      await rename.getByRole('button', { name: 'Save' }).click()
      step(`  taken name: "${await hasText(rename.locator('.field-error'), /\S/, 'the taken-name error')}"`)
      await screenshot('tag-rename-taken')
    }
    await rename.getByLabel(`New name for ${tag}`).fill(renamed)
    await rename.getByRole('button', { name: 'Save' }).click()
    await visible(
      page.getByRole('status').getByText(`Tag ${tag} renamed to ${renamed}.`),
      'the rename notice',
    )
    await page.getByRole('button', { name: `Delete tag ${renamed}` }).click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await visible(page.getByRole('status').getByText(`Tag ${renamed} deleted.`), 'the deletion notice')
    await absent(
      page.getByRole('table', { name: 'Tags' }).getByRole('rowheader', { name: renamed, exact: true }),
      'the deleted tag',
    )
    await screenshot('tags-after-delete')
  },
}

/**
 * The text of the HTML the preview frame is given (its srcdoc), once it matches: read from the
 * frame element, not from inside the sandboxed frame, whose reload after each keystroke the
 * browser may still be finishing.
 */
async function previewedHtml(page: Page, pattern: RegExp): Promise<string> {
  const frame = page.locator('iframe[title="HTML preview"]')
  let last = ''
  for (let i = 0; i < 150; i++) {
    const doc = (await frame.getAttribute('srcdoc').catch(() => null)) ?? ''
    const body = /<body>([\s\S]*)<\/body>/.exec(doc)?.[1] ?? ''
    last = body
      .replace(/<br>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .trim()
    if (pattern.test(last)) return last
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`expected the HTML preview to match ${pattern}, got "${last}"`)
}
