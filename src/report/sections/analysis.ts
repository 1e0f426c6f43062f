/**
 * The PromQL analysis: an overview table, then per metric check the query as sent, the condition,
 * the outcome, a chart of the values against the thresholds and the same values as a plain table
 * (Mermaid in job summaries works but is undocumented, so the table is the dependable view).
 * Values are in the metric's unit (units.ts). A metric that failed for a shared cause (Prometheus
 * unreachable) names the cause instead of repeating its sentence; a passed run keeps its charts,
 * smaller, and collapses the rest.
 */
import type { AnalysisResult, Measurement, MetricCheckResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { renderXyChart } from '../chart.js'
import { escapeMarkdownCell, escapeMarkdownText, fence, link, truncate } from '../escape.js'
import {
  PHASE_ICON,
  PHASE_LABEL,
  STATUS_ICON,
  VERDICT_ICON,
  conditionThresholds,
  formatClock,
  formatCondition,
  formatNumber
} from '../format.js'
import { detailsBlock, omittedNote, selectItems, table } from '../markdown.js'
import { renderAlertGate } from './alerts.js'
import { formatValue, metricUnit, valueFormatter, type MetricUnit } from '../../util/units.js'

/** How the section is shown: collapsed details for a passed run; the cause a metric shares, by name. */
export interface AnalysisView {
  collapse: boolean
  /** Short name of the multi-row cause a metric is a symptom of (`Prometheus unreachable`). */
  sharedCause: (metric: string) => string | undefined
}

const DEFAULT_VIEW: AnalysisView = { collapse: false, sharedCause: () => undefined }

const numeric = (m: Measurement): boolean => typeof m.value === 'number' && Number.isFinite(m.value)

function lastValue(check: MetricCheckResult): string {
  const last = [...check.measurements].reverse().find(numeric)
  return last ? valueFormatter(check)(last.value) : '—'
}

/** True when the check was judged on fewer measurements than planned (the run stopped early). */
export const stoppedEarly = (check: MetricCheckResult): boolean =>
  check.judged !== undefined && check.judged.due < check.judged.planned

/** `✅ passed`, or `⚠️ passed, stopped early` when judged on fewer measurements than planned. */
function statusText(check: MetricCheckResult): string {
  const dry = check.dryRun ? ' (dry run)' : ''
  if (check.status === 'passed' && stoppedEarly(check)) return `⚠️ passed, stopped early${dry}`
  return `${STATUS_ICON[check.status]} ${check.status}${dry}`
}

/** The reason, or the shared cause's name when the metric is one of its symptoms. */
function reasonText(check: MetricCheckResult, view: AnalysisView): string {
  const shared = check.status !== 'passed' ? view.sharedCause(check.name) : undefined
  return shared ? `${shared} (see the cause above)` : check.reason
}

/**
 * `3 of 5`, `1 of 5 (a pass needs 3)`, `2 of 2 due (10 planned)`: how many measurements were judged
 * (a pass or a failure), so a pass on one measurement out of five can never hide behind a green icon.
 */
export function judgedText(judged: NonNullable<MetricCheckResult['judged']>): string {
  const of =
    judged.due < judged.planned
      ? `${judged.due} due (${judged.planned} planned; stopped early)`
      : String(judged.planned)
  const short = judged.judged < judged.required ? ` (a pass needs ${judged.required})` : ''
  return `${judged.judged} of ${of}${short}`
}

function renderOverview(analysis: AnalysisResult, budget: Budget, view: AnalysisView): string {
  const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
  const { items, omitted } = selectItems(
    analysis.checks,
    budget.maxTableRows,
    (c) => c.status !== 'passed' && !c.dryRun
  )
  // Results recorded before judged counts existed have none: the column appears only with them.
  const withJudged = items.some((check) => check.judged !== undefined)
  const rows = items.map((check) => [
    cell(check.name),
    cell(formatCondition(check.condition, valueFormatter(check))),
    cell(lastValue(check)),
    ...(withJudged ? [check.judged ? cell(judgedText(check.judged)) : '—'] : []),
    // A pass is said by the value and the judged count; its sentence adds nothing but raw numbers.
    check.status === 'passed' && !stoppedEarly(check)
      ? statusText(check)
      : `${statusText(check)}<br>${cell(reasonText(check, view))}`
  ])
  const headers = ['Metric', 'Condition', 'Last value', ...(withJudged ? ['Judged'] : []), 'Status']
  const rendered = table(headers, rows)
  return omitted ? `${rendered}\n\n${omittedNote(omitted)}` : rendered
}

interface Series {
  title: string
  measurements: Measurement[]
  thresholds: Array<{ label: string; value: number }>
  /** Header of the value column. */
  valueHeader?: string
  unit?: MetricUnit
  small?: boolean
}

/** Chart values in the unit people read: seconds under 1 s as ms, ratios as %. */
function chartScale(unit: MetricUnit, values: number[]): { factor: number; label: string } {
  if (unit === 'ratio') return { factor: 100, label: '%' }
  if (unit === 'seconds')
    return values.every((v) => Math.abs(v) < 1) ? { factor: 1000, label: 'ms' } : { factor: 1, label: 's' }
  return { factor: 1, label: 'value' }
}

/** The chart of a series (and the note on values it leaves out); '' when it has no chart. */
function renderSeriesChart(series: Series): string {
  const measurements = series.measurements
  const unit = series.unit ?? 'plain'
  const scale = chartScale(unit, [
    ...measurements.filter(numeric).map((m) => m.value as number),
    ...series.thresholds.map((t) => t.value)
  ])
  const scaled = (v: number | null): number | null => (typeof v === 'number' ? v * scale.factor : v)
  const chart = renderXyChart({
    title: series.title,
    xLabels: measurements.map((m) => formatClock(m.time)),
    values: measurements.map((m) => scaled(m.value)),
    thresholds: series.thresholds.map((t) => ({ ...t, value: t.value * scale.factor })),
    yLabel: scale.label,
    ...(series.small ? { small: true } : {})
  })
  const missing = measurements.filter((m) => !numeric(m)).length
  if (!chart) return ''
  return missing
    ? `${chart}\n\n_${missing} of ${measurements.length} measurements had no value (no data or error) and are not plotted; the table lists them._`
    : chart
}

/** The note every measurement shares, when all of them failed the same way without a value. */
function sameFailure(measurements: Measurement[]): string | undefined {
  if (measurements.length < 2 || measurements.some(numeric)) return undefined
  const notes = new Set(measurements.map((m) => `${m.phase}\u0000${m.message ?? ''}`))
  return notes.size === 1 ? (measurements[0]?.message ?? PHASE_LABEL[measurements[0]!.phase]) : undefined
}

function renderSeries(series: Series, budget: Budget, withChart = true): string {
  const parts: string[] = []
  const measurements = series.measurements
  const format = (v: number | null): string => formatValue(v, series.unit ?? 'plain')
  const same = sameFailure(measurements)
  if (same !== undefined) {
    const phase = measurements[0]!.phase
    return `_All ${measurements.length} measurements: ${PHASE_ICON[phase]} ${escapeMarkdownText(PHASE_LABEL[phase])} — ${escapeMarkdownText(truncate(same, budget.maxReasonChars))}_`
  }
  const chart = withChart ? renderSeriesChart(series) : ''
  if (chart) parts.push(chart)
  else if (withChart && measurements.length) parts.push('_No chart: fewer than 2 measurements had a value._')
  if (measurements.length) {
    const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
    // A capped series keeps its latest measurements: those decided the outcome.
    const shown = Math.min(measurements.length, budget.maxSeriesRows)
    const rows = measurements
      .slice(measurements.length - shown)
      .map((m) => [
        cell(formatClock(m.time)),
        cell(format(m.value)),
        `${PHASE_ICON[m.phase]} ${PHASE_LABEL[m.phase]}`,
        cell([m.message ?? '', ...(m.warnings ?? []).map((w) => `warning: ${w}`)].filter(Boolean).join('\n'))
      ])
    parts.push(table(['Time (UTC)', series.valueHeader ?? 'Value', 'Phase', 'Note'], rows))
    if (shown < measurements.length) parts.push(omittedNote(measurements.length - shown, 'earlier measurements'))
  }
  return parts.join('\n\n')
}

function renderMetric(check: MetricCheckResult, budget: Budget, view: AnalysisView): string {
  const icon = check.status === 'passed' && stoppedEarly(check) ? '⚠️' : STATUS_ICON[check.status]
  const heading = `#### ${icon} ${escapeMarkdownText(truncate(check.name, budget.maxCellChars))}`
  const outcome = `**Outcome:** ${statusText(check)} — ${escapeMarkdownText(truncate(reasonText(check, view), budget.maxReasonChars))}`
  const lines = [
    outcome,
    `**Condition:** ${escapeMarkdownText(formatCondition(check.condition, valueFormatter(check)))}`
  ]
  if (check.judged) lines.push(`**Measurements judged:** ${escapeMarkdownText(judgedText(check.judged))}`)
  if (check.dryRun) lines.push('_Dry-run check: reported, never part of the verdict._')
  if (check.graphUrl) lines.push(link(check.graphUrl, 'Open the query in Prometheus'))
  const facts = lines.join('<br>\n')
  const query = `Query as sent:\n\n${fence(truncate(check.query, Math.max(budget.maxCellChars, 2000)), 'promql')}`
  const series: Series = {
    title: check.name,
    measurements: check.measurements,
    thresholds: conditionThresholds(check.condition),
    unit: metricUnit(check),
    small: view.collapse
  }
  if (view.collapse) {
    // A passed run: the chart stays (smaller), the facts, query and values are one click away.
    const chart = budget.includeSeries ? renderSeriesChart(series) : ''
    const table = budget.includeSeries ? renderSeries(series, budget, false) : ''
    const body = [facts, query, table].filter(Boolean).join('\n\n')
    return [heading, chart, detailsBlock('Query, condition and measurements', body)].filter(Boolean).join('\n\n')
  }
  const parts = [heading, facts, query]
  if (budget.includeSeries) {
    const rendered = renderSeries(series, budget)
    if (rendered) parts.push(rendered)
  }
  return parts.join('\n\n')
}

/**
 * The minTraffic gate: the query as sent, its floor, how many ticks had enough traffic, and (budget
 * permitting) the totals per tick. Below the floor every check's measurement of that tick is no-data,
 * which is why a quiet canary reads inconclusive rather than passed.
 */
export function renderTrafficGate(traffic: NonNullable<AnalysisResult['traffic']>, budget: Budget): string {
  const { measurements, min } = traffic
  const count = (phase: Measurement['phase']): number => measurements.filter((m) => m.phase === phase).length
  const open = count('successful')
  const below = count('no-data')
  const errors = count('error')
  const parts = ['#### 🚦 Traffic gate (minTraffic)']
  const tally = measurements.length
    ? `Traffic was at or above the floor at ${open} of ${measurements.length} ticks` +
      [below ? `; below it or without data at ${below}` : '', errors ? `; the traffic query failed at ${errors}` : '']
        .filter(Boolean)
        .join('') +
      '.'
    : 'No tick was measured.'
  const lines = [
    `**Floor:** traffic ≥ ${escapeMarkdownText(formatNumber(min))} (summed over series)`,
    `**Gate:** ${escapeMarkdownText(tally)}`
  ]
  if (below || errors)
    lines.push(
      '_At a tick below the floor every check counts as no data (its onNoData decides); at a traffic query error, as a query error._'
    )
  parts.push(lines.join('<br>\n'))
  parts.push(
    `Traffic query as sent:\n\n${fence(truncate(traffic.query, Math.max(budget.maxCellChars, 2000)), 'promql')}`
  )
  if (budget.includeSeries) {
    const series = renderSeries(
      {
        title: 'traffic (minTraffic gate)',
        measurements,
        thresholds: [{ label: 'minTraffic', value: min }],
        valueHeader: 'Traffic'
      },
      budget
    )
    if (series) parts.push(series)
  }
  return parts.join('\n\n')
}

/**
 * The analysis section. Its reasons are the headline's causes and the overview's rows, so they are
 * listed only when no metric was measured (the one place that says why).
 */
export function renderAnalysis(analysis: AnalysisResult, budget: Budget, view: AnalysisView = DEFAULT_VIEW): string {
  const parts = [`### 📈 Analysis: ${VERDICT_ICON[analysis.verdict]} ${analysis.verdict}`]
  if (!analysis.checks.length) {
    const { items, omitted } = selectItems(analysis.reasons, budget.maxReasons)
    if (items.length) {
      parts.push(items.map((r) => `- ${escapeMarkdownText(truncate(r, budget.maxReasonChars))}`).join('\n'))
    }
    if (omitted) parts.push(omittedNote(omitted, 'reasons'))
    // An analysis with checks that could not start (unknown version, no Prometheus) has no rows either.
    parts.push(
      analysis.verdict === 'passed'
        ? '_No metric checks were configured._'
        : '_No metric was measured: the analysis could not start, for the reason above._'
    )
    if (analysis.alerts) parts.push(renderAlertGate(analysis.alerts, budget))
    return parts.join('\n\n')
  }
  parts.push(renderOverview(analysis, budget, view))
  if (analysis.traffic) parts.push(renderTrafficGate(analysis.traffic, budget))
  if (analysis.alerts) parts.push(renderAlertGate(analysis.alerts, budget))
  const metrics = selectItems(analysis.checks, budget.maxTableRows, (c) => c.status !== 'passed' && !c.dryRun)
  parts.push(...metrics.items.map((check) => renderMetric(check, budget, view)))
  if (metrics.omitted) parts.push(omittedNote(metrics.omitted, 'metric checks'))
  return parts.join('\n\n')
}
