/**
 * The verdict of a PromQL analysis alone, from its metric checks. Pure. Failed if any enforced
 * (non-dry-run) check failed, else inconclusive if any is inconclusive, else passed. Dry-run checks
 * never move the verdict; their problems are listed after the enforced reasons, marked as dry run.
 *
 * Why a separate name from `decideVerdict` (verdict.ts): that one folds a whole run (targets, run-level
 * checks, and this analysis result) into the run's verdict; this one is the analysis' own verdict,
 * recorded on `AnalysisResult` and reused by `decideVerdict`. Two functions with one name in two
 * folders made call sites ambiguous.
 */
import type { MetricCheckResult, Verdict } from '../model/result.js'

export function decideAnalysisVerdict(checks: MetricCheckResult[]): { verdict: Verdict; reasons: string[] } {
  const enforced = checks.filter((c) => !c.dryRun)
  const failed = enforced.filter((c) => c.status === 'failed')
  const inconclusive = enforced.filter((c) => c.status === 'inconclusive')
  const shadow = checks
    .filter((c) => c.dryRun && c.status !== 'passed')
    .map((c) => `dry run (not enforced): ${c.name} would be ${c.status}: ${c.reason}`)

  if (failed.length > 0)
    return { verdict: 'failed', reasons: [...failed, ...inconclusive].map((c) => c.reason).concat(shadow) }
  if (inconclusive.length > 0)
    return { verdict: 'inconclusive', reasons: inconclusive.map((c) => c.reason).concat(shadow) }
  const reasons =
    enforced.length === 0
      ? [`no enforced checks: all ${checks.length} checks are dry run`]
      : enforced.map((c) => c.reason)
  return { verdict: 'passed', reasons: reasons.concat(shadow) }
}
