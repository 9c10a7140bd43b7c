export function CustomersPage() {
  return (
    <section>
      <title>Customers · Tributary</title>
      <header className="page-header">
        <h1>Customers</h1>
      </header>
      <div className="card placeholder">
        <p>
          <strong>This section is coming.</strong> Converted and purchased customers, their sources, returns
          and sales will be here.
        </p>
      </div>
    </section>
  )
}
