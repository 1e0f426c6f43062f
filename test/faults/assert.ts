/**
 * The assertions every fault case gets, whatever went wrong: the documented verdict and exit code,
 * the wall-time bound, no runner command formed by outside text, no known secret anywhere, outputs
 * and summary within GitHub's limits. Returns one message per broken rule (empty when all hold), so
 * the suite can record what it observed as well as fail.
 */
import type { ActionRun } from '../e2e/run-action.js'
import type { CaseWorld, FaultCase, Verdict } from './case-types.js'

/** GitHub's job summary limit (bytes). */
export const SUMMARY_LIMIT = 1024 * 1024
/** All outputs of a job together must stay under 1 MB. */
export const OUTPUTS_TOTAL_LIMIT = 1_000_000
/** Per-output limits (bytes): the JSON outputs get room, the one-liners do not need it. */
export const OUTPUT_LIMITS: Record<string, number> = {
  verdict: 16,
  action: 32,
  report: 4096,
  summary: 64 * 1024,
  'failed-checks': 512 * 1024,
  analysis: 512 * 1024
}

/** Commands deploy-guard itself may print; `stop-commands` opens a block closed by its token. */
const ownCommands = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'stop-commands'])
/** Fragments of the hostile payload that must never reach a command's name or properties. */
const payloadMarker = /INJ/

export interface Observed {
  run: ActionRun
  verdict: string | undefined
  wallMs: number
  /** From the (first) signal to the exit, for cases that send one. */
  afterSignalMs?: number
}

export function verdictOf(run: ActionRun, from: 'outputs' | 'stdout' = 'outputs'): string | undefined {
  if (from === 'outputs') return run.outputs.verdict
  return /^deploy-guard \w+: (PASSED|FAILED|INCONCLUSIVE)\b/m.exec(run.stdout)?.[1]?.toLowerCase()
}

/** Lines of the runner's command channels (stdout and stderr) that are commands not ours, or carry outside text. */
export function commandProblems(text: string, channel: string): string[] {
  const problems: string[] = []
  let stopToken: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('##[')) problems.push(`${channel}: a line holds "##[": ${clip(line)}`)
    const command = /^\s*::([^\s:]+)([^:]*)::(.*)$/.exec(line) ?? /^\s*::([^\s:]+)/.exec(line)
    if (!command) continue
    const [, name = '', properties = '', value = ''] = command
    if (stopToken !== undefined) {
      if (name === stopToken) stopToken = undefined
      continue
    }
    if (!ownCommands.has(name)) {
      problems.push(`${channel}: a runner command deploy-guard does not issue: ${clip(line)}`)
      continue
    }
    if (name === 'stop-commands') {
      stopToken = value
      continue
    }
    if (payloadMarker.test(properties) || (name === 'add-mask' && payloadMarker.test(value)))
      problems.push(`${channel}: outside text inside a runner command: ${clip(line)}`)
  }
  return problems
}

export function knownSecrets(c: FaultCase, world: CaseWorld): string[] {
  return [world.cluster.token, world.promToken, ...(c.secrets?.(world) ?? [])].filter((s) => s.length >= 6)
}

/** Every rule for one case; empty when the case holds. */
export function caseProblems(c: FaultCase, world: CaseWorld, observed: Observed): string[] {
  const { run } = observed
  const e = c.expect
  const problems: string[] = []
  if (observed.verdict !== e.verdict) problems.push(`verdict ${observed.verdict ?? '(none)'}, expected ${e.verdict}`)
  if (run.exitCode !== e.exitCode) problems.push(`exit code ${run.exitCode}, expected ${e.exitCode}`)
  if (observed.wallMs > e.wallMs) problems.push(`took ${observed.wallMs} ms, bound ${e.wallMs} ms`)
  if (e.exitAfterSignalMs !== undefined && (observed.afterSignalMs ?? Infinity) > e.exitAfterSignalMs)
    problems.push(
      `exited ${observed.afterSignalMs ?? '(never signalled)'} ms after the signal, bound ${e.exitAfterSignalMs} ms`
    )
  problems.push(...commandProblems(run.stdout, 'stdout'), ...commandProblems(run.stderr, 'stderr'))
  for (const secret of knownSecrets(c, world))
    if (run.everything.includes(secret)) problems.push(`a known secret (${secret.slice(0, 4)}…) was written out`)
  let total = 0
  for (const [name, value] of Object.entries(run.outputs)) {
    const size = Buffer.byteLength(value)
    total += Buffer.byteLength(name) + size
    const limit = OUTPUT_LIMITS[name]
    if (limit !== undefined && size > limit) problems.push(`output ${name} is ${size} bytes, limit ${limit}`)
  }
  if (total >= OUTPUTS_TOTAL_LIMIT) problems.push(`outputs total ${total} bytes, limit ${OUTPUTS_TOTAL_LIMIT}`)
  const summaryBytes = Buffer.byteLength(run.summary)
  if (summaryBytes > SUMMARY_LIMIT) problems.push(`summary is ${summaryBytes} bytes, limit ${SUMMARY_LIMIT}`)
  if (!run.summary.trim()) problems.push('no job summary written')
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(run.stdout + run.stderr)) problems.push('a stack trace was printed')
  problems.push(...(e.check?.(run, world) ?? []))
  return problems
}

export function expectedText(verdict: Verdict, exitCode: number, wallMs: number): string {
  return `${verdict}, exit ${exitCode}, ≤ ${wallMs / 1000} s`
}

function clip(line: string): string {
  return JSON.stringify(line.length > 160 ? `${line.slice(0, 160)}…` : line)
}
