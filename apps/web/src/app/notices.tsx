import { useState } from 'react'

/** The one-line outcome of the last action on a page: a success notice or a failure, never both. */
export function useNotices() {
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  return {
    notice,
    failure,
    succeeded(message: string) {
      setFailure(null)
      setNotice(message)
    },
    failed(message: string) {
      setNotice(null)
      setFailure(message)
    },
    clearNotice: () => setNotice(null),
    clearFailure: () => setFailure(null),
  }
}

export type Notices = ReturnType<typeof useNotices>

/** Shows the notice politely and the failure as an alert; `narrow` matches a narrow list below. */
export function NoticeAlerts({ notices, narrow }: { notices: Notices; narrow?: boolean }) {
  const width = narrow ? ' narrow' : ''
  return (
    <>
      {notices.notice ? (
        <output className={`alert alert-success${width}`} aria-live="polite">
          {notices.notice}
        </output>
      ) : null}
      {notices.failure ? (
        <div className={`alert alert-error${width}`} role="alert">
          {notices.failure}
        </div>
      ) : null}
    </>
  )
}
