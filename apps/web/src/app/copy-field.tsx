import { useId, useRef, useState } from 'react'

/** A read-only value with a Copy button, e.g. the login URL to send to a partner. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<string | null>(null)

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setStatus('Copied')
    } catch {
      // No clipboard permission (or an insecure origin): leave it selected for Ctrl+C.
      input.current?.select()
      setStatus('Selected — press Ctrl+C to copy')
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          type="text"
          value={value}
          readOnly
          onFocus={(event) => event.target.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <output className="copy-status" aria-live="polite">
        {status}
      </output>
    </div>
  )
}
