import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startTestApp, type TestApp } from './app.ts'
import { call, type Session, signup } from './client.ts'
import { eventually } from './smtp.ts'

/** A free loopback port (the app must know its own address before it listens: PUBLIC_URL). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise((r) => server.close(r))
  return port
}

export type Company = { t: TestApp; url: string; admin: Session & { email: string } }

/** A Tributary listening on loopback with one company, allowed to post to loopback. */
export async function listeningCompany(env: Record<string, string> = {}): Promise<Company> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t = await startTestApp({
    PUBLIC_URL: url,
    OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
    EXCHANGE_RETRY_DELAY_SECONDS: '0.2',
    ...env,
  })
  await t.app.listen({ port, host: '127.0.0.1' })
  return { t, url, admin: await signup(t.app) }
}

export async function firstOffice(c: Company): Promise<string> {
  const res = await call(c.t.app, 'GET', '/api/v1/office-locations', { token: c.admin.token })
  return res.body.items[0].id
}

/**
 * The one-paste set-up through the API: the buyer issues credentials on the seller (which
 * sells it leads and customers), the seller saves them in its Buys sections, and the handshake
 * gives the buyer a reply channel. Returns each side's partner company id for the other.
 */
export async function connect(
  seller: Company,
  buyer: Company,
  {
    buys = {},
    via = (postUrl: string) => postUrl,
  }: { buys?: Record<string, unknown>; via?: (postUrl: string) => string } = {},
) {
  const sellerAtBuyer = await call(buyer.t.app, 'POST', '/api/v1/partner-companies', {
    token: buyer.admin.token,
    body: {
      name: `Seller ${seller.admin.slug}`,
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue', includeCallCenterCommentsWithReturn: true },
      sellsCustomers: { enabled: true, defaultOfficeLocationId: await firstOffice(buyer) },
    },
  })
  if (sellerAtBuyer.status !== 201) throw new Error(`seller partner: ${JSON.stringify(sellerAtBuyer.body)}`)
  const credentials = await call(
    buyer.t.app,
    'POST',
    `/api/v1/partner-companies/${sellerAtBuyer.body.id}/connection`,
    {
      token: buyer.admin.token,
    },
  )
  if (credentials.status !== 201) throw new Error(`credentials: ${JSON.stringify(credentials.body)}`)
  const { postUrl, sourceId, secret } = credentials.body
  const section = { enabled: true, deliveryMethod: 'exchange', postUrl: via(postUrl), sourceId, secret }
  const buyerAtSeller = await call(seller.t.app, 'POST', '/api/v1/partner-companies', {
    token: seller.admin.token,
    body: { name: `Buyer ${buyer.admin.slug}`, buysLeads: section, buysCustomers: section, ...buys },
  })
  if (buyerAtSeller.status !== 201) throw new Error(`buyer partner: ${JSON.stringify(buyerAtSeller.body)}`)
  const shaken = await eventually(async () => {
    const status = await call(
      buyer.t.app,
      'GET',
      `/api/v1/partner-companies/${sellerAtBuyer.body.id}/connection`,
      {
        token: buyer.admin.token,
      },
    )
    return status.body.replyChannel === true
  })
  if (!shaken) throw new Error('the handshake did not arrive')
  return {
    sellerAtBuyer: sellerAtBuyer.body.id as string,
    buyerAtSeller: buyerAtSeller.body.id as string,
    credentials: credentials.body as { postUrl: string; sourceId: string; secret: string },
  }
}

/** Waits until a delivery reaches `state`; returns it. */
export async function deliveryIn(c: Company, id: string, state: string, ms = 20_000) {
  let last: { state: string; [k: string]: unknown } | undefined
  await eventually(async () => {
    last = (await call(c.t.app, 'GET', `/api/v1/deliveries/${id}`, { token: c.admin.token })).body
    return last?.state === state
  }, ms)
  return last as {
    state: string
    attempts: { status: number | null; error: string | null }[]
    [k: string]: unknown
  }
}

export type Recorded = { headers: IncomingMessage['headers']; body: string }

/** A receiver on loopback that answers with `respond` and records every request. */
export async function startReceiver(
  respond: (req: Recorded, n: number, res: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; requests: Recorded[]; server: Server; close(): Promise<void> }> {
  const requests: Recorded[] = []
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const recorded = { headers: req.headers, body }
    requests.push(recorded)
    await respond(recorded, requests.length, res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  }
}

/** Forwards a request to `target` and hands its answer back. */
export async function forward(target: string, req: Recorded, path: string) {
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([k, v]) => k.startsWith('webhook-') && typeof v === 'string'),
  ) as Record<string, string>
  return fetch(`${target}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: req.body,
  })
}
