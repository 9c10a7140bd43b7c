import dns, { type LookupAddress } from 'node:dns'
import ipaddr from 'ipaddr.js'
import { Agent, request } from 'undici'

// Post URLs are user input: every request to one must not reach this machine, its network or
// a cloud metadata service (SSRF). The host is resolved here, each address is checked, and the
// connection goes to a checked address only (no second lookup an attacker's DNS could change).

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number]
export type AllowList = { hosts: Set<string>; cidrs: Cidr[] }

/** OUTBOUND_ALLOW_HOSTS: host names, addresses or CIDRs the operator lets the exchange reach. */
export function allowList(entries: string[]): AllowList {
  const hosts = new Set<string>()
  const cidrs: Cidr[] = []
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
    if (!entry) continue
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) cidrs.push(ipaddr.parseCIDR(entry))
    else if (ipaddr.isValid(entry))
      cidrs.push([ipaddr.process(entry), ipaddr.process(entry).kind() === 'ipv4' ? 32 : 128])
    else hosts.add(entry)
  }
  return { hosts, cidrs }
}

/** Only ordinary public unicast addresses; IPv4-mapped IPv6 is judged as the IPv4 it carries. */
function addressAllowed(address: string, allow: AllowList): boolean {
  if (!ipaddr.isValid(address)) return false
  const ip = ipaddr.process(address)
  if (allow.cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match([net, bits] as never)))
    return true
  return ip.range() === 'unicast'
}

export class OutboundRefused extends Error {}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase()

/** Refuses what never needs a lookup: other schemes, credentials, and literal private addresses. */
function checkShape(url: URL, allow: AllowList) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRefused('Only http and https URLs')
  if (url.username || url.password) throw new OutboundRefused('A Post URL may not carry credentials')
  const host = hostOf(url)
  if (allow.hosts.has(host)) return
  if (ipaddr.isValid(host) && !addressAllowed(host, allow))
    throw new OutboundRefused(`${host} is a private, local or reserved address`)
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new OutboundRefused('localhost is not reachable from the exchange')
}

/** Resolves a host and keeps only addresses the guard allows; refuses when none is left. */
async function resolveAllowed(host: string, allow: AllowList): Promise<LookupAddress[]> {
  if (ipaddr.isValid(host)) return [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }]
  const found = await dns.promises.lookup(host, { all: true, verbatim: true })
  if (allow.hosts.has(host)) return found
  const bad = found.find((a) => !addressAllowed(a.address, allow))
  if (bad)
    throw new OutboundRefused(`${host} resolves to ${bad.address}, a private, local or reserved address`)
  return found
}

/**
 * Save-time check of a Post URL; null when it may be used, else why not. A name that does not
 * resolve yet may pass (`unresolvedIsFine`): every send checks again anyway.
 */
export async function refusalOf(
  postUrl: string,
  allow: AllowList,
  { unresolvedIsFine = false } = {},
): Promise<string | null> {
  try {
    const url = new URL(postUrl)
    checkShape(url, allow)
    await resolveAllowed(hostOf(url), allow)
    return null
  } catch (error) {
    if (error instanceof OutboundRefused) return error.message
    if (error instanceof TypeError) return 'Not a valid URL'
    return unresolvedIsFine
      ? null
      : `The host could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'lookup failed'})`
  }
}

export type OutboundResponse = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type Outbound = {
  post(url: string, headers: Record<string, string>, body: string): Promise<OutboundResponse>
  allow: AllowList
  close(): Promise<void>
}

const TIMEOUT_MS = 15_000
const MAX_ANSWER_BYTES = 64 * 1024

/** The exchange's HTTP client: keep-alive pools, 15 s timeout, no redirects, the SSRF guard. */
export function createOutbound(allowEntries: string[]): Outbound {
  const allow = allowList(allowEntries)
  const agent = new Agent({
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
    connect: {
      timeout: TIMEOUT_MS,
      // Called by net.connect for host names: the connection goes only to checked addresses.
      lookup: ((host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        resolveAllowed(host.toLowerCase(), allow).then(
          (found) => {
            const first = found[0] as LookupAddress
            if (options.all) callback(null, found)
            else callback(null, first.address, first.family)
          },
          (error) => callback(error),
        )
      }) as never,
    },
  })
  return {
    allow,
    async post(target, headers, body) {
      const url = new URL(target)
      checkShape(url, allow)
      const answer = await request(url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'user-agent': 'Tributary-Exchange/1', ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      let text = ''
      for await (const chunk of answer.body) {
        if (text.length < MAX_ANSWER_BYTES) text += chunk.toString()
      }
      return { status: answer.statusCode, headers: answer.headers, body: text.slice(0, MAX_ANSWER_BYTES) }
    },
    close: () => agent.close(),
  }
}
