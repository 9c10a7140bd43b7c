import { formatAgo, formatDateTime } from './format.ts'

/** A table cell for a moment: the date and time, and below it how long ago. */
export function WhenCell({ at, now }: { at: string; now: number }) {
  return (
    <td className="nowrap" title={formatDateTime(at)}>
      {formatDateTime(at)}
      <p className="cell-note">{formatAgo(at, now)}</p>
    </td>
  )
}
