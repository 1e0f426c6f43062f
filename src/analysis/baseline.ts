/**
 * Pre-analysis baselines for relative checks: a range query of the same expression over the window
 * before the analysis started, averaged per series on our side (NaN points skipped, so one quiet
 * minute does not wipe out the baseline as it would inside avg_over_time), then reduced like the
 * measurements: the highest series for maxIncrease, the lowest for maxDecrease.
 */
import type { PrometheusQuerier } from '../prometheus/types.js'
import { seriesMeans } from '../prometheus/result.js'
import type { Baseline, CheckRule } from './evaluate.js'
import { formatDuration } from './format.js'

export interface BaselineWindow {
  /** Length of the window, ms. */
  window: number
  /** Gap between the end of the window and the start of the analysis, ms. */
  offset: number
}

/** About 60 points over the window, never finer than 1 s. */
export function baselineStep(windowMs: number): number {
  return Math.max(1, Math.ceil(windowMs / 1000 / 60))
}

export function baselineRange(start: Date, w: BaselineWindow): { from: Date; to: Date } {
  const to = new Date(start.getTime() - w.offset)
  return { from: new Date(to.getTime() - w.window), to }
}

export async function takeBaseline(
  prometheus: PrometheusQuerier,
  query: string,
  rule: CheckRule,
  start: Date,
  w: BaselineWindow
): Promise<Baseline> {
  const { from, to } = baselineRange(start, w)
  const where =
    `the ${formatDuration(w.window)} before the analysis` +
    (w.offset > 0 ? ` (offset ${formatDuration(w.offset)})` : '')
  try {
    const result = await prometheus.rangeQuery(query, from, to, baselineStep(w.window))
    const means = seriesMeans(result.data)
    if (means.length === 0) return { value: null, why: `no baseline: no data in ${where}` }
    return { value: rule.maxIncrease !== undefined ? Math.max(...means) : Math.min(...means) }
  } catch (error) {
    return { value: null, why: `no baseline: the query over ${where} failed: ${(error as Error).message}` }
  }
}
