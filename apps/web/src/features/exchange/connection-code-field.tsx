import { useState } from 'react'
import { TextField } from '../../app/form.tsx'
import { type ConnectionFields, decodeConnectionCode } from './connection-code.ts'

/**
 * "Paste a connection code": the code a buyer's Tributary shows when it generates posting
 * credentials. A code that decodes fills Post URL, Source ID and secret; one that does not says why.
 */
export function ConnectionCodeField({
  name,
  onDecoded,
}: {
  name: string
  onDecoded: (fields: ConnectionFields) => void
}) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [filled, setFilled] = useState(false)

  function paste(text: string) {
    setCode(text)
    setFilled(false)
    if (!text.trim()) {
      setError(undefined)
      return
    }
    const decoded = decodeConnectionCode(text)
    if (typeof decoded === 'string') {
      setError(decoded)
      return
    }
    setError(undefined)
    setFilled(true)
    onDecoded(decoded)
  }

  return (
    <TextField
      label="Paste a connection code"
      name={name}
      value={code}
      onChange={paste}
      error={error}
      hint={
        filled
          ? '✓ Post URL, Source ID and secret filled in below. Save to connect.'
          : 'From the partner: it starts with trbx1_ and fills the three fields below'
      }
      placeholder="trbx1_…"
      autoComplete="off"
    />
  )
}
