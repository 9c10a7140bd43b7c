/** 'YYYY-MM-DD' of today in the browser's zone; the server reads the range in the company's. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** The last `days` days up to today, inclusive. */
export const lastDays = (days: number, now = new Date()) => {
  const to = today(now)
  return { from: addDays(to, -(days - 1)), to }
}

/** "Mar 5" for a 'YYYY-MM-DD' day, without shifting it through a time zone. */
export const shortDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  })
