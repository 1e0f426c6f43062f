/**
 * The samples the baseline judge compares, from one range query per track. Pure. A judge query
 * should aggregate to one series; when it returns several, their values are summed per timestamp (the
 * track's total), so a per-pod query still yields one sample per step. NaN stays NaN: the metric's
 * `nanStrategy` decides what it means (judge-metric.ts).
 */
import type { QueryData } from '../prometheus/types.js'

export function rangeSamples(data: QueryData): number[] {
  const series =
    data.resultType === 'matrix'
      ? data.result.map((s) => s.values)
      : data.resultType === 'vector'
        ? data.result.map((s) => [s.value])
        : []
  const byTime = new Map<number, number>()
  for (const points of series) {
    for (const [time, raw] of points) byTime.set(time, (byTime.get(time) ?? 0) + Number(raw))
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([, value]) => value)
}
