import { isRouteErrorResponse, useRouteError } from 'react-router'
import { ErrorView } from './error-view.tsx'
import { NotFoundPage } from './not-found-page.tsx'

/** The router's error boundary: anything a page throws while rendering ends up here. */
export function RouteErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  if (isRouteErrorResponse(error)) {
    return <ErrorView error={new Error(`${error.status} ${error.statusText}`)} />
  }
  return <ErrorView error={error} />
}
