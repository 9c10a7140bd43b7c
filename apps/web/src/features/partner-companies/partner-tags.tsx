import { useId, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { ConfirmDialog, Dialog } from '../../app/dialog.tsx'
import type { Tag } from '../tags/tags.api.ts'
import { applyTag, type PartnerCompany, removeTag } from './partner-companies.api.ts'

/** Tags as chips; with `onRemove`, clicking one asks to remove it (seed 002, "Remove Tag"). */
export function TagChips({
  partner,
  onChanged,
  editable,
  empty = '—',
}: {
  partner: PartnerCompany
  onChanged: (tags: Tag[]) => void
  editable: boolean
  /** What shows when there is no tag. */
  empty?: string
}) {
  const [removing, setRemoving] = useState<Tag | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  if (!partner.tags.length) return <span className="muted">{empty}</span>

  async function remove(tag: Tag) {
    setBusy(true)
    try {
      await removeTag(partner.id, tag.id)
      setFailure(null)
      onChanged(partner.tags.filter((t) => t.id !== tag.id))
      setRemoving(null)
    } catch (error) {
      setFailure(`Could not remove the tag: ${errorMessage(error)}`)
    } finally {
      setBusy(false)
    }
  }

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
                  setFailure(null)
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
          onConfirm={() => void remove(removing)}
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
  onChanged,
  onClose,
}: {
  partner: PartnerCompany
  tags: Tag[]
  onChanged: (tags: Tag[]) => void
  onClose: () => void
}) {
  const searchId = useId()
  const [search, setSearch] = useState('')
  const [applied, setApplied] = useState<Tag[]>(partner.tags)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const needle = search.trim().toLowerCase()
  const matching = tags.filter((tag) => tag.name.toLowerCase().includes(needle))

  async function toggle(tag: Tag) {
    const on = !applied.some((t) => t.id === tag.id)
    setBusyId(tag.id)
    try {
      await (on ? applyTag(partner.id, tag.id) : removeTag(partner.id, tag.id))
      const next = on
        ? [...applied, tag].sort((a, b) => a.name.localeCompare(b.name))
        : applied.filter((t) => t.id !== tag.id)
      setApplied(next)
      setFailure(null)
      onChanged(next)
    } catch (error) {
      setFailure(`Could not ${on ? 'apply' : 'remove'} ${tag.name}: ${errorMessage(error)}`)
    } finally {
      setBusyId(null)
    }
  }

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
            const on = applied.some((t) => t.id === tag.id)
            return (
              <li key={tag.id}>
                <button
                  type="button"
                  className={on ? 'tag-option is-on' : 'tag-option'}
                  aria-pressed={on}
                  disabled={busyId !== null}
                  onClick={() => void toggle(tag)}
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
