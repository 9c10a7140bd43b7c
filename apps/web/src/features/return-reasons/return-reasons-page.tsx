import { useMutation } from '@tanstack/react-query'
import { errorMessage } from '../../app/api.ts'
import type { Notices } from '../../app/notices.tsx'
import { SettingsList } from '../../app/settings-list.tsx'
import {
  createReturnReason,
  deleteReturnReason,
  listReturnReasons,
  maxPosition,
  type ReturnReason,
  updateReturnReason,
} from './return-reasons.api.ts'
import { moved, renumbered } from './return-reasons-order.ts'

/** Administration → Return Reasons: what the Return dialog offers, in this order. */
export function ReturnReasonsPage() {
  return (
    <SettingsList
      title="Return Reasons"
      intro="The reasons a lead or customer can be returned to its source for, offered in this order by the Return dialog. The reason goes into the source's return email; a company keeps at least one."
      noun="return reason"
      queryKey="return-reasons"
      load={listReturnReasons}
      narrow
      empty="There are no return reasons yet."
      columns={[{ header: 'Reason', cell: (reason) => reason.name }]}
      // A new reason goes to the end of the list.
      add={(name, list) =>
        createReturnReason({
          name,
          position: Math.min(maxPosition, Math.max(0, ...list.map((r) => r.position)) + 1),
        })
      }
      rename={(reason, name) => updateReturnReason(reason.id, { name })}
      remove={(reason) => deleteReturnReason(reason.id)}
      rowActions={(reason, index, list, notices) => (
        <MoveButtons reason={reason} index={index} list={list} notices={notices} />
      )}
    />
  )
}

function MoveButtons({
  reason,
  index,
  list,
  notices,
}: {
  reason: ReturnReason
  index: number
  list: readonly ReturnReason[]
  notices: Notices
}) {
  const move = useMutation({
    mutationFn: async (by: -1 | 1) => {
      const order = moved(list, reason, by)
      if (order) for (const { id, position } of renumbered(order)) await updateReturnReason(id, { position })
    },
    onSuccess: (_, by) => notices.succeeded(`${reason.name} moved ${by < 0 ? 'up' : 'down'}.`),
    onError: (error) => notices.failed(`Could not move ${reason.name}: ${errorMessage(error)}`),
  })
  return (
    <>
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label={`Move ${reason.name} up`}
        title="Move up"
        disabled={move.isPending || index === 0}
        onClick={() => move.mutate(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label={`Move ${reason.name} down`}
        title="Move down"
        disabled={move.isPending || index === list.length - 1}
        onClick={() => move.mutate(1)}
      >
        ↓
      </button>
    </>
  )
}
