import { useState } from 'react'
import { lastDays } from './report-dates.ts'
import type { DateRange } from './reports.api.ts'

const presets = [
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: 'Year', days: 365 },
]

/** The period of the reports: a preset, or two days (inclusive); a backwards period is not applied. */
export function DateRangePicker({ range, onChange }: { range: DateRange; onChange: (r: DateRange) => void }) {
  const [draft, setDraft] = useState(range)
  const [shown, setShown] = useState(range)
  // The address changed the range (a preset, back button): the fields follow.
  if (shown.from !== range.from || shown.to !== range.to) {
    setShown(range)
    setDraft(range)
  }
  const backwards = draft.from > draft.to
  const edit = (next: DateRange) => {
    setDraft(next)
    if (next.from && next.to && next.from <= next.to) onChange(next)
  }
  return (
    <fieldset className="filters date-range" aria-label="Period">
      <div className="filter-field">
        <label htmlFor="range-from">From</label>
        <input
          id="range-from"
          type="date"
          value={draft.from}
          max={draft.to}
          onChange={(e) => edit({ ...draft, from: e.target.value })}
        />
      </div>
      <div className="filter-field">
        <label htmlFor="range-to">To</label>
        <input
          id="range-to"
          type="date"
          value={draft.to}
          min={draft.from}
          aria-invalid={backwards}
          aria-describedby={backwards ? 'range-error' : undefined}
          onChange={(e) => edit({ ...draft, to: e.target.value })}
        />
      </div>
      <div className="range-presets">
        {presets.map((p) => {
          const r = lastDays(p.days)
          const on = r.from === range.from && r.to === range.to
          return (
            <button
              key={p.days}
              type="button"
              className="button button-small"
              aria-pressed={on}
              onClick={() => onChange(r)}
            >
              {p.label}
            </button>
          )
        })}
      </div>
      {backwards && (
        <p id="range-error" className="field-error">
          The first day must not be after the last.
        </p>
      )}
    </fieldset>
  )
}
