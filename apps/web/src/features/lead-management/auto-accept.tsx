import { useMutation } from '@tanstack/react-query'
import { errorMessage } from '../../app/api.ts'
import { Checkbox } from '../../app/form.tsx'
import { type PartnerCompany, updatePartnerCompany } from '../partner-companies/partner-companies.api.ts'

/**
 * Auto-accept for one supplier (seed 004): on, the leads it distributes go straight to work and
 * no notification email is sent; off, they wait in Awaiting acceptance. Saved as it is ticked.
 */
export function AutoAcceptToggle({ partner, label }: { partner: PartnerCompany; label?: string }) {
  const saving = useMutation({
    mutationFn: (autoAccept: boolean) => updatePartnerCompany(partner.id, { autoAccept }),
  })
  const checked = saving.isPending ? Boolean(saving.variables) : partner.autoAccept
  return (
    <Checkbox
      name={`autoAccept-${partner.id}`}
      label={label ?? `Auto-accept leads from ${partner.name}`}
      checked={checked}
      onChange={(on) => saving.mutate(on)}
      hint={
        saving.isPending
          ? 'Saving…'
          : saving.isSuccess
            ? `Saved: ${partner.autoAccept ? 'its leads go straight to work, without emails' : 'its leads wait for you to accept them'}.`
            : undefined
      }
      error={saving.error ? `Not saved: ${errorMessage(saving.error)}` : undefined}
    />
  )
}
