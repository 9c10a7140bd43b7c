import { Webhook } from 'standardwebhooks'

// Standard Webhooks v1 (HMAC-SHA256 over id.timestamp.body), through the reference library.
// Tributary's own secrets are `whsec_` + base64; a secret typed in by hand is used as raw bytes.

const webhookFor = (secret: string) =>
  secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' })

export function signedHeaders(secret: string, webhookId: string, body: string, at = new Date()) {
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhookFor(secret).sign(webhookId, at, body),
  }
}

/** Whether the body carries a valid signature by one of `secrets`, within ±5 minutes. */
export function verifySignature(secrets: string[], body: string, headers: Record<string, string>): boolean {
  for (const secret of secrets) {
    try {
      // The caller parses the body itself; the library would parse it a second time.
      webhookFor(secret).verify(body, headers, { jsonParse: false })
      return true
    } catch {
      // Next secret: a rotated one verifies for a day.
    }
  }
  return false
}
