/**
 * The judge's findings in the words of a record: `error-rate 5.1× the baseline (p=0.001)`. One place,
 * so the log, the step's reason, the headline and the PR comment say the same thing. Pure.
 */
import { formatNumber } from '../format.js'
import type { JudgeScore, MetricJudgement } from './types.js'

/** `p=0.013`, `p<0.001`: two significant digits, never a long tail of zeros. */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p<0.001'
  return `p=${Number(p.toPrecision(2))}`
}

/** `1.27×`, `5.1×`, `12×`: two decimals near 1 (where tolerances such as 1.15 live), fewer beyond. */
export function formatRatio(ratio: number): string {
  const digits = ratio < 2 ? 2 : ratio < 10 ? 1 : 0
  return `${Number(ratio.toFixed(digits))}×`
}

/**
 * One failing metric: `error-rate 5.1× the baseline (p=0.001)`; without a meaningful ratio (a baseline
 * mean of 0), the two means: `error-rate 0.05 vs 0 in the baseline (p=0.001)`. Undefined for a metric
 * that passed or had no data.
 */
export function metricFinding(judgement: MetricJudgement): string | undefined {
  if (judgement.verdict !== 'high' && judgement.verdict !== 'low') return undefined
  const p = judgement.pValue === null ? '' : ` (${formatPValue(judgement.pValue)})`
  if (judgement.effectSize !== null) return `${judgement.metric} ${formatRatio(judgement.effectSize)} the baseline${p}`
  const canary = judgement.canary.mean ?? judgement.canary.median
  const baseline = judgement.baseline.mean ?? judgement.baseline.median
  if (canary === null || baseline === null) return `${judgement.metric} ${judgement.verdict}er than the baseline${p}`
  return `${judgement.metric} ${formatNumber(canary)} vs ${formatNumber(baseline)} in the baseline${p}`
}

/**
 * The step's judgement in one line: what failed first (critical metrics lead), then the score; for a
 * pass or an inconclusive step, the score's own reason.
 */
export function explainJudgement(score: JudgeScore, judgements: readonly MetricJudgement[]): string {
  const failing = [
    ...judgements.filter((j) => score.criticalFailures.includes(j.metric)),
    ...judgements.filter((j) => !score.criticalFailures.includes(j.metric))
  ]
    .map(metricFinding)
    .filter((text): text is string => text !== undefined)
  if (failing.length === 0 || score.outcome === 'pass') return score.reason
  const scoreText = score.score === null ? 'no score' : `score ${formatNumber(Math.round(score.score * 10) / 10)}`
  const why =
    score.criticalFailures.length > 0
      ? `critical, ${scoreText}`
      : // The step machine decides whether a marginal score may go on; the finding only states it.
        `${score.reason.charAt(0).toLowerCase()}${score.reason.slice(1)}`
          .replace(/: continue, do not promote on it\.$/, '')
          .replace(/\.$/, '')
  return `${failing.join('; ')} — ${why}`
}
