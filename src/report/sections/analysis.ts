/**
 * The PromQL analysis: an overview table, then per metric check the query as sent, the condition,
 * the outcome, a chart of the values against the thresholds and the same values as a plain table
 * (Mermaid in job summaries works but is undocumented, so the table is the dependable view).
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
import { omittedNote, selectItems, table } from '../markdown.js'

const numeric = (m: Measurement): boolean => typeof m.value === 'number' && Number.isFinite(m.value)

function lastValue(check: MetricCheckResult): string {
  const last = [...check.measurements].reverse().find(numeric)
  return last ? formatNumber(last.value) : '—'
}

function statusText(check: MetricCheckResult): string {
  return `${STATUS_ICON[check.status]} ${check.status}${check.dryRun ? ' (dry run)' : ''}`
}

/**
 * `3 of 5`, `1 of 5 (a pass needs 3)`, `2 of 2 due (10 planned)`: how many measurements were judged
 * (a pass or a failure), so a pass on one measurement out of five can never hide behind a green icon.
 */
export function judgedText(judged: NonNullable<MetricCheckResult['judged']>): string {
  const of = judged.due < judged.planned ? `${judged.due} due (${judged.planned} planned)` : String(judged.planned)
  const short = judged.judged < judged.required ? ` (a pass needs ${judged.required})` : ''
  return `${judged.judged} of ${of}${short}`
}

function renderOverview(analysis: AnalysisResult, budget: Budget): string {
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
    cell(formatCondition(check.condition)),
    cell(lastValue(check)),
    ...(withJudged ? [check.judged ? cell(judgedText(check.judged)) : '—'] : []),
    `${statusText(check)}<br>${cell(check.reason)}`
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
}

function renderSeries(series: Series, budget: Budget): string {
  const parts: string[] = []
  const measurements = series.measurements
  const chart = renderXyChart({
    title: series.title,
    xLabels: measurements.map((m) => formatClock(m.time)),
    values: measurements.map((m) => m.value),
    thresholds: series.thresholds
  })
  const missing = measurements.filter((m) => !numeric(m)).length
  if (chart) {
    parts.push(chart)
    if (missing)
      parts.push(
        `_${missing} of ${measurements.length} measurements had no value (no data or error) and are not plotted; the table lists them._`
      )
  } else if (measurements.length) {
    parts.push('_No chart: fewer than 2 measurements had a value._')
  }
  if (measurements.length) {
    const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
    // A capped series keeps its latest measurements: those decided the outcome.
    const shown = Math.min(measurements.length, budget.maxSeriesRows)
    const rows = measurements
      .slice(measurements.length - shown)
      .map((m) => [
        cell(formatClock(m.time)),
        cell(formatNumber(m.value)),
        `${PHASE_ICON[m.phase]} ${PHASE_LABEL[m.phase]}`,
        cell([m.message ?? '', ...(m.warnings ?? []).map((w) => `warning: ${w}`)].filter(Boolean).join('\n'))
      ])
    parts.push(table(['Time (UTC)', series.valueHeader ?? 'Value', 'Phase', 'Note'], rows))
    if (shown < measurements.length) parts.push(omittedNote(measurements.length - shown, 'earlier measurements'))
  }
  return parts.join('\n\n')
}

function renderMetric(check: MetricCheckResult, budget: Budget): string {
  const parts = [`#### ${STATUS_ICON[check.status]} ${escapeMarkdownText(truncate(check.name, budget.maxCellChars))}`]
  const outcome = `**Outcome:** ${statusText(check)} — ${escapeMarkdownText(truncate(check.reason, budget.maxReasonChars))}`
  const lines = [outcome, `**Condition:** ${escapeMarkdownText(formatCondition(check.condition))}`]
  if (check.judged) lines.push(`**Measurements judged:** ${escapeMarkdownText(judgedText(check.judged))}`)
  if (check.dryRun) lines.push('_Dry-run check: reported, never part of the verdict._')
  if (check.graphUrl) lines.push(link(check.graphUrl, 'Open the query in Prometheus'))
  parts.push(lines.join('<br>\n'))
  parts.push(`Query as sent:\n\n${fence(truncate(check.query, Math.max(budget.maxCellChars, 2000)), 'promql')}`)
  if (budget.includeSeries) {
    const series = renderSeries(
      { title: check.name, measurements: check.measurements, thresholds: conditionThresholds(check.condition) },
      budget
    )
    if (series) parts.push(series)
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

export function renderAnalysis(analysis: AnalysisResult, budget: Budget): string {
  const parts = [`### 📈 Analysis: ${VERDICT_ICON[analysis.verdict]} ${analysis.verdict}`]
  const { items, omitted } = selectItems(analysis.reasons, budget.maxReasons)
  if (items.length) {
    parts.push(items.map((r) => `- ${escapeMarkdownText(truncate(r, budget.maxReasonChars))}`).join('\n'))
  }
  if (omitted) parts.push(omittedNote(omitted, 'reasons'))
  if (!analysis.checks.length) {
    // An analysis with checks that could not start (unknown version, no Prometheus) has no rows either.
    parts.push(
      analysis.verdict === 'passed'
        ? '_No metric checks were configured._'
        : '_No metric was measured: the analysis could not start, for the reason above._'
    )
    return parts.join('\n\n')
  }
  parts.push(renderOverview(analysis, budget))
  if (analysis.traffic) parts.push(renderTrafficGate(analysis.traffic, budget))
  const metrics = selectItems(analysis.checks, budget.maxTableRows, (c) => c.status !== 'passed' && !c.dryRun)
  parts.push(...metrics.items.map((check) => renderMetric(check, budget)))
  if (metrics.omitted) parts.push(omittedNote(metrics.omitted, 'metric checks'))
  return parts.join('\n\n')
}
