/**
 * One metric's canary-vs-baseline judgement, Kayenta's MannWhitneyClassifier with an effect size:
 * - high: the shift's interval lies entirely above 0 (the canary is significantly higher at
 *   `confidence`) and the mean ratio exceeds `allowedIncrease` (direction increase or either);
 * - low: the interval lies entirely below 0 and the ratio is under `allowedDecrease` (decrease/either);
 * - a ratio without meaning (zero or negative means) leaves only the interval test, as in Kayenta;
 * - fewer than `minSamples` points on either side is nodata — never a pass on silence;
 * - identical samples pass without a test (Kayenta), and two constants are compared exactly.
 * Pure: no I/O.
 */
import { formatNumber } from '../format.js'
import { mannWhitney } from './mann-whitney.js'
import type { MetricJudgeOptions, MetricJudgement, SampleSummary } from './types.js'

/** The points the test sees: non-finite values removed or counted as 0. */
export function applyNanStrategy(values: readonly number[], strategy: MetricJudgeOptions['nanStrategy']): number[] {
  return strategy === 'replace' ? values.map((v) => (Number.isFinite(v) ? v : 0)) : values.filter(Number.isFinite)
}

export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) return { n: 0, median: null, mean: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { n: values.length, median, mean: values.reduce((s, v) => s + v, 0) / values.length }
}

function meanRatio(canary: SampleSummary, baseline: SampleSummary): number | null {
  if (canary.mean === null || baseline.mean === null) return null
  if (canary.mean < 0 || baseline.mean < 0) return null
  if (baseline.mean === 0) return canary.mean === 0 ? 1 : Number.POSITIVE_INFINITY
  return canary.mean / baseline.mean
}

const num = (value: number): string => formatNumber(value)

export function judgeMetric(
  canarySeries: readonly number[],
  baselineSeries: readonly number[],
  options: MetricJudgeOptions
): MetricJudgement {
  const canaryPoints = applyNanStrategy(canarySeries, options.nanStrategy)
  const baselinePoints = applyNanStrategy(baselineSeries, options.nanStrategy)
  const canary = summarize(canaryPoints)
  const baseline = summarize(baselinePoints)
  const base = {
    metric: options.name,
    critical: options.critical,
    ...(options.group !== undefined ? { group: options.group } : {}),
    canary,
    baseline
  }
  if (canary.n < options.minSamples || baseline.n < options.minSamples) {
    const short = canary.n < options.minSamples ? `the canary has ${canary.n}` : `the baseline has ${baseline.n}`
    return {
      ...base,
      verdict: 'nodata',
      pValue: null,
      shift: null,
      effectSize: null,
      reason: `${options.name}: not enough data, ${short} point(s) and at least ${options.minSamples} are needed.`
    }
  }
  const ratio = meanRatio(canary, baseline)
  const effectSize = ratio !== null && Number.isFinite(ratio) ? ratio : null
  const test = mannWhitney(canaryPoints, baselinePoints, { confidence: options.confidence })
  const shift = { estimate: test.estimate, lower: test.lower, upper: test.upper }
  const judged = { ...base, pValue: test.pValue, shift, effectSize }
  const percent = `${Math.round(options.confidence * 1000) / 10} %`
  const interval = `[${num(shift.lower)}, ${num(shift.upper)}]`
  const ratioText =
    ratio === null
      ? 'no meaningful mean ratio'
      : `mean ratio ${Number.isFinite(ratio) ? num(ratio) : '∞ (baseline mean 0)'}`

  const checksIncrease = options.direction === 'increase' || options.direction === 'either'
  const checksDecrease = options.direction === 'decrease' || options.direction === 'either'
  if (checksIncrease && shift.lower > 0 && (ratio === null || ratio > options.allowedIncrease)) {
    return {
      ...judged,
      verdict: 'high',
      reason: `${options.name}: the canary is higher (median ${num(canary.median as number)} vs ${num(baseline.median as number)}, shift ${interval} at ${percent}, ${ratioText} > allowed ${num(options.allowedIncrease)}).`
    }
  }
  if (checksDecrease && shift.upper < 0 && (ratio === null || ratio < options.allowedDecrease)) {
    return {
      ...judged,
      verdict: 'low',
      reason: `${options.name}: the canary is lower (median ${num(canary.median as number)} vs ${num(baseline.median as number)}, shift ${interval} at ${percent}, ${ratioText} < allowed ${num(options.allowedDecrease)}).`
    }
  }
  const why =
    (checksIncrease && shift.lower > 0) || (checksDecrease && shift.upper < 0)
      ? `a significant shift ${interval} but ${ratioText} within the allowed change`
      : `no significant shift in the judged direction (shift ${interval} at ${percent})`
  return { ...judged, verdict: 'pass', reason: `${options.name}: passed, ${why}.` }
}
