export function LeadsPage() {
  return (
    <section>
      <title>Leads · Tributary</title>
      <header className="page-header">
        <h1>Leads</h1>
      </header>
      <div className="card placeholder">
        <p>
          <strong>This section is coming.</strong> The Pending list, the Queue, assignment and each lead's
          timeline will be here.
        </p>
      </div>
    </section>
  )
}
