import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, signup, userWithRole } from '../../../test/helpers/client.ts'
import { type Company, connect, deliveryIn, listeningCompany } from '../../../test/helpers/exchange.ts'
import { createLead, timelineTypes } from '../../../test/helpers/leads.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'
import { eventually } from '../../../test/helpers/smtp.ts'

let seller: Company
let buyer: Company
let link: Awaited<ReturnType<typeof connect>>
let source: string
beforeAll(async () => {
  ;[seller, buyer] = await Promise.all([listeningCompany(), listeningCompany()])
  link = await connect(seller, buyer)
  source = (await createPartner(seller.t.app, seller.admin)).id
})
afterAll(async () => {
  await Promise.all([seller.t.close(), buyer.t.close()])
})

const sellLeads = (body: Record<string, unknown>) =>
  call(seller.t.app, 'POST', '/api/v1/leads/sell', { token: seller.admin.token, body })

const buyerLeads = async () =>
  (
    await call(buyer.t.app, 'GET', `/api/v1/leads?partnerCompanyId=${link.sellerAtBuyer}&limit=200`, {
      token: buyer.admin.token,
    })
  ).body.items as { id: string; firstName: string; location: string; campaignId: string | null }[]

describe('connecting two companies', () => {
  it('shows both sides connected after the one-paste set-up and its handshake', async () => {
    const atBuyer = await call(
      buyer.t.app,
      'GET',
      `/api/v1/partner-companies/${link.sellerAtBuyer}/connection`,
      {
        token: buyer.admin.token,
      },
    )
    expect(atBuyer.body).toMatchObject({ replyChannel: true, connected: true })
    expect(atBuyer.body.inbound.sourceId).toBe(link.credentials.sourceId)
    expect(JSON.stringify(atBuyer.body)).not.toContain(link.credentials.secret)
    const atSeller = await call(
      seller.t.app,
      'GET',
      `/api/v1/partner-companies/${link.buyerAtSeller}/connection`,
      {
        token: seller.admin.token,
      },
    )
    expect(atSeller.body.connected).toBe(true)
    expect(atSeller.body.lastDelivery).toMatchObject({ kind: 'connection.hello', state: 'delivered' })
  })

  it('issues whsec_ secrets of at least 24 random bytes, shown once, and a connection code', async () => {
    const other = await createPartner(buyer.t.app, buyer.admin)
    const res = await call(buyer.t.app, 'POST', `/api/v1/partner-companies/${other.id}/connection`, {
      token: buyer.admin.token,
    })
    expect(res.status).toBe(201)
    expect(res.body.secret).toMatch(/^whsec_/)
    expect(Buffer.from(res.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24)
    expect(res.body.postUrl).toBe(`${buyer.url}/api/v1/exchange/${buyer.admin.slug}`)
    const code = JSON.parse(
      Buffer.from(res.body.connectionCode.replace(/^trbx1_/, ''), 'base64url').toString(),
    )
    expect(code).toEqual({ postUrl: res.body.postUrl, sourceId: res.body.sourceId, secret: res.body.secret })
    const partner = await call(buyer.t.app, 'GET', `/api/v1/partner-companies/${other.id}`, {
      token: buyer.admin.token,
    })
    expect(JSON.stringify(partner.body)).not.toContain(res.body.secret)
  })

  it('refuses credentials for a partner that sells nothing to you', async () => {
    const onlyBuys = await createPartner(buyer.t.app, buyer.admin, {
      name: 'Buys only',
      buysLeads: { enabled: true, deliveryMethod: 'email', saleNotificationEmails: ['x@example.test'] },
    })
    const res = await call(buyer.t.app, 'POST', `/api/v1/partner-companies/${onlyBuys.id}/connection`, {
      token: buyer.admin.token,
    })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
  })

  it('tests a connection with a ping that creates nothing', async () => {
    const before = (await buyerLeads()).length
    const res = await call(
      seller.t.app,
      'POST',
      `/api/v1/partner-companies/${link.buyerAtSeller}/connection/test`,
      {
        token: seller.admin.token,
        body: { section: 'buysLeads' },
      },
    )
    expect(res.status).toBe(202)
    const delivery = await deliveryIn(seller, res.body.deliveryId, 'delivered')
    expect(delivery.attempts).toHaveLength(1)
    expect(delivery.attempts[0]?.status).toBe(200)
    expect((await buyerLeads()).length).toBe(before)
  })
})

describe('the connection state', () => {
  it('shows Connected on the seller even when its Test connection goes before the handshake', async () => {
    const sellerHere = await createPartner(buyer.t.app, buyer.admin, leadSeller('Second seller'))
    const creds = await call(buyer.t.app, 'POST', `/api/v1/partner-companies/${sellerHere.id}/connection`, {
      token: buyer.admin.token,
    })
    const { postUrl, sourceId, secret } = creds.body
    const buyerThere = await call(seller.t.app, 'POST', '/api/v1/partner-companies', {
      token: seller.admin.token,
      body: {
        name: 'Second buyer',
        buysLeads: { enabled: true, deliveryMethod: 'exchange', postUrl, sourceId, secret },
      },
    })
    const ping = await call(
      seller.t.app,
      'POST',
      `/api/v1/partner-companies/${buyerThere.body.id}/connection/test`,
      {
        token: seller.admin.token,
        body: { section: 'buysLeads' },
      },
    )
    expect(buyerThere.status, JSON.stringify(buyerThere.body)).toBe(201)
    expect(ping.status, JSON.stringify(ping.body)).toBe(202)
    const connected = await eventually(async () => {
      const state = await call(
        seller.t.app,
        'GET',
        `/api/v1/partner-companies/${buyerThere.body.id}/connection`,
        {
          token: seller.admin.token,
        },
      )
      return state.body.connected === true && state.body.lastSentAt !== null
    })
    expect(connected).toBe(true)
  })
})

describe('selling leads over the exchange', () => {
  it("creates each lead once at the buyer, under the seller's partner company, with the campaign its ids name", async () => {
    const inbound = await call(
      buyer.t.app,
      'POST',
      `/api/v1/partner-companies/${link.sellerAtBuyer}/campaigns`,
      {
        token: buyer.admin.token,
        body: {
          name: 'From seller',
          direction: 'inbound',
          externalPartnerCompanyId: 'S-1',
          externalCampaignId: 'C-9',
        },
      },
    )
    const outbound = await call(
      seller.t.app,
      'POST',
      `/api/v1/partner-companies/${link.buyerAtSeller}/campaigns`,
      {
        token: seller.admin.token,
        body: {
          name: 'To buyer',
          direction: 'outbound',
          externalPartnerCompanyId: 'S-1',
          externalCampaignId: 'C-9',
        },
      },
    )
    expect([inbound.status, outbound.status]).toEqual([201, 201])
    const leads = await Promise.all(
      ['Ada', 'Bob', 'Cy'].map((firstName) =>
        createLead(seller.t.app, seller.admin, source, {
          firstName,
          lastName: 'Sold',
          email: `${firstName}@example.test`,
        }),
      ),
    )
    const res = await sellLeads({
      leadIds: leads.map((l) => l.id),
      partnerCompanyId: link.buyerAtSeller,
      campaignId: outbound.body.id,
      price: '12.50',
    })
    expect(res.status).toBe(202)
    expect(res.body.failed).toEqual([])
    expect(res.body.deliveries).toHaveLength(3)
    for (const d of res.body.deliveries) {
      const done = await deliveryIn(seller, d.id, 'delivered')
      expect(done.remoteId).toBeTruthy()
    }
    const arrived = (await buyerLeads()).filter((l) => ['Ada', 'Bob', 'Cy'].includes(l.firstName))
    expect(arrived).toHaveLength(3)
    for (const lead of arrived) {
      expect(lead.location).toBe('queue')
      expect(lead.campaignId).toBe(inbound.body.id)
    }
    const sold = await call(seller.t.app, 'GET', `/api/v1/leads/${leads[0]?.id}`, {
      token: seller.admin.token,
    })
    expect(sold.body.location).toBe('sold')
    expect(await timelineTypes(seller.t.app, seller.admin, 'leads', leads[0]?.id as string)).toContain('sold')
  })

  it('answers each id on its own: unknown, foreign, already sold and returned ids fail, the rest go', async () => {
    const fresh = await createLead(seller.t.app, seller.admin, source)
    const soldOnce = await createLead(seller.t.app, seller.admin, source)
    await sellLeads({ leadIds: [soldOnce.id], partnerCompanyId: link.buyerAtSeller })
    const returned = await createLead(seller.t.app, seller.admin, source)
    await call(seller.t.app, 'POST', '/api/v1/leads/return', {
      token: seller.admin.token,
      body: { leadIds: [returned.id], reason: 'Not interested' },
    })
    const stranger = await signup(seller.t.app)
    const foreign = await createLead(seller.t.app, stranger, (await createPartner(seller.t.app, stranger)).id)
    const unknown = '0190f000-0000-7000-8000-000000000000'
    const res = await sellLeads({
      leadIds: [fresh.id, soldOnce.id, returned.id, foreign.id, unknown],
      partnerCompanyId: link.buyerAtSeller,
    })
    expect(res.status).toBe(202)
    expect(res.body.deliveries.map((d: { leadId: string }) => d.leadId)).toEqual([fresh.id])
    expect(
      Object.fromEntries(res.body.failed.map((f: { id: string; detail: string }) => [f.id, f.detail])),
    ).toEqual({
      [soldOnce.id]: 'The lead is already sold',
      [returned.id]: 'The lead is already returned',
      [foreign.id]: 'No such lead',
      [unknown]: 'No such lead',
    })
  })

  it('refuses a partner that does not buy leads, and a campaign that is not its outbound one', async () => {
    const lead = await createLead(seller.t.app, seller.admin, source)
    const notBuying = await sellLeads({ leadIds: [lead.id], partnerCompanyId: source })
    expect(notBuying.status).toBe(422)
    expect(notBuying.body.errors[0].path).toBe('partnerCompanyId')
    const inbound = await call(
      seller.t.app,
      'POST',
      `/api/v1/partner-companies/${link.buyerAtSeller}/campaigns`,
      {
        token: seller.admin.token,
        body: { name: 'Inbound here', direction: 'inbound' },
      },
    )
    const wrongCampaign = await sellLeads({
      leadIds: [lead.id],
      partnerCompanyId: link.buyerAtSeller,
      campaignId: inbound.body.id,
    })
    expect(wrongCampaign.status).toBe(422)
    expect(wrongCampaign.body.errors[0].path).toBe('campaignId')
    const after = await call(seller.t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: seller.admin.token })
    expect(after.body.location).toBe('queue')
  })

  it('needs the sell permission', async () => {
    const lead = await createLead(seller.t.app, seller.admin, source)
    const roles = await call(seller.t.app, 'GET', '/api/v1/roles', { token: seller.admin.token })
    const readOnly = roles.body.items.find((r: { name: string }) => /read/i.test(r.name))
    expect(readOnly).toBeDefined()
    const reader = await userWithRole(seller.t.app, seller.admin, readOnly.name)
    const res = await call(seller.t.app, 'POST', '/api/v1/leads/sell', {
      token: reader.token,
      body: { leadIds: [lead.id], partnerCompanyId: link.buyerAtSeller },
    })
    expect(res.status).toBe(403)
  })
})

describe('selling customers and returning what was bought', () => {
  it("sells a customer into the buyer's default office", async () => {
    const created = await call(seller.t.app, 'POST', '/api/v1/customers', {
      token: seller.admin.token,
      body: { firstName: 'Cara', lastName: 'Customer', phone: '+1 602 555 0199' },
    })
    const res = await call(seller.t.app, 'POST', '/api/v1/customers/sell', {
      token: seller.admin.token,
      body: { customerIds: [created.body.id], partnerCompanyId: link.buyerAtSeller },
    })
    expect(res.status).toBe(202)
    await deliveryIn(seller, res.body.deliveries[0].id, 'delivered')
    const list = await call(buyer.t.app, 'GET', `/api/v1/customers?partnerCompanyId=${link.sellerAtBuyer}`, {
      token: buyer.admin.token,
    })
    expect(list.body.items.map((c: { firstName: string }) => c.firstName)).toContain('Cara')
    const sold = await call(seller.t.app, 'GET', `/api/v1/customers/${created.body.id}`, {
      token: seller.admin.token,
    })
    expect(sold.body.status).toBe('sold')
  })

  it("sends a returned lead back: the seller's copy becomes returned, by the buyer, with the reason", async () => {
    const lead = await createLead(seller.t.app, seller.admin, source, {
      firstName: 'Ret',
      lastName: 'Urn',
      callCenterComments: 'Keen on a quote',
    })
    const sale = await sellLeads({ leadIds: [lead.id], partnerCompanyId: link.buyerAtSeller })
    const delivered = await deliveryIn(seller, sale.body.deliveries[0].id, 'delivered')
    const buyerLead = delivered.remoteId as string
    const back = await call(buyer.t.app, 'POST', '/api/v1/leads/return', {
      token: buyer.admin.token,
      body: { leadIds: [buyerLead], reason: 'Not interested', callCenterComments: 'Hung up twice' },
    })
    expect(back.body.returned).toEqual([buyerLead])
    let seen: { location: string; returnReason: string } | undefined
    await eventually(async () => {
      seen = (await call(seller.t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: seller.admin.token })).body
      return seen?.location === 'returned'
    })
    expect(seen).toMatchObject({ location: 'returned', returnReason: 'Not interested' })
    const timeline = await call(seller.t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, {
      token: seller.admin.token,
    })
    const event = timeline.body.items.find((e: { type: string }) => e.type === 'returned')
    const buyerName = `Buyer ${buyer.admin.slug}`
    expect(JSON.stringify(event.actor)).toContain(buyerName)
    expect(event.detail).toMatchObject({
      reason: 'Not interested',
      returnedBy: buyerName,
      comments: 'Hung up twice',
    })
    // The buyer's comments join the seller's own; none is replaced.
    const comments = await call(seller.t.app, 'GET', `/api/v1/leads/${lead.id}/comments`, {
      token: seller.admin.token,
    })
    expect(
      comments.body.items.map((c: { text: string; author: { label: string }; via: string }) => [
        c.text,
        c.author.label,
        c.via,
      ]),
    ).toEqual([
      ['Keen on a quote', 'Admin', 'comment'],
      ['Hung up twice', buyerName, 'returned_by_buyer'],
    ])
  })
})

describe('the exchange endpoint', () => {
  const envelope = (senderRecordId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: 'lead.sold',
      sourceId: link.credentials.sourceId,
      data: {
        senderRecordId,
        firstName: 'Direct',
        phone: `+1 602 555 ${String(Math.floor(Math.random() * 9000) + 1000)}`,
        ...extra,
      },
    })
  const post = (body: string, headers: Record<string, string>) =>
    call(buyer.t.app, 'POST', `/api/v1/exchange/${buyer.admin.slug}`, {
      rawBody: body,
      headers: { 'content-type': 'application/json', ...headers },
    })
  const sign = (id: string, body: string, secret = link.credentials.secret, at = new Date()) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  })

  it('answers 201 with the id, then 200 with the same body for the same webhook-id', async () => {
    const body = envelope('ext-1')
    const first = await post(body, sign('msg_replay_1', body))
    expect(first.status).toBe(201)
    const again = await post(body, sign('msg_replay_1', body))
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    const other = envelope('ext-1b')
    const reused = await post(other, sign('msg_replay_1', other))
    expect(reused.status).toBe(422)
  })

  it('creates one lead when the same webhook-id arrives ten times at once', async () => {
    // With duplicates allowed, only the webhook-id keeps the copies out.
    const settings = (await call(buyer.t.app, 'GET', '/api/v1/settings/queue', { token: buyer.admin.token }))
      .body
    const putSettings = (duplicateWindowDays: number | null) =>
      call(buyer.t.app, 'PUT', '/api/v1/settings/queue', {
        token: buyer.admin.token,
        body: { ...settings, duplicateWindowDays },
      })
    expect((await putSettings(0)).status).toBe(200)
    const body = envelope('ext-burst')
    const headers = sign('msg_burst_1', body)
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(body, headers)))
    expect((await putSettings(settings.duplicateWindowDays)).status).toBe(200)
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const created = (await buyerLeads()).filter((l) => l.id === answers[0]?.body.id)
    expect(created).toHaveLength(1)
  })

  it('refuses a tampered body, a stale timestamp and a wrong secret with 401, an unknown Source ID with 404', async () => {
    const body = envelope('ext-2')
    const tampered = await post(body.replace('Direct', 'Evil'), sign('msg_t_1', body))
    const stale = await post(
      body,
      sign('msg_t_2', body, link.credentials.secret, new Date(Date.now() - 6 * 60_000)),
    )
    const wrong = await post(
      body,
      sign('msg_t_3', body, `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`),
    )
    expect([tampered.status, stale.status, wrong.status]).toEqual([401, 401, 401])
    expect(isProblem(tampered)).toBe(true)
    const unknown = JSON.stringify({ type: 'ping', sourceId: 'src_nobody', data: {} })
    expect((await post(unknown, sign('msg_t_4', unknown))).status).toBe(404)
  })

  it('answers a duplicate lead with 422 and its matches, and the same again on a retry', async () => {
    const phone = '+1 602 555 7777'
    const a = envelope('dup-a', { phone })
    expect((await post(a, sign('msg_dup_a', a))).status).toBe(201)
    const b = envelope('dup-b', { phone })
    const dup = await post(b, sign('msg_dup_b', b))
    expect(dup.status).toBe(422)
    expect(dup.body.matches).toHaveLength(1)
    const retried = await post(b, sign('msg_dup_b', b))
    expect(retried.status).toBe(422)
    expect(retried.body.matches).toEqual(dup.body.matches)
  })

  it('names the field of invalid data', async () => {
    const body = envelope('bad-1', { email: 'not an email' })
    const res = await post(body, sign('msg_bad_1', body))
    expect(res.status).toBe(422)
    expect(res.body.errors[0].path).toBe('data.email')
  })

  it('keeps the previous secret valid for a day after a rotation', async () => {
    const rotated = await call(
      buyer.t.app,
      'POST',
      `/api/v1/partner-companies/${link.sellerAtBuyer}/connection`,
      {
        token: buyer.admin.token,
      },
    )
    expect(rotated.body.sourceId).toBe(link.credentials.sourceId)
    const old = envelope('rot-old')
    expect((await post(old, sign('msg_rot_old', old))).status).toBe(201)
    const fresh = envelope('rot-new')
    expect((await post(fresh, sign('msg_rot_new', fresh, rotated.body.secret))).status).toBe(201)
  })
})

describe('secrets', () => {
  it('never appear in a log line, the audit log or an answer', async () => {
    const secrets = [link.credentials.secret, link.credentials.secret.slice(6)]
    const logs = [...seller.t.logLines, ...buyer.t.logLines].join('\n')
    for (const s of secrets) expect(logs).not.toContain(s)
    for (const c of [seller, buyer]) {
      const audit = await call(c.t.app, 'GET', '/api/v1/audit?limit=200', { token: c.admin.token })
      expect(audit.status).toBe(200)
      for (const s of secrets) expect(JSON.stringify(audit.body)).not.toContain(s)
    }
    const partner = await call(seller.t.app, 'GET', `/api/v1/partner-companies/${link.buyerAtSeller}`, {
      token: seller.admin.token,
    })
    expect(partner.body.buysLeads.secretSet).toBe(true)
    for (const s of secrets) expect(JSON.stringify(partner.body)).not.toContain(s)
    const deliveries = await call(seller.t.app, 'GET', '/api/v1/deliveries?limit=200', {
      token: seller.admin.token,
    })
    expect(deliveries.body.items.some((d: { kind: string }) => d.kind === 'connection.hello')).toBe(true)
    expect(JSON.stringify(deliveries.body)).not.toMatch(/whsec_/)
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a connection posts more than its limit per minute', async () => {
    const limited = await startTestApp({ EXCHANGE_RATE_LIMIT_PER_MINUTE: '3' })
    try {
      const admin = await signup(limited.app)
      const partner = await createPartner(limited.app, admin)
      const creds = await call(limited.app, 'POST', `/api/v1/partner-companies/${partner.id}/connection`, {
        token: admin.token,
      })
      const ping = JSON.stringify({ type: 'ping', sourceId: creds.body.sourceId, data: {} })
      const statuses: number[] = []
      let last: Awaited<ReturnType<typeof call>> | undefined
      for (let i = 0; i < 4; i++) {
        const at = new Date()
        last = await call(limited.app, 'POST', `/api/v1/exchange/${admin.slug}`, {
          rawBody: ping,
          headers: {
            'content-type': 'application/json',
            'webhook-id': `msg_rate_${i}`,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': new Webhook(creds.body.secret).sign(`msg_rate_${i}`, at, ping),
          },
        })
        statuses.push(last.status)
      }
      expect(statuses).toEqual([200, 200, 200, 429])
      expect(isProblem(last as Awaited<ReturnType<typeof call>>)).toBe(true)
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0)
    } finally {
      await limited.close()
    }
  })
})
