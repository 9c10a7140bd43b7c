import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ErrorView } from './error-view.tsx'

type State = { error: unknown; failed: boolean }

/** The last line of defence around the whole app: a failure outside any route still gets a clear page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined, failed: false }

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unexpected failure', error, info.componentStack)
  }

  override render() {
    if (this.state.failed) {
      return (
        <main className="standalone">
          <ErrorView error={this.state.error} />
        </main>
      )
    }
    return this.props.children
  }
}
