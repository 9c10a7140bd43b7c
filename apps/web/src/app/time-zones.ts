import { useMemo } from 'react'
import type { Option } from './form.tsx'

/** Every IANA time zone this browser knows, plus the current one should it not be among them (e.g. UTC). */
export function useTimeZones(current: string): Option[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone')
    const all = current && !zones.includes(current) ? [current, ...zones] : zones
    return all.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))
  }, [current])
}
