/**
 * Plain-text formatting shared by every surface: numbers, times, status words and icons, target
 * labels, metric conditions. Output is unescaped text; renderers escape it where it lands.
 */
import type {
  CheckStatus,
  MeasurementPhase,
  MetricCondition,
  TargetRef,
  Verdict,
  ActionTaken
} from '../model/result.js'

import { formatNumber } from '../util/number.js'

export { formatNumber }

/**
 * A plain decimal (no exponent) with about eight significant digits, for syntaxes that reject `1e-5`
 * (Mermaid's xychart grammar only accepts digits with an optional fraction).
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value) || value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 1e21) return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 })
  const digits = Math.min(100, Math.max(0, 7 - Math.floor(Math.log10(abs))))
  const fixed = value.toFixed(digits)
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed
  return trimmed === '-0' ? '0' : trimmed
}

/** `HH:MM:SS` (UTC) of an ISO time, or the input unchanged when it does not parse. */
export function formatClock(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(11, 19)
}

/** `2m 5s`, `850ms`; empty when either time does not parse. */
export function formatDuration(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso)
  if (Number.isNaN(ms) || ms < 0) return ''
  if (ms < 1000) return `${ms}ms`
  const seconds = Math.round(ms / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].filter(Boolean).join(' ')
}

export const VERDICT_ICON: Record<Verdict, string> = { passed: '✅', failed: '❌', inconclusive: '⚠️' }

export const STATUS_ICON: Record<CheckStatus, string> = {
  passed: '✅',
  failed: '❌',
  inconclusive: '⚠️',
  skipped: '➖'
}

export const PHASE_ICON: Record<MeasurementPhase, string> = {
  successful: '✅',
  failed: '❌',
  inconclusive: '⚠️',
  error: '❗',
  'no-data': '➖'
}

export const PHASE_LABEL: Record<MeasurementPhase, string> = {
  successful: 'successful',
  failed: 'failed',
  inconclusive: 'inconclusive',
  error: 'error',
  'no-data': 'no data'
}

/** What the run did, in words; `none` reads as "no action". */
export const ACTION_LABEL: Record<ActionTaken, string> = {
  none: 'no action',
  'rolled-back': 'rolled back',
  promoted: 'promoted',
  aborted: 'aborted',
  paused: 'paused for approval'
}

/** What a dry run would have done, for the "dry run — would have …" banner (a dry run never fails the step). */
export function wouldHave(verdict: Verdict, action: ActionTaken): string {
  switch (action) {
    case 'rolled-back':
      return 'rolled back'
    case 'promoted':
      return 'promoted the canary'
    case 'aborted':
      return 'aborted the canary'
    case 'paused':
      return 'paused the canary for approval'
    case 'none':
      return verdict === 'passed' ? 'passed this step' : `failed this step (verdict ${verdict})`
  }
}

/** The action in words, the same on every surface: `rolled back`, `none (dry run; would have rolled back)`. */
export function actionText(dryRun: boolean, action: ActionTaken): string {
  if (!dryRun) return ACTION_LABEL[action]
  return action === 'none' ? 'none (dry run)' : `none (dry run; would have ${ACTION_LABEL[action]})`
}

/** `deployment/api`, the form users type into `target:` (kubectl style). */
export function targetLabel(ref: TargetRef): string {
  return `${ref.kind.toLowerCase()}/${ref.name}`
}

/** The same target: kind (in any case, like targetLabel), name and namespace. */
export const sameTarget = (a: TargetRef, b: TargetRef): boolean =>
  a.kind.toLowerCase() === b.kind.toLowerCase() && a.name === b.name && a.namespace === b.namespace

/** Threshold lines implied by a condition, in the order they are shown. */
export function conditionThresholds(condition: MetricCondition): Array<{ label: string; value: number }> {
  const lines: Array<{ label: string; value: number }> = []
  if (condition.max !== undefined) lines.push({ label: 'max', value: condition.max })
  if (condition.min !== undefined) lines.push({ label: 'min', value: condition.min })
  const baseline = condition.baseline
  if (typeof baseline === 'number' && Number.isFinite(baseline)) {
    if (condition.maxIncrease !== undefined) {
      lines.push({
        label: `baseline +${formatPercent(condition.maxIncrease)}`,
        value: baseline * (1 + condition.maxIncrease)
      })
    }
    if (condition.maxDecrease !== undefined) {
      lines.push({
        label: `baseline -${formatPercent(condition.maxDecrease)}`,
        value: baseline * (1 - condition.maxDecrease)
      })
    }
  }
  return lines
}

function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)} %`
}

/**
 * `≤ 0.5 % (max) and ≥ 1 (min)`; relative limits name their baseline. `value` formats limits in the
 * metric's unit (units.ts valueFormatter); the default is a plain number.
 */
export function formatCondition(condition: MetricCondition, value: (n: number) => string = formatNumber): string {
  const parts: string[] = []
  if (condition.max !== undefined) parts.push(`≤ ${value(condition.max)} (max)`)
  if (condition.min !== undefined) parts.push(`≥ ${value(condition.min)} (min)`)
  const relative = condition.maxIncrease !== undefined || condition.maxDecrease !== undefined
  if (relative) {
    const baseline = condition.baseline
    const known = typeof baseline === 'number' && Number.isFinite(baseline)
    const base = known ? `baseline ${value(baseline)}` : 'baseline (unavailable)'
    if (condition.maxIncrease !== undefined) {
      const limit = known ? ` = ${value(baseline * (1 + condition.maxIncrease))}` : ''
      parts.push(`≤ ${base} +${formatPercent(condition.maxIncrease)}${limit}`)
    }
    if (condition.maxDecrease !== undefined) {
      const limit = known ? ` = ${value(baseline * (1 - condition.maxDecrease))}` : ''
      parts.push(`≥ ${base} -${formatPercent(condition.maxDecrease)}${limit}`)
    }
  }
  return parts.length ? parts.join(' and ') : 'no limit (recorded only)'
}
