/** "19.99" → 1999: money is kept in integer minor units, never in floating point. */
export function priceToMinor(price: string): number {
  const [major, minor = ''] = price.split('.')
  return Number(major) * 100 + Number(minor.padEnd(2, '0'))
}
