/**
 * `npm run bench -- intake|claim|list|import|embedded|exchange|export|reports`: runs one benchmark; its last line of output is one JSON
 * object `{ name, unit, tributary, limit, ratio, … }`.
 */
import type { BenchResult } from './lib/load.ts'

const benchmarks: Record<string, () => Promise<{ default: () => Promise<BenchResult> }>> = {
  intake: () => import('./intake.ts'),
  claim: () => import('./claim.ts'),
  list: () => import('./list.ts'),
  import: () => import('./import.ts'),
  embedded: () => import('./embedded.ts'),
  exchange: () => import('./exchange.ts'),
  export: () => import('./export.ts'),
  reports: () => import('./reports.ts'),
}

const name = process.argv[2] ?? ''
if (name === '--list') {
  process.stdout.write(`${Object.keys(benchmarks).join('\n')}\n`)
  process.exit(0)
}
const loadBenchmark = benchmarks[name]
if (!loadBenchmark) {
  process.stderr.write(`Usage: npm run bench -- ${Object.keys(benchmarks).join('|')}\n`)
  process.exit(2)
}
try {
  const { default: benchmark } = await loadBenchmark()
  const result = await benchmark()
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(result.failed ? 1 : 0)
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? error}\n`)
  process.exit(1)
}
