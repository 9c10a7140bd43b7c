/**
 * The start of a CSV file for the mapping step: the header and the first rows, read from a slice
 * of the file (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes).
 * A last line cut off by the slice is left out, unless the text is the whole file.
 */
export function previewCsv(
  text: string,
  { rows = 5, whole = false } = {},
): { header: string[]; rows: string[][] } {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length && records.length <= rows; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      if (record.some((f) => f.trim() !== '')) records.push(record.map((f) => f.trim()))
      record = []
      field = ''
    } else field += c
  }
  if (whole && !quoted && i >= text.length) {
    record.push(field)
    if (record.some((f) => f.trim() !== '')) records.push(record.map((f) => f.trim()))
  }
  const [header = [], ...body] = records
  return { header, rows: body.slice(0, rows) }
}
