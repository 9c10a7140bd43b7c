import type { ReturnReason } from './return-reasons.api.ts'

/**
 * The reasons in their new order, numbered 1, 2, 3…: only those whose position changes are saved,
 * so moving one up a tidy list is two requests.
 */
export function renumbered(reasons: readonly ReturnReason[]): { id: string; position: number }[] {
  return reasons
    .map((reason, index) => ({ id: reason.id, position: index + 1, before: reason.position }))
    .filter((r) => r.position !== r.before)
    .map(({ id, position }) => ({ id, position }))
}

/** `list` with `reason` moved one place up (-1) or down (1); null when it cannot move. */
export function moved(
  list: readonly ReturnReason[],
  reason: ReturnReason,
  by: -1 | 1,
): ReturnReason[] | null {
  const from = list.findIndex((r) => r.id === reason.id)
  const to = from + by
  if (from < 0 || to < 0 || to >= list.length) return null
  const order = [...list]
  order.splice(from, 1)
  order.splice(to, 0, reason)
  return order
}
