import { v7 } from 'uuid'

/** Time-ordered ids keep primary-key indexes append-only and make ids usable as keyset cursors. */
export const newId = (): string => v7()
