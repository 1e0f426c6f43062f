/**
 * Runs the configured PromQL checks: renders the query templates with the run's values, builds the
 * Prometheus client, and hands both to the measurement loop. Shared by `verify` and `analyze`.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { renderTemplate, targetTemplateValues, templateVariablesUsed } from '../config/template.js'
import { formatDuration } from '../config/duration.js'
import { runAnalysis } from '../analysis/run.js'
import { formatNumber } from '../analysis/format.js'
import { redactUrl } from '../prometheus/errors.js'
import type { AnalysisResult } from '../model/result.js'
import type { CommandContext } from './context.js'

/** True when a check or the minTraffic query needs `{{version}}` (so the version must be known first). */
export function analysisUsesVersion(analysis: DeployGuardConfig['analysis']): boolean {
  if (!analysis) return false
  return [...analysis.checks.map((c) => c.query), analysis.minTraffic?.query ?? ''].some((q) =>
    templateVariablesUsed(q).includes('version')
  )
}

/** The queries' template values: the first target's. */
export function templateValues(config: DeployGuardConfig, version: string | undefined): Record<string, string> {
  return targetTemplateValues(config.variables, config.targets[0], version)
}

/** An analysis that could not start (no Prometheus configured): inconclusive, never a pass. */
function notRunnable(reason: string, now: Date): AnalysisResult {
  const at = now.toISOString()
  return { startedAt: at, finishedAt: at, checks: [], verdict: 'inconclusive', reasons: [reason] }
}

/** Gates an analysis may carry besides its metric checks. */
export interface AnalysisGates {
  /**
   * The "no critical alerts firing" check (`alerts` config), read at the end of the analysis. By
   * default on only for callers that know no deploy start (analyze, canary steps): verify reports
   * alerts as its own checklist row, and the rollback's re-analysis (which passes the rollback's
   * start) is about the restored version, not about the alert that caused the rollback.
   */
  alerts: boolean
}

/**
 * @param deployStartedAt when the deploy began, if known (verify knows the rollout's start): relative
 *   checks take their baseline from before it, and alerts that began earlier are pre-existing. Without
 *   it (analyze), the baseline window ends `baseline.offset` before the analysis starts, and the run's
 *   start separates new alerts from old ones.
 */
export async function runConfiguredAnalysis(
  config: DeployGuardConfig,
  version: string | undefined,
  ctx: CommandContext,
  deployStartedAt?: Date,
  gates: AnalysisGates = { alerts: deployStartedAt === undefined }
): Promise<AnalysisResult> {
  const analysis = await runMetricAnalysis(config, version, ctx, deployStartedAt)
  if (!gates.alerts || !config.alerts || ctx.signal.aborted) return analysis
  // Loaded only when configured (start-up cost otherwise).
  const { gateOnAlerts } = await import('../alerts/gate.js')
  return gateOnAlerts(analysis, config, ctx, {
    ...(version !== undefined ? { version } : {}),
    ...(deployStartedAt ? { since: deployStartedAt } : {})
  })
}

async function runMetricAnalysis(
  config: DeployGuardConfig,
  version: string | undefined,
  ctx: CommandContext,
  deployStartedAt?: Date
): Promise<AnalysisResult> {
  const analysis = config.analysis
  if (!analysis || analysis.checks.length === 0) return notRunnable('no analysis checks are configured', ctx.now())
  if (!config.prometheus)
    return notRunnable('analysis checks are configured but no Prometheus URL was given', ctx.now())
  const values = templateValues(config, version)
  if (analysisUsesVersion(analysis) && !version) {
    return notRunnable(
      'the queries use {{version}} but no version is known: set the `version` input or a target whose image has a tag',
      ctx.now()
    )
  }
  const checks = analysis.checks.map((check) => ({ ...check, query: renderTemplate(check.query, values) }))
  const minTraffic = analysis.minTraffic
    ? { query: renderTemplate(analysis.minTraffic.query, values), min: analysis.minTraffic.min }
    : undefined
  ctx.log(
    `${checks.length} check(s), ${analysis.count} measurement(s) every ${formatDuration(analysis.interval)}` +
      (analysis.initialDelay ? ` after ${formatDuration(analysis.initialDelay)}` : '') +
      // The URL may carry a password (masked, but better never printed at all).
      ` against ${redactUrl(new URL(config.prometheus.url))}`
  )
  // Loaded only when an analysis runs (axios and the client are start-up cost otherwise).
  const { createPrometheusClient } = await import('../prometheus/client.js')
  // The run's cancel signal reaches every request and retry wait, not only the loop's sleeps.
  const prometheus = createPrometheusClient(config.prometheus, { signal: ctx.signal })
  return runAnalysis({
    checks,
    minTraffic,
    settings: analysis,
    baselineWindow: {
      window: analysis.baseline.window,
      offset:
        analysis.baseline.offset + (deployStartedAt ? Math.max(0, ctx.now().getTime() - deployStartedAt.getTime()) : 0)
    },
    prometheus,
    dryRun: config.dryRun,
    signal: ctx.signal,
    onMeasurement: (name, m) =>
      ctx.log(
        // The message already carries the value in the metric's unit; a bare value only when there is none.
        `${name}: ${m.phase}${m.message ? ` — ${m.message}` : m.value !== null ? ` — ${formatNumber(m.value)}` : ''}`
      )
  })
}
