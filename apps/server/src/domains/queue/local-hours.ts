import { usedTimeZones } from '../../lib/regions.ts'

const formatters = new Map<string, Intl.DateTimeFormat>()
function localTime(zone: string, at: Date): string {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, f)
  }
  return f.format(at)
}

/** Whether `time` (HH:MM) falls in [from, until); a window past midnight (20:00–02:00) wraps. */
export function insideHours(time: string, from: string, until: string): boolean {
  return from <= until ? time >= from && time < until : time >= from || time < until
}

let cacheMinute = -1
const cache = new Map<string, string[] | 'all'>()

/**
 * The time zones ('all' when every one is) whose local time is now inside the company's available hours: a lead is
 * requestable only then, in its own local time. Cached for the current minute.
 */
export function zonesWithinHours(
  from: string,
  until: string,
  companyZone: string,
  at = new Date(),
): string[] | 'all' {
  const minute = Math.floor(at.getTime() / 60_000)
  if (minute !== cacheMinute) {
    cache.clear()
    cacheMinute = minute
  }
  const key = `${from}|${until}|${companyZone}`
  let zones = cache.get(key)
  if (!zones) {
    const candidates = [...new Set([...usedTimeZones(), companyZone])]
    const inside = candidates.filter((z) => insideHours(localTime(z, at), from, until))
    // When every zone is inside, the claim needs no zone filter at all.
    zones = inside.length === candidates.length ? 'all' : inside
    cache.set(key, zones)
  }
  return zones
}
