/**
 * The `canary.judge` part of a canary step's I/O: which versions the two tracks are (the config's
 * `tracks`, else the canary's and the stable's image tags), a Prometheus client, and the step's
 * window. A query error makes the judgement inconclusive (never a pass, never a failure).
 */
import { explainJudgement } from '../analysis/judge/explain.js'
import type { JudgeOutcome, MetricJudgement } from '../analysis/judge/types.js'
import { judgeStep } from '../canary/judge-step.js'
import type { DeployGuardConfig } from '../config/types.js'
import type { CanaryJudgeMetricReport, CanaryStepReport } from '../model/canary.js'
import { templateValues } from './analysis-step.js'
import { errorText } from './canary-run.js'
import type { CommandContext } from './context.js'

export interface JudgeRunInput {
  config: DeployGuardConfig
  ctx: CommandContext
  /** Versions read from the cluster (image tags), used when `canary.judge.tracks` is not set. */
  versions: { canary: string | undefined; baseline: string | undefined }
  /** When the step's measurements began (the judged window ends now). */
  since: Date
}

export type StepJudgeReport = NonNullable<CanaryStepReport['judge']>

/** A metric's judgement as the reports show it (the record keeps no series, only what was concluded). */
export function metricReport(j: MetricJudgement): CanaryJudgeMetricReport {
  return {
    metric: j.metric,
    verdict: j.verdict,
    critical: j.critical,
    canary: { n: j.canary.n, median: j.canary.median },
    baseline: { n: j.baseline.n, median: j.baseline.median },
    pValue: j.pValue,
    effectSize: j.effectSize
  }
}

export async function runStepJudge(input: JudgeRunInput): Promise<StepJudgeReport | undefined> {
  const { config, ctx } = input
  const judge = config.canary?.judge
  if (!judge) return undefined
  const inconclusive = (reason: string): StepJudgeReport => ({ outcome: 'inconclusive', score: null, reason })
  const canary = judge.tracks?.canary ?? input.versions.canary
  const baseline = judge.tracks?.baseline ?? input.versions.baseline
  if (!canary || !baseline)
    return inconclusive('the judge needs both versions: set canary.judge.tracks { canary, baseline }')
  if (!config.prometheus) return inconclusive('the judge needs a Prometheus URL')
  const { createPrometheusClient } = await import('../prometheus/client.js')
  const prometheus = createPrometheusClient(config.prometheus, { signal: ctx.signal })
  const interval = config.analysis?.interval ?? 30_000
  try {
    const { score, judgements } = await judgeStep(
      judge,
      prometheus,
      { start: input.since, end: ctx.now(), stepSeconds: Math.max(interval / 1000, 0.001) },
      { canary, baseline },
      templateValues(config, canary)
    )
    // `error-rate 5.1× the baseline (p=0.001)`: the words the step's reason and the headline carry.
    const reason = explainJudgement(score, judgements)
    ctx.log(`judge (${canary} vs ${baseline}): ${score.outcome} — ${reason}`)
    for (const j of judgements) ctx.log(`  ${j.reason}`)
    return {
      outcome: score.outcome satisfies JudgeOutcome,
      score: score.score,
      reason,
      metrics: judgements.map(metricReport)
    }
  } catch (error) {
    return inconclusive(`the judge's queries failed: ${errorText(error)}`)
  }
}
