/**
 * What went wrong with an attempt, in plain words. The server keeps the technical cause
 * ("HTTP 500: …", "ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:443"); the screen says what it means.
 */
const network: [RegExp, string][] = [
  [/^ECONNREFUSED/, "The partner's server refused the connection (is the Post URL right?)"],
  [/^(ENOTFOUND|EAI_AGAIN)/, "The partner's address could not be found (is the Post URL right?)"],
  [/^(ETIMEDOUT|UND_ERR_\w*TIMEOUT|TimeoutError|AbortError)/, "The partner's server did not answer in time"],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)/, "The connection to the partner's server was cut off"],
  [
    /^(CERT_|UNABLE_TO_VERIFY|DEPTH_ZERO|ERR_TLS|SELF_SIGNED)/,
    "The partner's server has no valid certificate",
  ],
]

function refusal(status: number, detail: string | undefined): string {
  if (detail) return `The partner refused it: ${detail}`
  if (status >= 500) return `The partner's system failed (error ${status})`
  if (status === 429) return 'The partner asked to slow down'
  if (status === 401) return 'The partner did not accept the signature (the secret may be wrong)'
  if (status === 410) return 'The partner has switched this connection off'
  if (status < 400) return 'The partner answered with a redirect, which is not followed'
  return `The partner refused it (error ${status})`
}

export function plainDeliveryError(error: string | null): string | null {
  if (!error) return null
  const http = /^HTTP (\d{3})(?:: (.*))?$/s.exec(error)
  if (http) return refusal(Number(http[1]), http[2])
  return network.find(([pattern]) => pattern.test(error))?.[1] ?? error
}
