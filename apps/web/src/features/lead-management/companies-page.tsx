import { SettingsList } from '../../app/settings-list.tsx'
import {
  ignoreCompany,
  listIgnoredCompanies,
  renameIgnoredCompany,
  unignoreCompany,
} from './lead-management.api.ts'

/** Administration → Companies (seed 004): leads of an ignored company are never auto-registered. */
export function CompaniesPage() {
  return (
    <SettingsList
      title="Companies"
      intro='Leads whose company is ignored here are never registered with a supplier automatically. Case, spaces and punctuation do not count: "ACME, Inc." is "acme inc".'
      noun="ignored company"
      queryKey="ignored-companies"
      load={listIgnoredCompanies}
      narrow
      empty="No company is ignored."
      columns={[{ header: 'Ignored company', cell: (company) => company.name }]}
      add={(name) => ignoreCompany(name)}
      rename={(company, name) => renameIgnoredCompany(company.id, name)}
      remove={(company) => unignoreCompany(company.id)}
      deleteQuestion={(company) => `Stop ignoring ${company.name}? Its leads may be registered again.`}
    />
  )
}
