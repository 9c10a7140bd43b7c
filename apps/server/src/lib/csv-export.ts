import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { ContactColumns } from './contact.ts'

export type CsvColumn<Row> = { header: string; value: (row: Row) => string | number | null }

/**
 * A CSV file streamed batch by batch: the header row of human names, then each batch of rows as
 * one chunk. A batch is read only when the client has taken the one before (the stream's
 * backpressure), while the next batch is already on its way from the database, so memory stays
 * flat however many rows there are. Every cell that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, tab or CR) is prefixed with ' (csv-stringify's `escape_formulas`).
 */
export function csvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  /** The batch after the last row of the one before (none: the first); fewer than `size`: the end. */
  batch: (last: Row | undefined) => Promise<Row[]>,
  size: number,
): Readable {
  const options = { escape_formulas: true, record_delimiter: 'windows' } as const
  async function* chunks() {
    yield stringify([columns.map((c) => c.header)], options)
    let next = batch(undefined)
    while (true) {
      const rows = await next
      const last = rows.at(-1)
      const more = rows.length === size && last !== undefined
      if (more) {
        next = batch(last)
        // Read while this batch is written; a client gone meanwhile must not leave it unhandled.
        next.catch(() => {})
      }
      if (rows.length)
        yield stringify(
          rows.map((row) => columns.map((c) => c.value(row))),
          options,
        )
      if (!more) return
    }
  }
  return Readable.from(chunks(), { objectMode: false })
}

type RecordRow = ContactColumns & {
  number: string | number
  partner_company_id: string | null
  campaign_id: string | null
}

/** The columns a lead and a customer share: number, contact, address, source and campaign names. */
export function recordColumns<Row extends RecordRow>(names: {
  partner_companies: Map<string, string>
  campaigns: Map<string, string>
}): CsvColumn<Row>[] {
  return [
    { header: 'Number', value: (r) => r.number },
    { header: 'First name', value: (r) => r.first_name },
    { header: 'Last name', value: (r) => r.last_name },
    { header: 'Company', value: (r) => r.company_name },
    { header: 'Email', value: (r) => r.email },
    { header: 'Phone', value: (r) => r.phone },
    { header: 'Street', value: (r) => r.street },
    { header: 'City', value: (r) => r.city },
    { header: 'State', value: (r) => r.region },
    { header: 'ZIP', value: (r) => r.postal_code },
    { header: 'Country', value: (r) => r.country },
    { header: 'Source', value: (r) => nameOf(names.partner_companies, r.partner_company_id) },
    { header: 'Campaign', value: (r) => nameOf(names.campaigns, r.campaign_id) },
  ]
}

/** A name from a `namesById` map; empty for none. */
export const nameOf = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? '') : '')
