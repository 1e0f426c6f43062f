/**
 * From a query result to the numbers a condition is applied to. Pure.
 *
 * - vector: one value per series; scalar: one value; matrix (a range selector in an instant query):
 *   the latest point of each series. A string result cannot be judged and throws.
 * - Prometheus sends non-finite values as strings ("NaN", "+Inf", "-Inf"); they are kept apart in
 *   `nonFinite` so the no-data / onNaN policy can decide about them instead of a comparison
 *   silently failing (NaN > max is false, which would read as a pass).
 * - Several series are kept: the evaluator judges the worst one per condition (the maximum against
 *   `max`, the minimum against `min`) and says how many series there were.
 */
import type { QueryData, SamplePair } from './types.js'

export interface Observation {
  /** Finite values, one per series. */
  values: number[]
  /** Non-finite values exactly as sent, one per series that had one. */
  nonFinite: string[]
  /** Number of series (or 1 for a scalar) in the answer; 0 = empty result. */
  series: number
}

function split(pairs: SamplePair[]): Observation {
  const values: number[] = []
  const nonFinite: string[] = []
  for (const [, raw] of pairs) {
    const value = Number(raw)
    if (Number.isFinite(value)) values.push(value)
    else nonFinite.push(raw)
  }
  return { values, nonFinite, series: pairs.length }
}

export function observe(data: QueryData): Observation {
  switch (data.resultType) {
    case 'scalar':
      return split([data.result])
    case 'vector':
      return split(data.result.map((sample) => sample.value))
    case 'matrix': {
      const latest = data.result.flatMap((series) => series.values.slice(-1))
      return { ...split(latest), series: data.result.length }
    }
    case 'string':
      throw new Error('the query returned a string, which cannot be compared with a number')
  }
}

/**
 * The mean of each series' finite points over a range query (used for baselines). NaN points, as a
 * ratio gives during a quiet minute, are skipped rather than poisoning the average; a series with no
 * finite point is left out.
 */
export function seriesMeans(data: QueryData): number[] {
  const series: SamplePair[][] =
    data.resultType === 'matrix'
      ? data.result.map((s) => s.values)
      : data.resultType === 'vector'
        ? data.result.map((s) => [s.value])
        : data.resultType === 'scalar'
          ? [[data.result]]
          : []
  const means: number[] = []
  for (const points of series) {
    const finite = points.map(([, raw]) => Number(raw)).filter(Number.isFinite)
    if (finite.length > 0) means.push(finite.reduce((a, b) => a + b, 0) / finite.length)
  }
  return means
}
