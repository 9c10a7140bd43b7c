import { randomUUID } from 'node:crypto'
import { templateVariables } from '@tributary/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { renderTemplate, sampleTemplateContext, validateTemplate } from '../../lib/templates.ts'
import { findMessageCampaign, messageCampaignExists } from './message-campaigns.service.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const url = '/api/v1/message-campaigns'
let counter = 0
const newName = () => `Welcome ${++counter}`

function createCampaign(admin: Session, body: Record<string, unknown> = {}) {
  return call(t.app, 'POST', url, {
    token: admin.token,
    body: {
      name: newName(),
      subject: 'Thanks, {{lead.firstName}}',
      body: 'Hello {{lead.firstName}},\nwe will call you soon.\n{{company.name}}',
      ...body,
    },
  })
}

async function created(admin: Session, body: Record<string, unknown> = {}) {
  const res = await createCampaign(admin, body)
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as { id: string; name: string; subject: string; body: string }
}

const preview = (admin: Session, id: string, body?: Record<string, unknown>) =>
  call(t.app, 'POST', `${url}/${id}/preview`, { token: admin.token, ...(body && { body }) })

const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path)

/** A partner company that sends the message campaign as its auto-response. */
async function partnerUsing(
  admin: Session,
  column: 'sl_auto_response_id' | 'sc_auto_response_id',
  id: string,
) {
  await t.ctx.db
    .insertInto('partner_companies')
    .values({
      company_id: admin.companyId,
      id: randomUUID(),
      name: 'Responder Leads',
      kind: 'outside',
      [column]: id,
    })
    .execute()
}

describe('creating a message campaign', () => {
  it('answers 201 with the campaign, and records it in the audit log', async () => {
    const admin = await signup(t.app)
    const res = await createCampaign(admin, {
      name: 'Welcome',
      subject: 'Hi {{lead.firstName}}',
      body: 'Hello',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Welcome', subject: 'Hi {{lead.firstName}}', body: 'Hello' })
    expect((await call(t.app, 'GET', `${url}/${res.body.id}`, { token: admin.token })).body).toEqual(res.body)
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .where('company_id', '=', admin.companyId)
      .where('entity_id', '=', res.body.id)
      .select(['action', 'entity_type'])
      .executeTakeFirst()
    expect(entry).toEqual({ action: 'create', entity_type: 'message_campaign' })
  })

  it('needs a name, a subject and a body', async () => {
    const admin = await signup(t.app)
    for (const field of ['name', 'subject', 'body']) {
      const res = await createCampaign(admin, { [field]: field === 'body' ? '' : '  ' })
      expect(res.status, field).toBe(400)
      expect(isProblem(res)).toBe(true)
      expect(paths(res)).toEqual([field])
    }
    expect((await createCampaign(admin, { subject: 'Hi', body: 'Hello' })).status).toBe(201)
  })

  it('accepts every placeholder of templateVariables', async () => {
    const admin = await signup(t.app)
    const all = Object.entries(templateVariables)
      .flatMap(([root, fields]) => fields.map((f) => `{{${root}.${f}}}`))
      .join('\n')
    const res = await createCampaign(admin, {
      subject: '{{ lead.firstName }} / {{partnerCompany.name}}',
      body: all,
    })
    expect(res.status).toBe(201)
  })

  it('accepts Liquid tags and filters over known placeholders', async () => {
    const admin = await signup(t.app)
    const body =
      '{% if lead.firstName %}Hi {{ lead.firstName | capitalize }}{% else %}Hello{% endif %}\n' +
      '{% assign who = partnerCompany.name %}{{ who | upcase }}'
    expect((await createCampaign(admin, { body })).status).toBe(201)
  })

  it('refuses an unknown placeholder in the subject with 400 on subject, naming it', async () => {
    const admin = await signup(t.app)
    const res = await createCampaign(admin, { subject: 'Hi {{lead.nickname}}' })
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toEqual(['subject'])
    expect(res.body.errors[0].message).toContain('lead.nickname')
  })

  it('refuses an unknown placeholder in the body with 400 on body, naming it', async () => {
    const admin = await signup(t.app)
    for (const body of [
      'Hi {{lead.foo}}',
      'Hi {{ unknown }}',
      'Hi {{ lead }}',
      '{% if lead.bar %}x{% endif %}',
    ]) {
      const res = await createCampaign(admin, { body })
      expect(res.status, body).toBe(400)
      expect(paths(res), body).toEqual(['body'])
    }
    const res = await createCampaign(admin, { body: 'Hi {{ unknown }}' })
    expect(res.body.errors[0].message).toContain('{{unknown}}')
  })

  it('names both fields when subject and body are wrong', async () => {
    const admin = await signup(t.app)
    const res = await createCampaign(admin, { subject: '{{lead.x}}', body: '{{customer.y}}' })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['subject', 'body'])
    expect(res.body.errors[1].message).toContain('customer.y')
  })

  it('refuses broken Liquid syntax, unknown filters, raw output and includes', async () => {
    const admin = await signup(t.app)
    const broken = [
      'Hi {{ lead.firstName',
      '{% if lead.firstName %}never closed',
      '{{ lead.firstName | shout }}',
      '{{ lead.firstName | raw }}',
      '{% include "package.json" %}',
      '{% render "secrets" %}',
      '{% bogus %}',
    ]
    for (const body of broken) {
      const res = await createCampaign(admin, { body })
      expect(res.status, body).toBe(400)
      expect(paths(res), body).toEqual(['body'])
      expect(res.body.errors[0].message.length, body).toBeGreaterThan(0)
    }
  })

  it('refuses a template that would never finish rendering', async () => {
    const admin = await signup(t.app)
    const res = await createCampaign(admin, { body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['body'])
  })

  it('refuses a name already used in the company, whatever its case, with 409 on name', async () => {
    const admin = await signup(t.app)
    expect((await createCampaign(admin, { name: 'Thank You' })).status).toBe(201)
    const again = await createCampaign(admin, { name: 'thank you' })
    expect(again.status).toBe(409)
    expect(paths(again)).toEqual(['name'])
    const other = await signup(t.app)
    expect((await createCampaign(other, { name: 'Thank You' })).status).toBe(201)
  })
})

describe('message campaign routes', () => {
  it('are in the OpenAPI document', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
    expect(Object.keys(doc.paths[url])).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths[`${url}/{id}`])).toEqual(['get', 'patch', 'delete'])
    expect(doc.paths[`${url}/{id}/preview`].post.tags).toEqual(['Message campaigns'])
  })

  it('answer concurrent creates of one name with one 201 and 409s, never a 5xx', async () => {
    const admin = await signup(t.app)
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => createCampaign(admin, { name: 'Same' })),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
  })
})

describe('changing a message campaign', () => {
  it('changes only what is given', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin)
    const res = await call(t.app, 'PATCH', `${url}/${campaign.id}`, {
      token: admin.token,
      body: { body: 'Bye {{lead.lastName}}' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: campaign.name,
      subject: campaign.subject,
      body: 'Bye {{lead.lastName}}',
    })
  })

  it('validates placeholders like create does', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin)
    const subject = await call(t.app, 'PATCH', `${url}/${campaign.id}`, {
      token: admin.token,
      body: { subject: '{{lead.ssn}}' },
    })
    expect(subject.status).toBe(400)
    expect(paths(subject)).toEqual(['subject'])
    const body = await call(t.app, 'PATCH', `${url}/${campaign.id}`, {
      token: admin.token,
      body: { body: '{{ lead.firstName ' },
    })
    expect(body.status).toBe(400)
    expect(paths(body)).toEqual(['body'])
    const unchanged = await call(t.app, 'GET', `${url}/${campaign.id}`, { token: admin.token })
    expect(unchanged.body).toMatchObject({ subject: campaign.subject, body: campaign.body })
  })

  it("refuses another campaign's name with 409 on name", async () => {
    const admin = await signup(t.app)
    await created(admin, { name: 'First' })
    const second = await created(admin, { name: 'Second' })
    const res = await call(t.app, 'PATCH', `${url}/${second.id}`, {
      token: admin.token,
      body: { name: 'FIRST' },
    })
    expect(res.status).toBe(409)
    expect(paths(res)).toEqual(['name'])
    const own = await call(t.app, 'PATCH', `${url}/${second.id}`, {
      token: admin.token,
      body: { name: 'second' },
    })
    expect(own.status).toBe(200)
  })
})

describe('who may see and change message campaigns', () => {
  it('lets a Lead rep read and preview, and answers 403 to its writes', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', url, { token: rep.token })).status).toBe(200)
    expect((await call(t.app, 'GET', `${url}/${campaign.id}`, { token: rep.token })).status).toBe(200)
    expect((await preview(rep, campaign.id)).status).toBe(200)
    const writes = [
      await call(t.app, 'POST', url, { token: rep.token, body: { name: 'X', subject: 'X', body: 'X' } }),
      await call(t.app, 'PATCH', `${url}/${campaign.id}`, { token: rep.token, body: { name: 'X' } }),
      await call(t.app, 'DELETE', `${url}/${campaign.id}`, { token: rep.token }),
    ]
    for (const res of writes) {
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    }
  })

  it("answers 404 for another company's campaign on every route", async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const theirs = await created(other)
    const answers = [
      await call(t.app, 'GET', `${url}/${theirs.id}`, { token: admin.token }),
      await call(t.app, 'PATCH', `${url}/${theirs.id}`, { token: admin.token, body: { name: 'Mine' } }),
      await call(t.app, 'DELETE', `${url}/${theirs.id}`, { token: admin.token }),
      await preview(admin, theirs.id),
      await preview(admin, theirs.id, { body: 'Hi' }),
      await call(t.app, 'GET', `${url}/${randomUUID()}`, { token: admin.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `${url}/${theirs.id}`, { token: other.token })).body.name).toBe(
      theirs.name,
    )
  })
})

describe('listing message campaigns', () => {
  it('pages by id with limit and cursor until nextCursor is null', async () => {
    const admin = await signup(t.app)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await created(admin)).id)
    const all = (await call(t.app, 'GET', `${url}?limit=200`, { token: admin.token })).body.items
    const expected = all.map((c: { id: string }) => c.id)
    expect(expected).toEqual(expect.arrayContaining(ids))
    expect([...expected].sort()).toEqual(expected)
    const seen: string[] = []
    let next: string | null = `${url}?limit=2`
    while (next) {
      const res = await call(t.app, 'GET', next, { token: admin.token })
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...res.body.items.map((c: { id: string }) => c.id))
      next = res.body.nextCursor ? `${url}?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}` : null
    }
    expect(seen).toEqual(expected)
  })

  it('refuses a cursor it did not make', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', `${url}?cursor=nope`, { token: admin.token })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['cursor'])
  })
})

describe('deleting a message campaign', () => {
  it('answers 204, and the campaign is gone', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin)
    expect((await call(t.app, 'DELETE', `${url}/${campaign.id}`, { token: admin.token })).status).toBe(204)
    expect((await call(t.app, 'GET', `${url}/${campaign.id}`, { token: admin.token })).status).toBe(404)
  })

  it('is refused with 409 while a partner company sends it as an auto-response', async () => {
    for (const column of ['sl_auto_response_id', 'sc_auto_response_id'] as const) {
      const admin = await signup(t.app)
      const campaign = await created(admin)
      await partnerUsing(admin, column, campaign.id)
      const res = await call(t.app, 'DELETE', `${url}/${campaign.id}`, { token: admin.token })
      expect(res.status, column).toBe(409)
      expect(isProblem(res)).toBe(true)
      expect(res.body.detail).toContain('Responder Leads')
      expect((await call(t.app, 'GET', `${url}/${campaign.id}`, { token: admin.token })).status).toBe(200)
    }
  })
})

describe('previewing a message campaign', () => {
  it('renders the saved subject and body with sample data', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin, {
      subject: 'Thanks, {{lead.firstName}}',
      body: 'Hello {{lead.firstName}},\nfrom {{company.name}}',
    })
    const res = await preview(admin, campaign.id)
    expect(res.status).toBe(200)
    const sample = sampleTemplateContext()
    expect(res.body).toEqual({
      subject: `Thanks, ${sample.lead.firstName}`,
      html: `Hello ${sample.lead.firstName},<br>\nfrom ${sample.company.name}`,
      text: `Hello ${sample.lead.firstName},\nfrom ${sample.company.name}`,
    })
  })

  it('renders unsaved subject or body instead of the saved ones, without saving them', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin, { subject: 'Saved subject', body: 'Saved body' })
    const unsavedBody = await preview(admin, campaign.id, { body: 'Number {{lead.number}}' })
    expect(unsavedBody.status).toBe(200)
    expect(unsavedBody.body).toMatchObject({ subject: 'Saved subject', text: 'Number 1042' })
    const unsavedSubject = await preview(admin, campaign.id, { subject: 'About {{campaign.name}}' })
    expect(unsavedSubject.body).toMatchObject({ subject: 'About Door Knock', text: 'Saved body' })
    const saved = await call(t.app, 'GET', `${url}/${campaign.id}`, { token: admin.token })
    expect(saved.body).toMatchObject({ subject: 'Saved subject', body: 'Saved body' })
  })

  it('refuses unsaved text with an unknown placeholder, on its field', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin)
    const res = await preview(admin, campaign.id, { subject: '{{lead.age}}', body: '{{ lead.firstName }}' })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['subject'])
    expect(res.body.errors[0].message).toContain('lead.age')
  })

  it('HTML-escapes the whole message in html, values and template text alike, and keeps it as is in text', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin, { body: '<p>{{return.comments}}</p>' })
    const sample = sampleTemplateContext()
    expect(String(sample.return.comments)).toMatch(/[<>&"]/)
    const res = await preview(admin, campaign.id)
    expect(res.body.html).toBe('&lt;p&gt;Said &quot;not me&quot; &amp; hung up &lt;no callback&gt;&lt;/p&gt;')
    expect(res.body.text).toBe(`<p>${sample.return.comments}</p>`)
    const script = await preview(admin, campaign.id, {
      body: '<img src=x onerror=alert(1)> {{lead.firstName}}',
    })
    expect(script.body.html).not.toContain('<img')
    const name = await preview(admin, campaign.id, { body: '{{lead.lastName}}' })
    expect(name.body.html).toBe('O&#39;Neil')
  })

  it('strips line breaks from the subject so nothing can add a mail header', async () => {
    const admin = await signup(t.app)
    const campaign = await created(admin, { subject: 'Hello\r\nBcc: victim@example.test' })
    const saved = await preview(admin, campaign.id)
    expect(saved.body.subject).toBe('Hello Bcc: victim@example.test')
    const unsaved = await preview(admin, campaign.id, { subject: 'Hi {{lead.firstName}}\nX-Spam: yes' })
    expect(unsaved.body.subject).not.toMatch(/[\r\n]/)
  })
})

describe('templates (lib/templates.ts)', () => {
  it('escapes a script in a value in html, and keeps CR/LF of values out of the subject', () => {
    const context = {
      lead: { firstName: '<script>alert(1)</script>', lastName: 'Doe\r\nBcc: x@example.test' },
    }
    const message = renderTemplate(
      { subject: 'Hi {{lead.firstName}} {{lead.lastName}}', body: 'Hi {{lead.firstName}}\n{{lead.email}}.' },
      context,
    )
    expect(message.html).toBe('Hi &lt;script&gt;alert(1)&lt;/script&gt;<br>\n.')
    expect(message.html).not.toContain('<script>')
    expect(message.text).toBe('Hi <script>alert(1)</script>\n.')
    expect(message.subject).toBe('Hi <script>alert(1)</script> Doe Bcc: x@example.test')
  })

  it('turns a value containing line breaks into <br> in html', () => {
    const message = renderTemplate(
      { subject: 's', body: '{{return.comments}}' },
      { return: { comments: 'a\nb' } },
    )
    expect(message.html).toBe('a<br>\nb')
  })

  it('validateTemplate answers null for known placeholders and names the unknown one', async () => {
    expect(await validateTemplate('Hi {{lead.firstName}} from {{ company.name }}')).toBeNull()
    expect(await validateTemplate('Hi {{lead.foo}}')).toContain('lead.foo')
    expect(await validateTemplate('Hi {{ unknown }}')).toContain('unknown')
    expect(await validateTemplate('Hi {{ lead.firstName')).toMatch(/not closed/)
  })
})

describe('for other domains', () => {
  it("findMessageCampaign and messageCampaignExists see only the company's own campaigns", async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const campaign = await created(admin)
    expect(await messageCampaignExists(t.ctx.db, admin.companyId, campaign.id)).toBe(true)
    expect(await messageCampaignExists(t.ctx.db, other.companyId, campaign.id)).toBe(false)
    expect(await findMessageCampaign(t.ctx.db, admin.companyId, campaign.id)).toMatchObject({
      name: campaign.name,
      subject: campaign.subject,
      body: campaign.body,
    })
    expect(await findMessageCampaign(t.ctx.db, other.companyId, campaign.id)).toBeNull()
  })
})
