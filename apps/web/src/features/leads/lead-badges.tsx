import type { QueuePriority } from '../partner-companies/partner-companies.api.ts'
import { locationLabel, priorityLabels } from './lead-labels.ts'

/** The queue priority its source gives a lead: High, Medium or Normal. */
export function PriorityBadge({ priority }: { priority: QueuePriority }) {
  return (
    <span className={`badge priority-${priority}`} data-testid="priority">
      {priorityLabels[priority] ?? priority}
    </span>
  )
}

/** Where the lead sits: Pending, Queue, Assigned, Converted… */
export function LocationBadge({ location }: { location: string }) {
  return (
    <span className={`badge location-${location}`} data-testid="location">
      {locationLabel(location)}
    </span>
  )
}
