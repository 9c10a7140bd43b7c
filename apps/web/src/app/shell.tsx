import { useEffect, useId, useState } from 'react'
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { Forbidden } from '../features/errors/forbidden.tsx'
import { useAuth } from './auth.tsx'
import { visibleNavigation } from './navigation.ts'
import { PartnerForbidden } from './require-permission.tsx'
import './shell.css'

/** The frame of every page after login: top bar, navigation, and the page itself. */
export function AppShell() {
  const { me, can, isPartner, logout } = useAuth()
  const [leaving, setLeaving] = useState(false)
  const menu = useFoldingMenu()
  const sections = visibleNavigation({ can, isPartner })
  const who = me.user?.name ?? 'Partner login'

  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="button button-quiet menu-toggle"
          aria-expanded={menu.open}
          aria-controls={menu.id}
          onClick={menu.toggle}
        >
          {menu.open ? 'Close menu' : 'Menu'}
        </button>
        <Link className="brand" to="/">
          Tributary
        </Link>
        <span className="company" data-testid="company-name">
          {me.company.name}
        </span>
        <span className="spacer" />
        <span className="who" data-testid="user-name" title={me.user?.email}>
          {who}
        </span>
        <button
          type="button"
          className="button button-quiet"
          disabled={leaving}
          onClick={() => {
            setLeaving(true)
            void logout()
          }}
        >
          Log out
        </button>
      </header>
      <nav className="sidebar" aria-label="Main" id={menu.id} data-open={menu.open || undefined}>
        {sections.map((section) => (
          <div className="nav-section" key={section.title}>
            {section.items.length > 1 || section.items[0]?.label !== section.title ? (
              <p className="nav-title">{section.title}</p>
            ) : null}
            <ul>
              {section.items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="content">
        <Outlet />
      </main>
    </div>
  )
}

/**
 * Below 768 px the navigation folds away behind Menu: it folds again once a page is chosen, or
 * on Escape. (Wider, the toggle is hidden and the navigation always shown.)
 */
function useFoldingMenu() {
  const [open, setOpen] = useState(false)
  const id = useId()
  const { pathname } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is what closes the menu
  useEffect(() => setOpen(false), [pathname])
  useEffect(() => {
    if (!open) return
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [open])
  return { open, id, toggle: () => setOpen((was) => !was) }
}

/** `/` leads to the first section the login may use. */
export function HomeRedirect() {
  const { can, isPartner } = useAuth()
  const first = visibleNavigation({ can, isPartner })[0]?.items[0]
  if (first) return <Navigate to={first.to} replace />
  return (
    <section className="notice-page">
      <title>Tributary</title>
      <h1>Welcome</h1>
      <p>
        Your account has no sections to show yet. Ask an administrator of your company to give you a role.
      </p>
    </section>
  )
}

/** `/admin` leads to the first Administration page the login may use; without any, "Not allowed". */
export function AdminRedirect() {
  const { can, isPartner } = useAuth()
  const admin = visibleNavigation({ can, isPartner }).find((section) => section.title === 'Administration')
  const first = admin?.items[0]
  if (first) return <Navigate to={first.to} replace />
  return isPartner ? <PartnerForbidden /> : <Forbidden />
}
