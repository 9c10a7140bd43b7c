import { ApiError } from '../../app/api.ts'
import { Forbidden } from './forbidden.tsx'
import { NotFoundPage } from './not-found-page.tsx'

/** What a page shows when its data could not be loaded. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <Forbidden detail={error.detail} />
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage detail={error.detail} />
  const message =
    error instanceof ApiError
      ? error.detail || error.title
      : error instanceof Error
        ? error.message
        : 'An unexpected error occurred.'
  return (
    <section className="notice-page" role="alert" aria-labelledby="error-title">
      <p className="notice-code">{error instanceof ApiError && error.status ? error.status : 'Error'}</p>
      <h1 id="error-title">Something went wrong</h1>
      <p>{message}</p>
      <p className="actions">
        {onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        ) : (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        )}
      </p>
    </section>
  )
}
