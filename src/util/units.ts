/**
 * Metric values in the units people read: latency in ms/s, ratios as %, sizes in KiB/MiB/GiB, other
 * values as plain numbers (formatNumber). One vocabulary for every surface: the summary's tables and
 * charts' captions, the headline, the log and the outputs all format a metric value through here.
 *
 * The unit is inferred, because the config has no unit field: Prometheus naming conventions put the
 * base unit in the metric name (`_seconds`, `_bytes`, `_ratio`), and a check named like a rate of
 * errors with limits within [0, 1] is a ratio. A wrong guess costs only a suffix, so guesses are
 * conservative: anything unclear stays a plain number.
 */
import type { MetricCheckResult, MetricCondition } from '../model/result.js'
import { formatNumber } from './number.js'

export type MetricUnit = 'seconds' | 'ratio' | 'bytes' | 'plain'

const limitsWithinUnit = (condition: MetricCondition): boolean =>
  [condition.max, condition.min].every((v) => v === undefined || (v >= 0 && v <= 1)) &&
  (condition.max !== undefined || condition.min !== undefined)

/** The unit of a metric check's values, from its name, query and limits. */
export function metricUnit(check: Pick<MetricCheckResult, 'name' | 'query' | 'condition'>): MetricUnit {
  const name = check.name.toLowerCase()
  const query = check.query
  if (/_seconds(_bucket|_sum|_count)?\b/.test(query) || /latency|duration/.test(name)) return 'seconds'
  if (/_bytes\b/.test(query) || /\b(memory|bytes)\b/.test(name)) return 'bytes'
  if (/_ratio\b/.test(query) || /ratio|percent|availability|success.?rate/.test(name)) return 'ratio'
  // `error-rate` over rates divided by rates with a limit like 0.005: a fraction of requests.
  if (/error|fail|5xx/.test(name) && /\//.test(query) && limitsWithinUnit(check.condition)) return 'ratio'
  return 'plain'
}

/** Three significant digits, no trailing zeros: 3.2, 0.51, 120, 1235. */
function sig(value: number, digits = 3): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 10 ** digits) return String(Math.round(value))
  return String(Number(value.toPrecision(digits)))
}

/** `80 ms`, `1.5 s`, `3.2 %`, `1.5 MiB`, or formatNumber's form; null → `—`. */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value) || unit === 'plain') return formatNumber(value)
  switch (unit) {
    case 'seconds': {
      const abs = Math.abs(value)
      if (abs === 0) return '0 ms'
      if (abs < 1e-3) return `${sig(value * 1e6)} µs`
      if (abs < 1) return `${sig(value * 1e3)} ms`
      return `${sig(value)} s`
    }
    case 'ratio':
      return `${sig(value * 100)} %`
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
      let v = value
      let i = 0
      while (Math.abs(v) >= 1024 && i < units.length - 1) {
        v /= 1024
        i++
      }
      return `${sig(v)} ${units[i]}`
    }
  }
}

/** A check's values formatted in its unit. */
export const valueFormatter =
  (check: Pick<MetricCheckResult, 'name' | 'query' | 'condition'>): ((value: number | null | undefined) => string) =>
  (value) =>
    formatValue(value, metricUnit(check))
