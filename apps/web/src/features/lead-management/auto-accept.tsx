import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
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
  // What was last ticked shows at once (a controlled box must change in its own event) and
  // stays while the lists reload; a failure shows what is saved.
  const [ticked, setTicked] = useState<boolean | null>(null)
  const checked = saving.isError ? partner.autoAccept : (ticked ?? partner.autoAccept)
  return (
    <Checkbox
      name={`autoAccept-${partner.id}`}
      label={label ?? `Auto-accept leads from ${partner.name}`}
      checked={checked}
      onChange={(on) => {
        setTicked(on)
        saving.mutate(on)
      }}
      hint={
        saving.isPending
          ? 'Saving…'
          : saving.isSuccess
            ? `Saved: ${checked ? 'its leads go straight to work, without emails' : 'its leads wait for you to accept them'}.`
            : undefined
      }
      error={saving.error ? `Not saved: ${errorMessage(saving.error)}` : undefined}
    />
  )
}
