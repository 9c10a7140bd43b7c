import { Link } from 'react-router'

export function NotFoundPage({ detail }: { detail?: string }) {
  return (
    <section className="notice-page" aria-labelledby="not-found-title">
      <title>Page not found · Tributary</title>
      <p className="notice-code">404</p>
      <h1 id="not-found-title">Page not found</h1>
      <p>{detail || 'There is nothing at this address. It may have moved, or the link may be mistyped.'}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  )
}
