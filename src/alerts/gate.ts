/**
 * The alerts check as a gate on an analysis (analyze, and every analysed canary step): the row rides
 * on `AnalysisResult.alerts` and moves the analysis' own verdict, so every caller that reads
 * `analysis.verdict` (the canary's step machine) or folds the analysis into a run (decideVerdict)
 * sees it. Failed wins over inconclusive; an inconclusive row never lets a passed analysis pass.
 */
import type { DeployGuardConfig } from '../config/types.js'
import type { AnalysisResult, CheckResult, Verdict } from '../model/result.js'
import { checkAlerts, type AlertCheckContext } from './index.js'

const RANK: Record<Verdict, number> = { passed: 0, inconclusive: 1, failed: 2 }

/** Pure: the analysis with the alerts row attached and its verdict and reasons updated. */
export function withAlertGate(analysis: AnalysisResult, row: CheckResult | undefined): AnalysisResult {
  if (!row) return analysis
  const rowVerdict: Verdict = row.status === 'failed' || row.status === 'inconclusive' ? row.status : 'passed'
  const verdict = RANK[rowVerdict] > RANK[analysis.verdict] ? rowVerdict : analysis.verdict
  const rowReason = rowVerdict === 'passed' ? [] : [`${row.title}: ${row.reason ?? row.actual}`]
  // A passed analysis' reasons describe passing checks: they no longer explain the verdict.
  const kept = analysis.verdict === 'passed' && verdict !== 'passed' ? [] : analysis.reasons
  const reasons = rowVerdict === 'failed' ? [...rowReason, ...kept] : [...kept, ...rowReason]
  return { ...analysis, alerts: row, verdict, reasons }
}

/**
 * The action runs as its own process, so the process start is the run's start: "before the deploy"
 * for a command that cannot know the rollout's start (analyze, canary steps).
 */
function runStartedAt(): Date {
  return new Date(Math.floor(performance.timeOrigin))
}

/** Reads and judges the alerts, then gates the analysis on them (unchanged when `alerts` is not configured: no row). */
export async function gateOnAlerts(
  analysis: AnalysisResult,
  config: DeployGuardConfig,
  ctx: AlertCheckContext,
  options: { version?: string; since?: Date }
): Promise<AnalysisResult> {
  const [row] = await checkAlerts(config, ctx, {
    since: options.since ?? runStartedAt(),
    ...(options.version !== undefined ? { version: options.version } : {})
  })
  return withAlertGate(analysis, row)
}
