/**
 * Whether `verify` skips its PromQL analysis. Pure. When the rollout checks already failed, the
 * verdict is `failed` whatever the metrics say; measuring a broken rollout for minutes would only delay
 * the report and the rollback. A dry run still measures: its point is to show what every check would
 * say. Returns the row the report shows in place of the analysis, so the skip is never silent.
 */
import type { CheckResult, TargetResult } from '../model/result.js'

export interface AnalysisSkip {
  /** One line for the log. */
  log: string
  /** The checklist row that stands in for the analysis. */
  row: CheckResult
}

export function decideAnalysisSkip(
  configuredChecks: number,
  targets: readonly TargetResult[],
  dryRun: boolean
): AnalysisSkip | undefined {
  if (configuredChecks === 0 || dryRun) return undefined
  const workloadFailed = targets.some((t) => t.checks.some((c) => c.status === 'failed'))
  if (!workloadFailed) return undefined
  return {
    log: 'PromQL analysis skipped: the rollout checks already failed',
    row: {
      id: 'analysis',
      title: 'PromQL analysis',
      expected: `${configuredChecks} metric check(s)`,
      actual: 'not run',
      status: 'skipped',
      reason: 'skipped: the rollout checks already failed, so the verdict is failed whatever the metrics say'
    }
  }
}
