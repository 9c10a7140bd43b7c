import type { Page } from 'playwright-core'
import { logIn, openSection } from '../lib/app.ts'
import { absent, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const rolesTable = (page: Page) => page.getByRole('table', { name: 'Roles' })
const usersTable = (page: Page) => page.getByRole('table', { name: 'Users' })
/** The row of a role by its name (built-in roles carry a "built-in" tag after it). */
const roleRow = (page: Page, name: string) =>
  rolesTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}(\\s*built-in)?$`) }) })

/**
 * An admin makes a custom role, changes it, gives it to a user while disabling that user,
 * deletes both, and cannot disable themselves.
 */
export const rolesJourney: Journey = {
  name: 'an admin manages a custom role and the users who hold it',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin
    await logIn(page, { company, login: email, password })
    await openSection(page, 'Users & Roles', 'Users & Roles')

    step('built-in roles cannot be edited')
    await visible(roleRow(page, 'Admin'), 'the Admin role')
    await absent(page.getByRole('button', { name: 'Edit role Admin' }), 'an Edit button on a built-in role')

    step('a role without a name is refused beside the field')
    await page.getByRole('button', { name: 'New role' }).click()
    const form = page.getByRole('form', { name: 'New role' })
    await form.getByRole('button', { name: 'Create role' }).click()
    await hasText(form.locator('.field.has-error .field-error'), /\S/, 'the role name error')
    await screenshot('new-role-field-error')

    step('a custom role is created with the permissions ticked')
    await form.getByLabel('Role name', { exact: true }).fill('Auditor')
    await form.getByRole('checkbox', { name: 'View audit', exact: true }).check()
    await form.getByRole('checkbox', { name: 'View mail', exact: true }).check()
    await form.getByRole('button', { name: 'Create role' }).click()
    await hasText(roleRow(page, 'Auditor'), /View audit.*View mail/, 'the new role row')
    await screenshot('role-created')

    step('the role is renamed and loses a permission')
    await page.getByRole('button', { name: 'Edit role Auditor' }).click()
    const edit = page.getByRole('form', { name: 'Edit role Auditor' })
    await edit.getByLabel('Role name', { exact: true }).fill('Auditors')
    await edit.getByRole('checkbox', { name: 'View mail', exact: true }).uncheck()
    await edit.getByRole('button', { name: 'Save role' }).click()
    const text = await hasText(roleRow(page, 'Auditors'), /View audit/, 'the renamed role row')
    if (text.includes('View mail')) throw new Error('the role still grants View mail')

    step('a user gets the role and is disabled')
    await page.getByRole('button', { name: 'Edit Rory Reader' }).click()
    const user = page.getByRole('form', { name: 'Edit Rory Reader' })
    await user.getByRole('checkbox', { name: 'Auditors', exact: true }).check()
    await user.getByRole('checkbox', { name: 'Disabled', exact: true }).check()
    await user.getByRole('button', { name: 'Save changes' }).click()
    const rory = usersTable(page).getByRole('row', { name: /readonly@demo\.test/ })
    await hasText(rory, /Auditors.*Disabled/, 'Rory Reader with the role, disabled')
    await hasText(
      roleRow(page, 'Auditors').getByRole('cell').nth(1),
      /^1$/,
      'the number of users holding the role',
    )
    await screenshot('user-disabled')

    step('an admin cannot disable themselves; the reason shows beside the box')
    await page.getByRole('button', { name: 'Edit Ada Admin' }).click()
    const self = page.getByRole('form', { name: 'Edit Ada Admin' })
    await self.getByRole('checkbox', { name: 'Disabled', exact: true }).check()
    await self.getByRole('button', { name: 'Save changes' }).click()
    await hasText(self.locator('.checkbox.has-error .field-error'), /\S/, 'the error beside Disabled')
    await screenshot('cannot-disable-self')
    await self.getByRole('button', { name: 'Cancel' }).click()

    step('the user and the role are deleted')
    await page.getByRole('button', { name: 'Delete Rory Reader' }).click()
    await rory.getByRole('button', { name: 'Delete', exact: true }).click()
    await visible(page.getByRole('status').getByText('Rory Reader deleted.'), 'the user deletion notice')
    await absent(usersTable(page).getByRole('row', { name: /readonly@demo\.test/ }), 'the deleted user')
    await page.getByRole('button', { name: 'Delete role Auditors' }).click()
    await roleRow(page, 'Auditors').getByRole('button', { name: 'Delete', exact: true }).click()
    await visible(page.getByRole('status').getByText('Role Auditors deleted.'), 'the role deletion notice')
    await absent(roleRow(page, 'Auditors'), 'the deleted role')
    await screenshot('deleted')
  },
}
