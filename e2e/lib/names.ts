/**
 * `base`, or `base (2)`, `base (3)`… whichever is not taken yet. Journeys run against the demo
 * data, which may already hold the names they would use (it has an "ABC Leads, Inc." and a
 * "Gold" tag, for instance); they must not depend on what it holds.
 */
export function unusedName(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base
  for (let n = 2; ; n++) if (!taken.includes(`${base} (${n})`)) return `${base} (${n})`
}
