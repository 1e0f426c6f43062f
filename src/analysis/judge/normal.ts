/**
 * The standard normal distribution: CDF and quantile, accurate to ~1e-15, for the Mann-Whitney
 * normal approximation. Written here rather than taken from a package: the only candidates on npm
 * (jStat, @stdlib) pull in far more than two functions, and these two are short and checked in the
 * tests against published values.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI)

function density(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI
}

/** Upper tail Q(x) = 1 − Φ(x) for x > 3 by its continued fraction (keeps relative accuracy far out). */
function upperTailContinuedFraction(x: number): number {
  // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated backwards from a deep enough term.
  let tail = x
  for (let k = 80; k >= 1; k--) tail = x + k / tail
  return density(x) / tail
}

/** Φ(x), the probability that a standard normal variable is ≤ x. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  if (x > 3) return 1 - upperTailContinuedFraction(x)
  if (x < -3) return upperTailContinuedFraction(-x)
  // Marsaglia (2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), converges quickly for |x| ≤ 3.
  let term = x
  let sum = x
  for (let i = 3; i < 200; i += 2) {
    term = (term * x * x) / i
    const next = sum + term
    if (next === sum) break
    sum = next
  }
  return 0.5 + density(x) * sum
}

/** 1 − Φ(x) without the cancellation of computing 1 − normalCdf(x) for large x. */
export function normalUpperTail(x: number): number {
  if (x > 3) return upperTailContinuedFraction(x)
  return normalCdf(-x)
}

// Acklam's rational approximation (relative error 1.15e-9), then one Halley step on normalCdf.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239
]
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783
]
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0)
}

/** Φ⁻¹(p): the x with Φ(x) = p, for 0 < p < 1 (±Infinity at 0 and 1). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  const low = 0.02425
  let x: number
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    x = poly(C, q) / (poly(D, q) * q + 1)
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    x = -poly(C, q) / (poly(D, q) * q + 1)
  } else {
    const q = p - 0.5
    const r = q * q
    x = (poly(A, r) * q) / (poly(B, r) * r + 1)
  }
  const error = normalCdf(x) - p
  const u = error * SQRT_2PI * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}
