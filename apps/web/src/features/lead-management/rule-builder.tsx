import { useMutation } from '@tanstack/react-query'
import { errorMessage } from '../../app/api.ts'
import type { RuleField, RuleGroup, RuleOperator, RulePreview } from '../../app/contracts.ts'
import { FieldError, SelectField, TextField } from '../../app/form.tsx'
import { previewRules } from './lead-management.api.ts'
import {
  fieldOptions,
  type GroupDraft,
  type groupsOf,
  needsValue,
  newGroup,
  newRule,
  operatorOptions,
  ruleText,
} from './rule-draft.ts'
import './lead-management.css'

/**
 * Groups of rules as seed 004 lays them out: every rule of a group must match (AND), any one
 * group matching is enough (OR). `errors` are keyed by the API's paths (`groups.0.rules.1.value`).
 */
export function RuleBuilder({
  groups,
  onChange,
  errors,
}: {
  groups: GroupDraft[]
  onChange: (groups: GroupDraft[]) => void
  errors: Record<string, string>
}) {
  const setGroup = (g: number, next: GroupDraft | null) =>
    onChange(groups.flatMap((group, i) => (i !== g ? [group] : next ? [next] : [])))

  return (
    <div className="rule-groups">
      {groups.map((group, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id; their place is their name
        <div key={g} className="rule-groups">
          {g > 0 ? <p className="rule-or">OR</p> : null}
          <fieldset className="rule-group">
            <legend>Group {g + 1}: all of these must match</legend>
            {group.rules.map((rule, r) => {
              const path = `groups.${g}.rules.${r}`
              const setRule = (change: Partial<typeof rule>) =>
                setGroup(g, { rules: group.rules.map((x, i) => (i === r ? { ...x, ...change } : x)) })
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their name
                <div key={r} className="rule-row">
                  <SelectField
                    label={`Field (group ${g + 1}, rule ${r + 1})`}
                    name={`${path}.field`}
                    value={rule.field}
                    onChange={(v) => setRule({ field: v as RuleField })}
                    options={fieldOptions}
                    error={errors[`${path}.field`]}
                  />
                  <SelectField
                    label={`Condition (group ${g + 1}, rule ${r + 1})`}
                    name={`${path}.operator`}
                    value={rule.operator}
                    onChange={(v) => setRule({ operator: v as RuleOperator })}
                    options={operatorOptions}
                    error={errors[`${path}.operator`]}
                  />
                  {needsValue(rule.operator) ? (
                    <TextField
                      label={`Value (group ${g + 1}, rule ${r + 1})`}
                      name={`${path}.value`}
                      value={rule.value}
                      onChange={(v) => setRule({ value: v })}
                      error={errors[`${path}.value`]}
                      hint={rule.operator === 'in' ? 'Separate values with commas' : undefined}
                      autoComplete="off"
                    />
                  ) : (
                    <div />
                  )}
                  <button
                    type="button"
                    className="button button-small button-quiet rule-remove"
                    aria-label={`Remove rule ${r + 1} of group ${g + 1}`}
                    onClick={() =>
                      group.rules.length > 1
                        ? setGroup(g, { rules: group.rules.filter((_, i) => i !== r) })
                        : setGroup(g, null)
                    }
                  >
                    Remove
                  </button>
                </div>
              )
            })}
            <FieldError message={errors[`groups.${g}.rules`]} />
            <button
              type="button"
              className="button button-small"
              onClick={() => setGroup(g, { rules: [...group.rules, newRule()] })}
            >
              Add new rule
            </button>
          </fieldset>
        </div>
      ))}
      <FieldError message={errors.groups} />
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...groups, newGroup()])}
        >
          Add new group of rules
        </button>
      </div>
    </div>
  )
}

/** Rules in force that the company cannot change (the supplier's), in words. */
export function RulesReadOnly({ groups, label }: { groups: readonly RuleGroup[]; label: string }) {
  if (!groups.length) return <p className="muted">No rules yet: nothing is registered.</p>
  return (
    <ol className="rule-list" aria-label={label}>
      {groups.map((group, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id
        <li key={g}>
          {g > 0 ? 'Or ' : ''}
          {group.rules.map(ruleText).join(' and ')}
        </li>
      ))}
    </ol>
  )
}

/**
 * Preview: which of the latest leads the rules would register and by which group, changing
 * nothing. `draft` gives the rules to try, or the problems that keep them from being tried.
 * Gives the button (for the form's actions) and what it found (for below them).
 */
export function useRulePreview(
  draft: () => ReturnType<typeof groupsOf>,
  onInvalid: (errors: Record<string, string>) => void,
) {
  const preview = useMutation({ mutationFn: (groups: RuleGroup[]) => previewRules(groups) })
  function run() {
    const parsed = draft()
    if ('errors' in parsed) {
      preview.reset()
      onInvalid(parsed.errors)
      return
    }
    onInvalid({})
    preview.mutate(parsed.groups)
  }
  const button = (
    <button type="button" className="button" onClick={run} disabled={preview.isPending}>
      {preview.isPending ? 'Previewing…' : 'Preview'}
    </button>
  )
  const results = (
    <>
      {preview.error ? (
        <div className="alert alert-error" role="alert">
          Could not preview: {errorMessage(preview.error)}
        </div>
      ) : null}
      {preview.data ? <PreviewResults preview={preview.data} /> : null}
    </>
  )
  return { button, results }
}

function PreviewResults({ preview }: { preview: RulePreview }) {
  const matched = preview.items.filter((i) => i.matchedGroup !== null).length
  if (!preview.items.length) return <p className="muted">There are no leads yet to try the rules on.</p>
  return (
    <section className="rule-preview" aria-label="Preview">
      <p>
        Of the latest {preview.items.length} leads, {matched} would be registered with the supplier.
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="Preview of the rules">
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Would it be registered?</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.leadId} className={item.matchedGroup === null ? 'row-muted' : undefined}>
                <th scope="row">
                  <span className="muted">#{item.number}</span> {item.name}
                </th>
                <td>
                  {item.ignored
                    ? 'No: its company is ignored'
                    : item.matchedGroup === null
                      ? 'No: no group matches'
                      : `Yes, by group ${item.matchedGroup + 1}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
