import { z } from 'zod'
import { Id } from './common.ts'

export const ReturnReason = z
  .object({ id: Id, name: z.string(), position: z.number().int() })
  .meta({ id: 'ReturnReason' })
export type ReturnReason = z.infer<typeof ReturnReason>
export const ReturnReasonBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0).max(1000).optional(),
})
export const ReturnReasonPatch = ReturnReasonBody.partial()

const comments = z.string().trim().max(2000).optional()

export const ReturnLeadsBody = z.strictObject({
  leadIds: z.array(Id).min(1, 'Select at least one lead').max(500),
  reason: z.string().trim().min(1).max(100).describe("One of the company's return reasons"),
  callCenterComments: comments,
})
export const ReturnCustomersBody = z.strictObject({
  customerIds: z.array(Id).min(1, 'Select at least one customer').max(500),
  reason: z.string().trim().min(1).max(100),
  callCenterComments: comments,
})
export const ReturnResult = z.object({
  returned: z.array(Id),
  failed: z.array(z.object({ id: z.string(), detail: z.string() })),
})
