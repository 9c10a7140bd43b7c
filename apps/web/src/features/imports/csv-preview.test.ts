import { mapHeaders } from '@tributary/contracts/import-columns'
import { describe, expect, it } from 'vitest'
import { previewCsv } from './csv-preview.ts'

describe('previewCsv', () => {
  it('reads the header and the first five rows, with quotes, doubled quotes and CRLF', () => {
    const text = [
      '\uFEFFFirst Name,Last Name,Notes',
      '"Ann","Archer","said ""hi"", then left"',
      '',
      'Bob,Baker,"two',
      'lines"',
      ...Array.from({ length: 6 }, (_, i) => `P${i},Q${i},R${i}`),
    ].join('\r\n')
    expect(previewCsv(text)).toEqual({
      header: ['First Name', 'Last Name', 'Notes'],
      rows: [
        ['Ann', 'Archer', 'said "hi", then left'],
        ['Bob', 'Baker', 'two\r\nlines'],
        ['P0', 'Q0', 'R0'],
        ['P1', 'Q1', 'R1'],
        ['P2', 'Q2', 'R2'],
      ],
    })
  })

  it('leaves out a last line the slice cut off, but keeps the last line of a whole file', () => {
    expect(previewCsv('a,b\n1,2\n3,')).toEqual({ header: ['a', 'b'], rows: [['1', '2']] })
    expect(previewCsv('a,b\n1,2\n3,4', { whole: true })).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
    })
  })
})

describe('mapHeaders', () => {
  it('maps ordinary headers whatever their case, spaces, _ and -, and ignores the unknown', () => {
    expect(
      mapHeaders([
        'First Name',
        'last_name',
        'Phone Number',
        'E-mail',
        'ZIP',
        'State',
        'Source',
        'Shoe Size',
      ]),
    ).toEqual(['firstName', 'lastName', 'phone', 'email', 'postalCode', 'region', 'partnerCompanyId', null])
  })

  it("prefers the company's remembered choice, including to ignore a column, and maps a field once", () => {
    expect(mapHeaders(['Tel', 'Phone', 'Email', 'Mobile'], { tel: 'phone', email: null })).toEqual([
      'phone',
      null,
      null,
      null,
    ])
  })
})
