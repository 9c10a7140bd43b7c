/**
 * A lead's local time: the requeue dialog takes and shows callback times on the lead's clock (the
 * queue's available hours are in the lead's local time too), whatever the browser's zone.
 */

type Parts = { year: number; month: number; day: number; hour: number; minute: number }

function partsIn(zone: string, date: Date): Parts {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  )
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The value a `datetime-local` input shows for `date` on the clock of `zone`. */
export function toZonedInput(date: Date, zone: string): string {
  const p = partsIn(zone, date)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/**
 * The moment a `datetime-local` value means on the clock of `zone`; null when it is no date.
 * A time skipped by a clock change (02:30 on a spring-forward night) moves on by the gap, as
 * clocks do; a time that happens twice (autumn) is its first occurrence.
 */
export function fromZonedInput(value: string, zone: string): Date | null {
  const m = INPUT.exec(value)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  const wanted = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(wanted)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null
  const offsetAt = (t: number) => {
    const p = partsIn(zone, new Date(t))
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000
  }
  // The zone's offset before and after the wanted time; the earlier reading wins where both fit.
  const candidates = [wanted - offsetAt(wanted - 86_400_000), wanted - offsetAt(wanted + 86_400_000)]
  const exact = candidates.filter((t) => toZonedInput(new Date(t), zone) === value).sort((a, b) => a - b)
  return new Date(exact[0] ?? Math.max(...candidates))
}

/** "Dec 8, 2026, 9:00 AM" on the clock of `zone`, in the browser's language. */
export function formatInZone(iso: string, zone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(date)
}

/** "America/New_York" → "New York". */
export const zoneLabel = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
