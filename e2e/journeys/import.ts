import { logIn } from '../lib/app.ts'
import { equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const stamp = String(Date.now()).slice(-4)
const header = 'First Name,Last Name,Phone Number,E-mail,Zip,Source,Shoe Size'
const refused = `Bea,Broken-${stamp},555,bea@example.net,85002,"ABC Leads, Inc.",38`
const csv = [
  header,
  `Ann,Import-${stamp},(602) 555-05${stamp.slice(-2)},ann.${stamp}@example.net,85001,"ABC Leads, Inc.",40`,
  refused,
  `Cal,Import-${stamp},(602) 555-06${stamp.slice(-2)},,85003,"ABC Leads, Inc.",44`,
].join('\r\n')

/** Leads → Import CSV: upload, match the columns, follow the import, fetch errors.csv, see it listed. */
export const importJourney: Journey = {
  name: 'import',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })

    step('A file with ordinary headers is read, and its columns matched from them (an unknown one ignored)')
    await page.goto('/leads/import')
    await visible(page.getByRole('heading', { name: 'Import leads' }), 'the import page')
    await page.getByLabel('CSV file').setInputFiles({
      name: 'leads.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await page.getByRole('button', { name: 'Next: match the columns' }).click()
    const columns = await visible(page.getByRole('table', { name: 'Columns' }), 'the columns to match')
    equal(await page.getByLabel('Field for column First Name').inputValue(), 'firstName', 'First Name')
    equal(await page.getByLabel('Field for column Phone Number').inputValue(), 'phone', 'Phone Number')
    equal(await page.getByLabel('Field for column E-mail').inputValue(), 'email', 'E-mail')
    equal(await page.getByLabel('Field for column Zip').inputValue(), 'postalCode', 'Zip')
    equal(await page.getByLabel('Field for column Source').inputValue(), 'partnerCompanyId', 'Source')
    equal(await page.getByLabel('Field for column Shoe Size').inputValue(), '', 'Shoe Size (ignored)')
    await hasText(columns, new RegExp(`Import-${stamp}`), 'the first rows of the file')
    await visible(columns.getByRole('columnheader', { name: 'Row 3' }), 'the last row of the file')
    await screenshot('import-mapping')

    step('The import adds the good rows and refuses the broken one, in plain words')
    await page.getByRole('button', { name: 'Start import' }).click()
    await visible(
      page.getByRole('heading', { name: 'Done: 2 added, 1 refused.' }),
      'the finished import',
      60_000,
    )
    await hasText(
      page.getByRole('table', { name: 'Row errors' }),
      /Enter a phone number with its area code/,
      'the reason',
    )
    const link = await visible(page.getByRole('link', { name: /errors\.csv/ }), 'the errors.csv link')
    const href = await link.getAttribute('href')
    const download = await page.request.get(href ?? '')
    equal(download.status(), 200, 'the status of errors.csv')
    equal(
      (await download.text()).trim(),
      `${header},error\r\n${refused},"Enter a phone number with its area code"`,
      'errors.csv',
    )
    await screenshot('import-result')

    step('Past imports lists it with its counts and its errors.csv')
    await page.getByRole('button', { name: 'Import another file' }).click()
    const past = await visible(page.getByRole('table', { name: 'Past imports' }), 'the past imports')
    await visible(past.getByRole('link', { name: 'errors.csv' }).first(), 'the errors.csv link of the import')
    await screenshot('import-list')
  },
}
