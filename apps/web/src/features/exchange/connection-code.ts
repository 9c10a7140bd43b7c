/** The one-paste connection code a buyer's Tributary shows: `trbx1_` + base64url of the three fields. */
export type ConnectionFields = { postUrl: string; sourceId: string; secret: string }

const prefix = 'trbx1_'

/** The three fields, or a sentence saying why the pasted text is not a connection code. */
export function decodeConnectionCode(text: string): ConnectionFields | string {
  const code = text.trim()
  if (!code.startsWith(prefix))
    return 'This is not a connection code: it should start with trbx1_. Copy it again from the partner.'
  let parsed: unknown
  try {
    const base64 = code.slice(prefix.length).replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    parsed = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return 'This connection code is damaged (perhaps cut short while copying). Copy all of it again.'
  }
  const { postUrl, sourceId, secret } = (parsed ?? {}) as Record<string, unknown>
  if (typeof postUrl !== 'string' || typeof sourceId !== 'string' || typeof secret !== 'string')
    return 'This connection code lacks the Post URL, Source ID or secret. Ask the partner for a new one.'
  return { postUrl, sourceId, secret }
}
