import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id floor: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum in the typings, so spelled out).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, options)

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined
/** Spends the same time as a real check, so an unknown login answers like a wrong password. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password')
  await verifyPassword(await dummy, password)
  return false
}
