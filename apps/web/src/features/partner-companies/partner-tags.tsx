import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { ConfirmDialog, Dialog } from '../../app/dialog.tsx'
import type { Tag } from '../tags/tags.api.ts'
import { applyTag, type PartnerCompany, removeTag } from './partner-companies.api.ts'

/** Tags as chips; with `onRemove`, clicking one asks to remove it (seed 002, "Remove Tag"). */
export function TagChips({
  partner,
  editable,
  empty = '—',
}: {
  /** As cached: the mutation refreshes it, and with it these chips. */
  partner: PartnerCompany
  editable: boolean
  /** What shows when there is no tag. */
  empty?: string
}) {
  const [removing, setRemoving] = useState<Tag | null>(null)
  const removal = useMutation({
    mutationFn: (tag: Tag) => removeTag(partner.id, tag.id),
    onSuccess: () => setRemoving(null),
  })
  const busy = removal.isPending
  const failure = removal.error ? `Could not remove the tag: ${errorMessage(removal.error)}` : null

  if (!partner.tags.length) return <span className="muted">{empty}</span>

  return (
    <>
      <ul className="chips" aria-label={`Tags of ${partner.name}`}>
        {partner.tags.map((tag) => (
          <li key={tag.id}>
            {editable ? (
              <button
                type="button"
                className="chip chip-button"
                title="Remove this tag"
                aria-label={`Remove tag ${tag.name} from ${partner.name}`}
                onClick={() => {
                  removal.reset()
                  setRemoving(tag)
                }}
              >
                {tag.name} <span aria-hidden="true">✕</span>
              </button>
            ) : (
              <span className="chip">{tag.name}</span>
            )}
          </li>
        ))}
      </ul>
      {removing ? (
        <ConfirmDialog
          title="Remove tag"
          message={
            <>
              <p>
                Remove the tag <strong>{removing.name}</strong> from <strong>{partner.name}</strong>?
              </p>
              {failure ? (
                <p className="alert alert-error" role="alert">
                  {failure}
                </p>
              ) : null}
            </>
          }
          confirmLabel="Remove"
          danger
          busy={busy}
          onConfirm={() => removal.mutate(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </>
  )
}

/**
 * The "Apply Tag" window (seed 002): search the company's tags and click one to apply it;
 * clicking an applied tag takes it off again.
 */
export function ApplyTagDialog({
  partner,
  tags,
  onClose,
}: {
  /** As cached: each toggle refreshes it before it ends, so its tags say what is applied. */
  partner: PartnerCompany
  tags: Tag[]
  onClose: () => void
}) {
  const searchId = useId()
  const [search, setSearch] = useState('')
  const needle = search.trim().toLowerCase()
  const matching = tags.filter((tag) => tag.name.toLowerCase().includes(needle))

  const toggle = useMutation({
    mutationFn: ({ tag, on }: { tag: Tag; on: boolean }) =>
      on ? applyTag(partner.id, tag.id) : removeTag(partner.id, tag.id),
  })
  const failure =
    toggle.error && toggle.variables
      ? `Could not ${toggle.variables.on ? 'apply' : 'remove'} ${toggle.variables.tag.name}: ${errorMessage(toggle.error)}`
      : null

  return (
    <Dialog title={`Apply tag to ${partner.name}`} onClose={onClose}>
      <div className="field">
        <label htmlFor={searchId}>Search tags</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          autoFocus
        />
      </div>
      {failure ? (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      ) : null}
      {tags.length === 0 ? (
        <p className="muted">
          There are no tags yet. Add them under Administration → <Link to="/admin/tags">Tags</Link>.
        </p>
      ) : matching.length === 0 ? (
        <p className="muted">No tag matches “{search}”.</p>
      ) : (
        <ul className="tag-picker" aria-label="Tags">
          {matching.map((tag) => {
            const on = partner.tags.some((t) => t.id === tag.id)
            return (
              <li key={tag.id}>
                <button
                  type="button"
                  className={on ? 'tag-option is-on' : 'tag-option'}
                  aria-pressed={on}
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ tag, on: !on })}
                >
                  <span>{tag.name}</span>
                  <span className="tag-option-state">{on ? 'Applied ✓' : 'Apply'}</span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
