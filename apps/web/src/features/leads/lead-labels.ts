import type { QueuePriority } from '../partner-companies/partner-companies.api.ts'

const locations: Record<string, string> = {
  pending: 'Pending',
  queue: 'Queue',
  assigned: 'Assigned',
  converted: 'Converted',
  invalid: 'Invalid',
  returned: 'Returned',
  sold: 'Sold',
  awaiting_acceptance: 'Awaiting acceptance',
}

/** `awaiting_acceptance` → "Awaiting acceptance". */
export function locationLabel(location: string): string {
  return locations[location] ?? location.replace(/_/g, ' ')
}

export const locationOptions = Object.entries(locations).map(([value, label]) => ({ value, label }))

export const priorityLabels: Record<QueuePriority, string> = {
  high: 'High',
  medium: 'Medium',
  normal: 'Normal',
}
