import { templateVariables } from '@tributary/contracts/template-variables'

export const placeholderGroups: { group: string; placeholders: string[] }[] = Object.entries(
  templateVariables,
).map(([group, fields]) => ({ group, placeholders: fields.map((field) => `{{${group}.${field}}}`) }))
