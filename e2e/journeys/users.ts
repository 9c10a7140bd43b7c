import { logIn, logOut, mainNav, openLogin, openMenu, openSection, submitLogin } from '../lib/app.ts'
import { absent, equal, hasText, visible } from '../lib/expect.ts'
import type { Journey } from '../lib/journey.ts'

const rita = { name: 'Rita Rep', email: 'rita@demo.test', password: 'rita-likes-leads-42', role: 'Lead rep' }

/**
 * An admin adds a lead rep through Users & Roles (meeting a field error on the way),
 * and the new rep logs in and sees only what the role allows.
 */
export const usersJourney: Journey = {
  name: 'an admin adds a lead rep, who then logs in',
  async run({ page, server, screenshot, step }) {
    const { company, email, password } = server.admin

    step('the login page is prefilled from ?company= and shows the API error on a wrong password')
    await openLogin(page, company)
    equal(await page.getByLabel('Company', { exact: true }).inputValue(), company, 'the prefilled company')
    await screenshot('login')
    await submitLogin(page, { company, login: email, password: 'not-the-password' })
    await hasText(page.getByRole('alert'), /Wrong company, login or password/, 'the login error')
    await screenshot('login-wrong-password')

    step('the admin logs in and sees the app shell')
    await logIn(page, { company, login: email, password })
    await visible(page.getByTestId('company-name').getByText('Demo Security Co.'), 'the company name')
    await visible(page.getByRole('heading', { name: 'Dashboard', level: 1 }), 'the dashboard first')
    await screenshot('admin-dashboard')

    step('Users & Roles lists the users and the built-in roles')
    await openSection(page, 'Users & Roles', 'Users & Roles')
    await visible(
      page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) }),
      'the admin in the table',
    )
    const rolesTable = page.getByRole('table', { name: 'Roles' })
    for (const role of ['Admin', 'Manager', 'Lead rep', 'Read-only']) {
      await visible(
        rolesTable.getByRole('rowheader', { name: new RegExp(`^${role}`) }),
        `the built-in role ${role}`,
      )
    }
    await screenshot('users-roles')

    step('a too-short password is refused with an error beside the field')
    await page.getByRole('button', { name: 'Add user' }).click()
    const form = page.getByRole('form', { name: 'Add user' })
    await visible(form, 'the Add user form')
    await form.getByLabel('Name', { exact: true }).fill(rita.name)
    await form.getByLabel('Email', { exact: true }).fill(rita.email)
    await form.getByLabel('Password', { exact: true }).fill('short')
    await form.getByRole('checkbox', { name: rita.role, exact: true }).check()
    await form.getByRole('button', { name: 'Create user' }).click()
    const passwordField = form.locator('.field.has-error', {
      has: page.getByLabel('Password', { exact: true }),
    })
    const message = await hasText(passwordField.locator('.field-error'), /\S/, 'the password field error')
    step(`  field error: "${message}"`)
    await absent(
      form.locator('.field.has-error', { has: page.getByLabel('Name', { exact: true }) }),
      'an error on Name',
    )
    await screenshot('add-user-field-error')

    step('with a proper password the user is created and appears in the table')
    await form.getByLabel('Password', { exact: true }).fill(rita.password)
    await form.getByRole('button', { name: 'Create user' }).click()
    await visible(page.getByRole('status').getByText(`${rita.name} added.`), 'the confirmation')
    const row = page.getByRole('row', { name: new RegExp(rita.email.replace(/\./g, '\\.')) })
    await hasText(row, new RegExp(`${rita.name}.*${rita.role}.*Active`), 'the new user row')
    await screenshot('user-added')

    step('the admin logs out; the login page keeps the company')
    await logOut(page)
    equal(
      await page.getByLabel('Company', { exact: true }).inputValue(),
      company,
      'the company after log out',
    )
    await screenshot('logged-out')

    step('the new lead rep logs in and sees the app shell without Administration')
    await logIn(page, { company, login: rita.email, password: rita.password })
    await visible(page.getByTestId('user-name').getByText(rita.name), 'the rep name in the top bar')
    await openMenu(page)
    await visible(mainNav(page).getByRole('link', { name: 'Leads', exact: true }), 'Leads in the navigation')
    await visible(
      mainNav(page).getByRole('link', { name: 'Customers', exact: true }),
      'Customers in the navigation',
    )
    await absent(mainNav(page).getByText('Users & Roles'), 'Users & Roles for a lead rep')
    await screenshot('rep-leads')

    step('the rep is not allowed into Users & Roles, and an unknown address says so')
    await page.goto('/admin/users')
    await visible(page.getByRole('heading', { name: 'Not allowed' }), 'the not-allowed page')
    await screenshot('rep-not-allowed')
    await page.goto('/no-such-page')
    await visible(page.getByRole('heading', { name: 'Page not found' }), 'the not-found page')
    await screenshot('not-found')
  },
}
