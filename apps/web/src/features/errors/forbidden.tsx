/** Shown when the API answers 403 or the login lacks the permission a page needs. */
export function Forbidden({ detail, hint }: { detail?: string | undefined; hint?: string | undefined }) {
  return (
    <section className="notice-page" aria-labelledby="forbidden-title">
      <p className="notice-code">403</p>
      <h1 id="forbidden-title">Not allowed</h1>
      <p>{detail || 'Your role does not give you access to this page.'}</p>
      <p className="muted">{hint || 'If you need it for your work, ask an administrator of your company.'}</p>
    </section>
  )
}
