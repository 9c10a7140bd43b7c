import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const pgbenchPath = process.env.PGBENCH || '/usr/bin/pgbench'

export type PgbenchOptions = {
  url: string
  /** The custom script (pgbench `-f`). */
  script: string
  clients: number
  /** Run for this long (`-T`)… */
  seconds?: number
  /** …or this many transactions per client (`-t`). */
  transactions?: number
  /** `-D name=value` variables. */
  vars?: Record<string, string>
}

export type PgbenchResult = {
  tps: number
  transactions: number
  failed: number
  /** tps of each second (`-P 1`). */
  perSecond: number[]
  output: string
}

/** pgbench with `-n -M prepared` and a custom script; throws when it fails. */
export async function pgbench(o: PgbenchOptions): Promise<PgbenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-pgbench-'))
  const file = path.join(dir, 'script.sql')
  writeFileSync(file, o.script)
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(o.clients),
    '-j',
    '2',
    '-P',
    '1',
    ...(o.transactions ? ['-t', String(o.transactions)] : ['-T', String(o.seconds ?? 10)]),
    '-f',
    file,
    ...Object.entries(o.vars ?? {}).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    o.url,
  ]
  try {
    const child = spawn(pgbenchPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString()
    })
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)
    if (code !== 0 || !tps) throw new Error(`pgbench exited with ${code}:\n${output}`)
    const processed = /number of transactions actually processed: (\d+)/.exec(output)
    const failed = /number of failed transactions: (\d+)/.exec(output)
    return {
      tps: Number(tps[1]),
      transactions: Number(processed?.[1] ?? 0),
      failed: Number(failed?.[1] ?? 0),
      perSecond: [...output.matchAll(/progress: [\d.]+ s, ([\d.]+) tps/g)].map((m) => Number(m[1])),
      output,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
