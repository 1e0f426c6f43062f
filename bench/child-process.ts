/** Runs dist/index.js as the runner does and samples its peak RSS from /proc (no external tools needed). */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface MeasuredRun {
  wallMs: number
  /** Peak resident set size (VmHWM) in MiB, sampled every 10 ms; 0 where /proc is unavailable. */
  peakRssMiB: number
  exitCode: number
  outputs: string
}

async function vmHwmKiB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const match = /VmHWM:\s+(\d+) kB/.exec(status)
  return match ? Number(match[1]) : undefined
}

export async function runBundle(inputs: Record<string, string>): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-bench-'))
  try {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md')
    }
    await writeFile(env.GITHUB_OUTPUT, '')
    await writeFile(env.GITHUB_STEP_SUMMARY, '')
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
    const started = performance.now()
    const child = spawn(process.execPath, [resolve('dist/index.js')], { env, stdio: 'ignore' })
    let peak = 0
    let done = false
    const exited = new Promise<number>((r) => child.on('close', (code) => ((done = true), r(code ?? -1))))
    while (!done) {
      const hwm = child.pid ? await vmHwmKiB(child.pid) : undefined
      if (hwm) peak = Math.max(peak, hwm)
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10))])
    }
    const exitCode = await exited
    return {
      wallMs: performance.now() - started,
      peakRssMiB: peak / 1024,
      exitCode,
      outputs: await readFile(env.GITHUB_OUTPUT, 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
