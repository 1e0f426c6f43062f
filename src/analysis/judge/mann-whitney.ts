/**
 * Mann-Whitney U test (Wilcoxon rank-sum) with the Hodges–Lehmann shift and its confidence interval,
 * following R's `wilcox.test(x, y, conf.int = TRUE)` — the code Kayenta's judge ports
 * (spinnaker/kayenta `kayenta-mannwhitney/.../MannWhitney.scala`). Written here because no kept npm
 * package offers the shift estimate with its interval (simple-statistics has no rank test at all,
 * jStat and @stdlib only parts of it); the tests check it against R's published outputs.
 *
 * x is the canary, y the baseline: a positive shift means the canary is higher.
 *
 * Choices (R's defaults):
 * - Exact distribution when both samples have fewer than 50 values and there are no ties in the
 *   combined sample: p-value from the exact U distribution, interval from the sorted pairwise
 *   differences x_i − y_j at the U critical values (the textbook Hodges–Lehmann interval).
 * - Otherwise the normal approximation with the tie correction of the variance and a continuity
 *   correction of ½. The interval is R's: the shifts d where the standardised statistic of (x − d, y)
 *   crosses the normal quantile. That statistic is a step function that only changes at the pairwise
 *   differences, so the crossing is found exactly among them (R's uniroot lands within 1e-4 of the
 *   same point).
 * - The estimate is the Hodges–Lehmann estimator, the median of the pairwise differences, in both
 *   cases. (R's normal-approximation branch reports a root of the same step function, which can be
 *   anywhere on its flat stretch around that median.)
 */
import { exactUDistribution } from './exact-wilcoxon.js'
import { normalCdf, normalQuantile, normalUpperTail } from './normal.js'

export type Alternative = 'two-sided' | 'greater' | 'less'

export interface MannWhitneyOptions {
  /** `greater`: the canary (x) is higher than the baseline (y). Default `two-sided`. */
  alternative?: Alternative
  /** Confidence level of the shift's interval, 0 < confidence < 1. Default 0.95. */
  confidence?: number
  /** Continuity correction in the normal approximation. Default true. */
  correct?: boolean
  /** `auto` (default): exact when both samples have < 50 values and nothing is tied. */
  exact?: boolean | 'auto'
}

export interface MannWhitneyResult {
  /** U of x: the number of pairs with x_i > y_j, ties counting ½ (R's W). */
  u: number
  pValue: number
  method: 'exact' | 'normal'
  alternative: Alternative
  confidence: number
  /** Hodges–Lehmann estimate of the shift x − y and its confidence interval (±Infinity one-sided). */
  estimate: number
  lower: number
  upper: number
}

const EXACT_LIMIT = 50

/** Mid-ranks (1-based) of values, ties sharing the average of their positions, plus the tie-group sizes. */
export function midRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value)
  const ranks = new Array<number>(values.length)
  const tieSizes: number[] = []
  let start = 0
  while (start < order.length) {
    let end = start
    while (
      end + 1 < order.length &&
      (order[end + 1] as { value: number }).value === (order[start] as { value: number }).value
    )
      end++
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[(order[k] as { index: number }).index] = rank
    tieSizes.push(end - start + 1)
    start = end + 1
  }
  return { ranks, tieSizes }
}

function tieTerm(tieSizes: readonly number[]): number {
  return tieSizes.reduce((sum, t) => sum + t * t * t - t, 0)
}

/** Standard deviation of U under the null, with the tie correction. */
function sigmaU(m: number, n: number, ties: number): number {
  const total = m + n
  return Math.sqrt(((m * n) / 12) * (total + 1 - ties / (total * (total - 1))))
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function correction(alternative: Alternative, z: number, correct: boolean): number {
  if (!correct) return 0
  if (alternative === 'greater') return 0.5
  if (alternative === 'less') return -0.5
  return Math.sign(z) * 0.5
}

function assertSample(values: readonly number[], name: string): void {
  if (values.length === 0) throw new Error(`mannWhitney: ${name} is empty`)
  if (!values.every(Number.isFinite)) throw new Error(`mannWhitney: ${name} has a value that is not a finite number`)
}

export function mannWhitney(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {}
): MannWhitneyResult {
  assertSample(x, 'x')
  assertSample(y, 'y')
  const alternative = options.alternative ?? 'two-sided'
  const confidence = options.confidence ?? 0.95
  if (!(confidence > 0 && confidence < 1)) throw new Error('mannWhitney: confidence must be between 0 and 1')
  const correct = options.correct ?? true
  const m = x.length
  const n = y.length
  const { ranks, tieSizes } = midRanks([...x, ...y])
  const u = ranks.slice(0, m).reduce((sum, r) => sum + r, 0) - (m * (m + 1)) / 2
  const tied = tieSizes.some((t) => t > 1)
  const exactWanted = options.exact ?? 'auto'
  const exact = exactWanted === 'auto' ? m < EXACT_LIMIT && n < EXACT_LIMIT && !tied : exactWanted && !tied

  const differences: number[] = []
  for (const xi of x) for (const yj of y) differences.push(xi - yj)
  differences.sort((a, b) => a - b)
  const estimate = median(differences)
  const alpha = 1 - confidence

  if (exact) {
    const distribution = exactUDistribution(m, n)
    let pValue: number
    if (alternative === 'greater') pValue = distribution.survival(u)
    else if (alternative === 'less') pValue = distribution.cdf(u)
    else {
      const oneSided = u > (m * n) / 2 ? distribution.survival(u) : distribution.cdf(u)
      pValue = Math.min(2 * oneSided, 1)
    }
    // R: qu = qwilcox(alpha/2 or alpha); the interval is [D(qu), D(mn − qu + 1)] (1-based order statistics).
    const qu = Math.max(distribution.quantile(alternative === 'two-sided' ? alpha / 2 : alpha), 1)
    const lowerBound = differences[qu - 1] as number
    const upperBound = differences[m * n - qu] as number
    return {
      u,
      pValue,
      method: 'exact',
      alternative,
      confidence,
      estimate,
      lower: alternative === 'less' ? Number.NEGATIVE_INFINITY : lowerBound,
      upper: alternative === 'greater' ? Number.POSITIVE_INFINITY : upperBound
    }
  }

  const sigma = sigmaU(m, n, tieTerm(tieSizes))
  const centred = u - (m * n) / 2
  let pValue: number
  if (sigma === 0)
    pValue = 1 // every value equal: no evidence of any shift
  else {
    const z = (centred - correction(alternative, centred, correct)) / sigma
    if (alternative === 'greater') pValue = normalUpperTail(z)
    else if (alternative === 'less') pValue = normalCdf(z)
    else pValue = Math.min(2 * Math.min(normalCdf(z), normalUpperTail(z)), 1)
  }
  const crossing = shiftCrossing(x, y, differences, alternative, correct)
  return {
    u,
    pValue,
    method: 'normal',
    alternative,
    confidence,
    estimate,
    lower:
      alternative === 'less'
        ? Number.NEGATIVE_INFINITY
        : crossing(normalQuantile(1 - (alternative === 'two-sided' ? alpha / 2 : alpha))),
    upper:
      alternative === 'greater'
        ? Number.POSITIVE_INFINITY
        : crossing(normalQuantile(alternative === 'two-sided' ? alpha / 2 : alpha))
  }
}

/**
 * R's asymptotic interval: for a quantile zq, the shift d where
 * f(d) = (U(x − d, y) − mn/2 − correction) / σ − zq changes sign. For d strictly between two
 * neighbouring pairwise differences, U(x − d, y) is the number of differences above d and σ carries
 * only the ties inside each sample, so f is a non-increasing step function and its root is the first
 * difference after which f ≤ 0 (R: mumin when f(mumin) ≤ 0, mumax when f(mumax) ≥ 0).
 */
function shiftCrossing(
  x: readonly number[],
  y: readonly number[],
  sortedDifferences: readonly number[],
  alternative: Alternative,
  correct: boolean
): (zq: number) => number {
  const m = x.length
  const n = y.length
  const sigma = sigmaU(m, n, tieTerm(midRanks(x).tieSizes) + tieTerm(midRanks(y).tieSizes))
  const total = sortedDifferences.length
  const f = (above: number, zq: number): number => {
    const dz = above - (m * n) / 2
    return (dz - correction(alternative, dz, correct)) / sigma - zq
  }
  // Distinct differences and how many differences lie strictly above each.
  const values: number[] = []
  const aboveAfter: number[] = []
  for (let i = 0; i < total; i++) {
    const value = sortedDifferences[i] as number
    if (i + 1 < total && sortedDifferences[i + 1] === value) continue
    values.push(value)
    aboveAfter.push(total - i - 1)
  }
  return (zq) => {
    // f is non-increasing along `values`: binary search for the first index where it is ≤ 0.
    let lo = 0
    let hi = values.length - 1
    if (f(aboveAfter[hi] as number, zq) > 0) return values[hi] as number
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (f(aboveAfter[mid] as number, zq) <= 0) hi = mid
      else lo = mid + 1
    }
    return values[lo] as number
  }
}
