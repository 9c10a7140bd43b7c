/** "19.99" → 1999: money is kept in integer minor units, never in floating point. */
export function priceToMinor(price: string): number {
  const [major, minor = ''] = price.split('.')
  return Number(major) * 100 + Number(minor.padEnd(2, '0'))
}

/** 1667 → "16.67": every money figure in an answer is a decimal string in major units. */
export function minorToMoney(minor: number): string {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(Math.round(minor))
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export const optionalMinorToMoney = (minor: number | null) => (minor === null ? null : minorToMoney(minor))
