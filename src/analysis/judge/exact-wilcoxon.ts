/**
 * The exact null distribution of the Mann-Whitney U statistic for samples without ties (R's
 * cwilcox/pwilcox/qwilcox). Counts come from the recurrence c(u; m, n) = c(u − n; m − 1, n) + c(u; m, n − 1),
 * which only adds, so floating point stays exact enough even where the counts pass 2^53.
 */

/** Number of arrangements giving each U = 0 … m·n, for sample sizes m and n. */
function counts(m: number, n: number): Float64Array {
  // previous[j] = distribution for (i − 1, j); built up row by row to keep two rows in memory.
  let previous: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1))
  for (let i = 1; i <= m; i++) {
    const current: Float64Array[] = [Float64Array.of(1)]
    for (let j = 1; j <= n; j++) {
      const row = new Float64Array(i * j + 1)
      const fromPrevious = previous[j] as Float64Array // (i − 1, j), shifted by j
      const fromLeft = current[j - 1] as Float64Array // (i, j − 1)
      for (let u = 0; u < fromLeft.length; u++) row[u] = fromLeft[u] as number
      for (let u = 0; u < fromPrevious.length; u++) row[u + j] = (row[u + j] as number) + (fromPrevious[u] as number)
      current.push(row)
    }
    previous = current
  }
  return previous[n] as Float64Array
}

export interface ExactUDistribution {
  /** P(U ≤ u). */
  cdf(u: number): number
  /** P(U ≥ u). */
  survival(u: number): number
  /** The smallest q with P(U ≤ q) ≥ p (R's qwilcox). */
  quantile(p: number): number
}

// Building the table for 49 × 49 takes tens of milliseconds; a judge asks for the same sizes step after step.
const cache = new Map<string, ExactUDistribution>()

export function exactUDistribution(m: number, n: number): ExactUDistribution {
  const key = `${m}x${n}`
  const cached = cache.get(key)
  if (cached) return cached
  const built = buildDistribution(m, n)
  if (cache.size > 64) cache.clear()
  cache.set(key, built)
  return built
}

function buildDistribution(m: number, n: number): ExactUDistribution {
  const frequencies = counts(m, n)
  const total = frequencies.reduce((sum, c) => sum + c, 0)
  const cumulative = new Float64Array(frequencies.length)
  let running = 0
  frequencies.forEach((c, u) => {
    running += c
    cumulative[u] = running / total
  })
  const cdf = (u: number): number => {
    const k = Math.floor(u)
    if (k < 0) return 0
    if (k >= cumulative.length) return 1
    return cumulative[k] as number
  }
  return {
    cdf,
    survival: (u) => 1 - cdf(Math.ceil(u) - 1),
    quantile(p) {
      // R subtracts a few ulps so that p landing exactly on a step is not lost to rounding.
      const target = p - 10 * Number.EPSILON
      for (let q = 0; q < cumulative.length; q++) if ((cumulative[q] as number) >= target) return q
      return cumulative.length - 1
    }
  }
}
