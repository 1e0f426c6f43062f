/**
 * Step outputs: plain strings for `${{ steps.x.outputs.* }}`; lists are JSON for `fromJSON()`.
 * Values are data, not Markdown, so they are not escaped; only `summary` is kept to one line.
 */
import type { CheckResult, CheckStatus, MetricCheckResult, MetricCondition, RunResult } from '../model/result.js'
import { escapeLogLine } from './escape.js'
import { actionText, formatCondition, formatNumber, targetLabel } from './format.js'

/** One row of the `failed-checks` output. */
export interface FailedCheckOutput {
  /** `deployment/api`; absent for run-level and metric checks. */
  target?: string
  namespace?: string
  /** Check id; metric checks are `metric:<name>`. */
  id: string
  title: string
  expected: string
  actual: string
  status: Exclude<CheckStatus, 'passed' | 'skipped'>
  reason: string
}

/** One entry of the `analysis` output. */
export interface AnalysisCheckOutput {
  name: string
  status: MetricCheckResult['status']
  reason: string
  dryRun: boolean
  condition: MetricCondition
  /** Measurement values in order; null where there was no usable value. */
  values: Array<number | null>
}

export type OutputName = 'verdict' | 'action' | 'failed-checks' | 'analysis' | 'report' | 'summary'

const attention = (status: CheckStatus): status is 'failed' | 'inconclusive' =>
  status === 'failed' || status === 'inconclusive'

function metricActual(check: MetricCheckResult): string {
  const values = check.measurements.map((m) => m.value).filter((v): v is number => typeof v === 'number')
  const last = values[values.length - 1]
  return last === undefined
    ? 'no value'
    : `last ${formatNumber(last)} (${values.length} of ${check.measurements.length} measurements with a value)`
}

const checkRow = (c: CheckResult, status: FailedCheckOutput['status']): FailedCheckOutput => ({
  id: c.id,
  title: c.title,
  expected: c.expected,
  actual: c.actual,
  status,
  reason: c.reason ?? ''
})

export function failedChecks(result: RunResult): FailedCheckOutput[] {
  const rows: FailedCheckOutput[] = []
  for (const target of result.targets) {
    for (const c of target.checks) {
      if (attention(c.status))
        rows.push({ target: targetLabel(target.ref), namespace: target.ref.namespace, ...checkRow(c, c.status) })
    }
  }
  for (const c of result.checks) if (attention(c.status)) rows.push(checkRow(c, c.status))
  // Dry-run metric checks never affect the verdict, so they are not listed as its causes.
  for (const m of result.analysis?.checks ?? []) {
    if (m.dryRun || !attention(m.status)) continue
    rows.push({
      id: `metric:${m.name}`,
      title: m.name,
      expected: formatCondition(m.condition),
      actual: metricActual(m),
      status: m.status,
      reason: m.reason
    })
  }
  // Failed rows first, like the summary and the log (a stable sort keeps each group's order).
  return rows.sort((a, b) => Number(a.status !== 'failed') - Number(b.status !== 'failed'))
}

export function analysisOutput(result: RunResult): AnalysisCheckOutput[] {
  return (result.analysis?.checks ?? []).map((m) => ({
    name: m.name,
    status: m.status,
    reason: m.reason,
    dryRun: m.dryRun,
    condition: m.condition,
    values: m.measurements.map((x) => (typeof x.value === 'number' && Number.isFinite(x.value) ? x.value : null))
  }))
}

/** `deploy-guard verify failed: <first reason> (+2 more); action: rolled back`. */
export function summaryLine(result: RunResult): string {
  const [first, ...rest] = result.reasons
  const why = first ? `: ${first}${rest.length ? ` (+${rest.length} more)` : ''}` : ''
  const prefix = result.dryRun ? '[dry run] ' : ''
  return escapeLogLine(
    `${prefix}deploy-guard ${result.command} ${result.verdict}${why}; action: ${actionText(result.dryRun, result.action)}`
  )
}

export function buildOutputs(result: RunResult, reportPath: string): Record<OutputName, string> {
  return {
    verdict: result.verdict,
    action: result.action,
    'failed-checks': JSON.stringify(failedChecks(result)),
    analysis: JSON.stringify(analysisOutput(result)),
    report: reportPath,
    summary: summaryLine(result)
  }
}
