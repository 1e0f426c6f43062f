/**
 * The result of a run that ended before its command could judge anything: a config error, an
 * unexpected error, or a cancellation that outlived its grace period. It is an ordinary RunResult
 * (inconclusive, nothing done, no checks), so it reaches every surface the same way a real one does:
 * every output is written (`failed-checks` is `[]`), so `fromJSON()` in a later step never breaks.
 */
import type { ConfigIssue } from '../config/types.js'
import type { CommandName, RunResult } from '../model/result.js'

export function failureResult(command: CommandName, startedAt: Date, reasons: string[], now = new Date()): RunResult {
  return {
    command,
    startedAt: startedAt.toISOString(),
    finishedAt: now.toISOString(),
    verdict: 'inconclusive',
    action: 'none',
    reasons,
    dryRun: false,
    targets: [],
    checks: []
  }
}

const problems = (count: number): string => (count === 1 ? '1 problem' : `${count} problems`)

/**
 * The reasons of a config error, one per issue with its path; the first also says what happened, so
 * the one-line `summary` output reads `invalid configuration, nothing was sent …: <issue> (+2 more)`.
 */
export function configIssueReasons(issues: ConfigIssue[]): string[] {
  const [first, ...rest] = issues.map((issue) => `${issue.path}: ${issue.message}`)
  const headline = 'invalid configuration, nothing was sent to the cluster or to Prometheus'
  return [first === undefined ? headline : `${headline}: ${first}`, ...rest]
}

/** The step's failure annotation for a config error: one header, then one line per issue. */
export function configIssuesAnnotation(issues: ConfigIssue[]): string {
  return [
    `Invalid deploy-guard configuration (${problems(issues.length)}); nothing was sent to the cluster:`,
    ...issues.map((issue) => `${issue.path}: ${issue.message}`)
  ].join('\n')
}
