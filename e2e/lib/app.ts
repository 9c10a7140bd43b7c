import type { Page } from 'playwright-core'
import { visible } from './expect.ts'

/** Steps through Tributary's UI that many journeys share. */

export type Credentials = { company: string; login: string; password: string }

export async function openLogin(page: Page, company: string) {
  await page.goto(`/login?company=${encodeURIComponent(company)}`)
  await visible(page.getByRole('heading', { name: 'Log in' }), 'the login form')
}

/** Fills and submits the login form on the current page. */
export async function submitLogin(page: Page, { company, login, password }: Credentials) {
  await page.getByLabel('Company', { exact: true }).fill(company)
  await page.getByLabel('Email or username', { exact: true }).fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
}

/** Logs in and waits for the app shell. */
export async function logIn(page: Page, credentials: Credentials) {
  await openLogin(page, credentials.company)
  await submitLogin(page, credentials)
  await visible(page.getByRole('button', { name: 'Log out' }), 'the app shell after logging in')
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click()
  await visible(page.getByRole('heading', { name: 'Log in' }), 'the login form after logging out')
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' })
}

/** On a small screen the navigation is folded behind Menu: unfolds it (nothing to do on a wide one). */
export async function openMenu(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  if (await menu.isVisible()) await menu.click()
}

export async function openSection(page: Page, label: string, heading: string) {
  await openMenu(page)
  await mainNav(page).getByRole('link', { name: label, exact: true }).click()
  await visible(page.getByRole('heading', { name: heading, level: 1 }), `the "${heading}" page`)
}
