/** What the last run of the fault matrix saw, per case: written by the suite, read by the README table. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseResult } from './run-case.js'

export const observedPath = join(import.meta.dirname, 'observed.json')

export interface ObservedCase {
  verdict: string | null
  exitCode: number
  wallMs: number
  afterSignalMs?: number
  pass: boolean
  problems: string[]
}

export interface ObservedFile {
  /** ISO time of the run. */
  ranAt: string
  /** The bundle the cases ran (DEPLOY_GUARD_BUNDLE or dist/index.js). */
  bundle: string
  cases: Record<string, ObservedCase>
}

export function toObserved(results: CaseResult[], bundle: string): ObservedFile {
  const cases: Record<string, ObservedCase> = {}
  for (const r of results)
    cases[r.id] = {
      verdict: r.observed.verdict ?? null,
      exitCode: r.observed.run.exitCode,
      wallMs: r.observed.wallMs,
      ...(r.observed.afterSignalMs !== undefined ? { afterSignalMs: r.observed.afterSignalMs } : {}),
      pass: r.problems.length === 0,
      problems: r.problems
    }
  return { ranAt: new Date().toISOString(), bundle, cases }
}

/** Written as Prettier formats it, so `npm run lint` stays clean after a run. */
export async function writeObserved(file: ObservedFile, path = observedPath): Promise<void> {
  const { format } = await import('prettier')
  writeFileSync(path, await format(JSON.stringify(file), { parser: 'json' }))
}

export function readObserved(path = observedPath): ObservedFile | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ObservedFile
  } catch {
    return undefined
  }
}
