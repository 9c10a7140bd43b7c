import { z } from 'zod'

/** Money in major units as a decimal string ("16.67"); stored as integer minor units. */
export const Price = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'A price such as 25 or 19.99')
  .describe('Decimal string in the company currency, applied to every record of the request')
  .meta({ examples: ['19.99'] })

/** A money figure in an answer: major units, two decimals ("16.67"). */
export const Money = z.string().describe('Decimal string in major units of the company currency')
