import { templateVariables } from '@tributary/contracts'
import { Liquid, type Template } from 'liquidjs'
import { AppError } from './errors.ts'

type Variables = typeof templateVariables
type Placeholder = keyof Variables

/** The values a message campaign is rendered with; a missing value renders as nothing. */
export type TemplateContext = {
  [K in Placeholder]?: Partial<Record<Variables[K][number], string | number | null>>
}

export type RenderedMessage = { subject: string; html: string; text: string }

const engineOptions = {
  strictFilters: true,
  ownPropertyOnly: true,
  // An empty in-memory map instead of the file system: {% include %}, {% render %} and
  // {% layout %} must never read the server's files.
  templates: {},
  // Templates are written by users: bound what one parse or render may cost. A real message
  // renders in about a millisecond; nested loops over big ranges hit the time limit.
  parseLimit: 100_000,
  renderLimit: 50,
  memoryLimit: 10_000_000,
}

const engine = new Liquid(engineOptions)
// Refused when saving: it would only suggest a template could pass markup through.
engine.unregisterFilter('raw')

const placeholderList = (Object.keys(templateVariables) as Placeholder[]).join(', ')

function unknownPlaceholder(segments: readonly unknown[], name: string): string | null {
  const [root, field, ...rest] = segments
  if (typeof root !== 'string' || !(root in templateVariables)) {
    return `Unknown placeholder {{${name}}}; placeholders start with one of: ${placeholderList}`
  }
  const fields: readonly string[] = templateVariables[root as Placeholder]
  if (typeof field !== 'string' || rest.length > 0 || !fields.includes(field)) {
    return `Unknown placeholder {{${name}}}; ${root} has: ${fields.map((f) => `${root}.${f}`).join(', ')}`
  }
  return null
}

function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/Failed to lookup/.test(message)) {
    return 'Templates cannot include other templates ({% include %}, {% render %}, {% layout %})'
  }
  return `The template has an error: ${message.replace(/^ENOENT: /, '')}`
}

let turn: Promise<unknown> = Promise.resolve()
/**
 * Unsaved templates (any text a user sends) are checked one at a time, each in its own turn of
 * the event loop: however many arrive at once, other requests get in between, each waiting at
 * most one render limit.
 */
function inTurn<T>(work: () => T): Promise<T> {
  const result = turn.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work)
  turn = result.catch(() => {})
  return result
}

/**
 * Why a subject or body cannot be saved, or null when it is fine: a syntax error, an unknown
 * filter, or a placeholder other than `templateVariables` — also in branches a sample would
 * not take, because every variable of the parsed template is checked.
 */
export const validateTemplate = async (text: string): Promise<string | null> => {
  const problem = await inTurn(() => problemOf(text))
  // Over the time limit once may be a busy machine pausing a fine template: one more try, in a
  // turn of its own; a hostile template fails again.
  return problem && TIMED_OUT.test(problem) ? inTurn(() => problemOf(text)) : problem
}

const TIMED_OUT = /template render limit exceeded/

/** Renders once more when a render ran over the time limit, for the same reason. */
function againIfTimedOut<T>(render: () => T): T {
  try {
    return render()
  } catch (error) {
    if (!(error instanceof Error && TIMED_OUT.test(error.message))) throw error
    return render()
  }
}

function problemOf(text: string): string | null {
  let parsed: Template[]
  try {
    parsed = engine.parse(text)
    const globals = engine.analyzeSync(parsed).globals
    for (const [, variables] of Object.entries(globals)) {
      for (const variable of variables) {
        const problem = unknownPlaceholder(variable.segments, variable.toString())
        if (problem) return problem
      }
    }
    // A complete sample catches what analysis cannot, e.g. a loop that would never end.
    engine.renderSync(parsed, sampleTemplateContext(), { strictVariables: true })
  } catch (error) {
    return explain(error)
  }
  return null
}

/** Whether a saved template uses `root.field` anywhere, also in branches a render would not take. */
export function usesPlaceholder(text: string, root: Placeholder, field: string): boolean {
  try {
    const globals = engine.analyzeSync(engine.parse(text)).globals
    return Object.values(globals).some((uses) =>
      uses.some((v) => v.segments[0] === root && v.segments[1] === field),
    )
  } catch {
    return false
  }
}

/** No line breaks or control characters in a subject: they would start new mail headers. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const oneLine = (subject: string) =>
  subject
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()

/**
 * Renders a saved (validated) template. `html` escapes every value and keeps the body's line
 * breaks as `<br>`; `text` is the same message as plain text.
 */
export function renderTemplate(
  template: { subject: string; body: string },
  context: TemplateContext,
): RenderedMessage {
  try {
    const subject = oneLine(againIfTimedOut(() => engine.parseAndRenderSync(template.subject, context)))
    const text = againIfTimedOut(() => engine.parseAndRenderSync(template.body, context))
    // Templates are plain text: the HTML part escapes the whole message, the template's own
    // words included, so neither a value nor a template can carry markup into a mail.
    const html = escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>\n')
    return { subject, html, text }
  } catch (error) {
    throw new AppError('unprocessable', `The message could not be rendered. ${explain(error)}`)
  }
}

/** An unsaved template rendered with the sample values, taking its turn like `validateTemplate`. */
export const previewTemplate = (template: { subject: string; body: string }): Promise<RenderedMessage> =>
  inTurn(() => renderTemplate(template, sampleTemplateContext()))

/** Made-up values for every placeholder, some with characters that HTML must escape. */
export function sampleTemplateContext(): Required<TemplateContext> {
  return {
    company: { name: 'Acme Security' },
    lead: {
      number: 1042,
      firstName: 'Jane',
      lastName: "O'Neil",
      email: 'jane.oneil@example.com',
      phone: '(555) 010-0142',
      street: '12 Elm Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      link: 'https://tributary.example/leads/1042',
    },
    customer: {
      number: 2007,
      firstName: 'John',
      lastName: 'Smith',
      email: 'john.smith@example.com',
      phone: '(555) 010-0207',
      street: '48 Oak Avenue',
      city: 'Shelbyville',
      region: 'IL',
      postalCode: '62565',
      link: 'https://tributary.example/customers/2007',
    },
    partnerCompany: {
      name: 'ABC Leads, Inc.',
      contactPerson: 'Pat Partner',
      email: 'pat@abcleads.example',
      phone: '(555) 010-0300',
    },
    campaign: { name: 'Door Knock' },
    return: { reason: 'Wrong number', comments: 'Said "not me" & hung up <no callback>', count: 1 },
  }
}
