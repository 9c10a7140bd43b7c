/**
 * `npm run bench:smoke`: every benchmark once, CI-sized (a few seconds and a few thousand
 * records each), so a benchmark that no longer runs is caught the day it breaks. Its figures
 * mean nothing at this size; it checks only that each run ends with a result line.
 */
import { execFile, spawn } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = path.join(import.meta.dirname, 'run.ts')
const small = { BENCH_SECONDS: '3', BENCH_LEADS: '3000', BENCH_ROWS: '3000', BENCH_SAMPLES: '20' }
// The claim check calls two hand-outs of one lead within a second a double claim, so its queue
// must outlast the run: a few thousand leads go round in about a second.
const sizes: Record<string, Record<string, string>> = { claim: { BENCH_LEADS: '30000' } }

const { stdout } = await promisify(execFile)(process.execPath, [run, '--list'])
const names = stdout.split('\n').filter(Boolean)
const broken: string[] = []
for (const name of names) {
  const started = performance.now()
  const child = spawn(process.execPath, [run, name], {
    env: { ...process.env, ...small, ...sizes[name] },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const last = out.trim().split('\n').at(-1) ?? ''
  let result: { name?: string; ratio?: unknown } = {}
  try {
    result = JSON.parse(last)
  } catch {}
  const seconds = Math.round((performance.now() - started) / 1000)
  // A figure off its goal is no failure here; a run that ends without its result, or that found
  // wrong results (a lead claimed twice, rows lost), is.
  const ok = code === 0 && result.name === name && typeof result.ratio === 'number'
  process.stdout.write(`bench smoke: ${name} ${ok ? 'ran' : 'BROKEN'} in ${seconds} s (exit ${code})\n`)
  if (!ok) {
    broken.push(name)
    process.stdout.write(`${out.slice(-2000)}\n`)
  }
}
process.stdout.write(`bench smoke: ${names.length - broken.length} of ${names.length} ran\n`)
process.exit(broken.length ? 1 : 0)
