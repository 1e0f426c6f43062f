/**
 * Classifies one measurement of one check. Pure: no I/O.
 *
 * Phases:
 * - `successful` / `failed`: a value was compared with the check's conditions.
 * - `no-data`: there was nothing to judge (empty result, NaN/±Inf with onNaN `no-data`, or traffic
 *   below minTraffic). The phase stays `no-data` so reports can show it as such; the check's
 *   `onNoData` policy decides how it *counts* (fail → as a failure, pass → as a success,
 *   inconclusive → as inconclusive; see limits.ts), and the message names the policy.
 * - `inconclusive`: a relative limit could not be judged because there is no baseline.
 * - `error`: the query failed; counted on the error budget only, never as a failure or a pass.
 *
 * Several series: each condition is applied to the worst series for it (the maximum against `max`
 * and `maxIncrease`, the minimum against `min` and `maxDecrease`), so one bad pod or route is never
 * averaged away; the message says how many series there were.
 */
import type { MetricCheckConfig } from '../config/types.js'
import type { Measurement } from '../model/result.js'
import { formatNumber as num, formatPercent as pct } from './format.js'
import { formatValue, metricUnit } from '../util/units.js'

export type CheckRule = Pick<MetricCheckConfig, 'max' | 'min' | 'maxIncrease' | 'maxDecrease' | 'onNoData' | 'onNaN'> &
  Partial<Pick<MetricCheckConfig, 'name' | 'query'>>

/** Values in the metric's unit (ms, %, MiB) when its name or query says which: the words every surface uses. */
function formatFor(rule: CheckRule): (value: number) => string {
  if (rule.name === undefined || rule.query === undefined) return num
  const unit = metricUnit({ name: rule.name, query: rule.query, condition: { max: rule.max, min: rule.min } })
  return (value) => formatValue(value, unit)
}

/** What was observed at one tick for one check. */
export type Observed =
  | { kind: 'values'; values: number[]; nonFinite: string[]; series: number; warnings?: string[] }
  /** Nothing to judge for a reason outside the result, e.g. `traffic 0.2 < minTraffic 1`. */
  | { kind: 'no-data'; why: string }
  /** `rejected`: Prometheus refused the query itself (bad_data), so asking again cannot succeed. */
  | { kind: 'error'; message: string; rejected?: boolean }

/** The pre-analysis value of the same query, or why there is none. */
export type Baseline = { value: number } | { value: null; why: string }

export function isRelative(rule: CheckRule): boolean {
  return rule.maxIncrease !== undefined || rule.maxDecrease !== undefined
}

interface Judgement {
  failed: boolean
  value: number
  text: string
}

/** Relative change against a baseline; a zero baseline makes any rise infinite (and no change 0). */
export function relativeChange(value: number, baseline: number): number {
  if (baseline === 0) return value === 0 ? 0 : value > 0 ? Infinity : -Infinity
  return (value - baseline) / Math.abs(baseline)
}

function judgeAbsolute(rule: CheckRule, high: number, low: number): Judgement[] {
  const num = formatFor(rule)
  const out: Judgement[] = []
  if (rule.max !== undefined)
    out.push(
      high > rule.max
        ? { failed: true, value: high, text: `${num(high)} > max ${num(rule.max)}` }
        : { failed: false, value: high, text: `${num(high)} <= max ${num(rule.max)}` }
    )
  if (rule.min !== undefined)
    out.push(
      low < rule.min
        ? { failed: true, value: low, text: `${num(low)} < min ${num(rule.min)}` }
        : { failed: false, value: low, text: `${num(low)} >= min ${num(rule.min)}` }
    )
  return out
}

function judgeRelative(rule: CheckRule, high: number, low: number, baseline: number): Judgement[] {
  const num = formatFor(rule)
  const out: Judgement[] = []
  const base = num(baseline)
  if (rule.maxIncrease !== undefined) {
    const change = relativeChange(high, baseline)
    const failed = change > rule.maxIncrease
    const word = failed ? 'over' : 'vs'
    out.push({
      failed,
      value: high,
      text: `${num(high)} is ${pct(change)} ${word} baseline ${base} (maxIncrease ${pct(rule.maxIncrease)})`
    })
  }
  if (rule.maxDecrease !== undefined) {
    const change = relativeChange(low, baseline)
    const failed = -change > rule.maxDecrease
    const word = failed ? 'under' : 'vs'
    out.push({
      failed,
      value: low,
      text: `${num(low)} is ${pct(change)} ${word} baseline ${base} (maxDecrease -${pct(rule.maxDecrease, false)})`
    })
  }
  return out
}

function relativeLimits(rule: CheckRule): string {
  const parts: string[] = []
  if (rule.maxIncrease !== undefined) parts.push(`maxIncrease ${pct(rule.maxIncrease)}`)
  if (rule.maxDecrease !== undefined) parts.push(`maxDecrease -${pct(rule.maxDecrease, false)}`)
  return parts.join(', ')
}

export function noDataMessage(why: string, rule: Pick<CheckRule, 'onNoData'>): string {
  return `${why} (onNoData: ${rule.onNoData})`
}

export function evaluate(rule: CheckRule, observed: Observed, time: Date, baseline?: Baseline): Measurement {
  const at = time.toISOString()
  if (observed.kind === 'error') return { time: at, value: null, phase: 'error', message: observed.message }
  if (observed.kind === 'no-data')
    return { time: at, value: null, phase: 'no-data', message: noDataMessage(observed.why, rule) }

  const warnings = observed.warnings && observed.warnings.length > 0 ? { warnings: observed.warnings } : {}
  const distinct = [...new Set(observed.nonFinite)].join(', ')
  if (observed.nonFinite.length > 0 && rule.onNaN === 'fail')
    return { time: at, value: null, phase: 'failed', message: `${distinct} (onNaN: fail)`, ...warnings }
  if (observed.values.length === 0) {
    const why = observed.nonFinite.length > 0 ? `${distinct} treated as no data` : 'no data'
    return { time: at, value: null, phase: 'no-data', message: noDataMessage(why, rule), ...warnings }
  }

  const high = Math.max(...observed.values)
  const low = Math.min(...observed.values)
  const notes: string[] = []
  if (observed.series > 1) notes.push(`worst of ${observed.series} series`)
  if (observed.nonFinite.length > 0) notes.push(`${observed.nonFinite.length} non-finite series ignored`)
  const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : ''

  const judgements = judgeAbsolute(rule, high, low)
  const relative = isRelative(rule)
  let missingBaseline: string | undefined
  if (relative) {
    if (baseline === undefined || baseline.value === null) {
      const why = baseline?.why ?? 'no baseline was taken'
      missingBaseline = `${why}: cannot judge ${relativeLimits(rule)}`
    } else {
      judgements.push(...judgeRelative(rule, high, low, baseline.value))
    }
  }

  const failure = judgements.find((j) => j.failed)
  if (failure) return { time: at, value: failure.value, phase: 'failed', message: failure.text + suffix, ...warnings }
  const shown = rule.max !== undefined || rule.maxIncrease !== undefined ? high : low
  if (missingBaseline !== undefined)
    return {
      time: at,
      value: shown,
      phase: 'inconclusive',
      message: `${formatFor(rule)(shown)}; ${missingBaseline}`,
      ...warnings
    }
  const text =
    judgements.length > 0 ? judgements.map((j) => j.text).join(', ') : `${formatFor(rule)(shown)} (no condition)`
  return { time: at, value: shown, phase: 'successful', message: text + suffix, ...warnings }
}
