import { useAuth } from '../../app/auth.tsx'

/**
 * What a partner company's login sees. For now a landing page: its leads and customers
 * (read-only, those it sold or bought) will be listed here.
 */
export function PartnerPortalPage() {
  const { me } = useAuth()
  return (
    <section className="page">
      <title>Partner portal · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">{me.company.name}</p>
        <h1>Partner portal</h1>
      </header>
      <div className="card placeholder">
        <p>
          <strong>Welcome.</strong> This is your partner access to {me.company.name}: the leads and customers
          you sold to them, or bought from them, will be listed here, read-only.
        </p>
      </div>
    </section>
  )
}
