/**
 * Step outputs: plain strings for `${{ steps.x.outputs.* }}`; lists are JSON for `fromJSON()`.
 * Values are data, not Markdown, so they are not escaped; only `summary` is kept to one line.
 */
import type { CheckResult, CheckStatus, MetricCheckResult, MetricCondition, RunResult } from '../model/result.js'
import { escapeLogLine } from './escape.js'
import { actionText, formatCondition, targetLabel } from './format.js'
import { KIB, capJsonRows, capText } from './output-limits.js'
import { withCaveats } from './caveats.js'
import { valueFormatter } from '../util/units.js'
import { headline } from './headline.js'
import { actionForText, effectiveAction } from './rollback-facts.js'
import { restoredVerdictOutput, revisionOutput, rollbackOutput } from './rollback-outputs.js'

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

export type OutputName =
  | 'verdict'
  | 'action'
  | 'failed-checks'
  | 'analysis'
  | 'report'
  | 'summary'
  | 'rolled-back-from'
  | 'rolled-back-to'
  | 'restored-verdict'
  | 'rollback'
  | 'snapshot'
  | 'canary-step'
  | 'canary-state'

const attention = (status: CheckStatus): status is 'failed' | 'inconclusive' =>
  status === 'failed' || status === 'inconclusive'

function metricActual(check: MetricCheckResult): string {
  const values = check.measurements.map((m) => m.value).filter((v): v is number => typeof v === 'number')
  const last = values[values.length - 1]
  return last === undefined
    ? 'no value'
    : `last ${valueFormatter(check)(last)} (${values.length} of ${check.measurements.length} measurements with a value)`
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
      expected: formatCondition(m.condition, valueFormatter(m)),
      actual: metricActual(m),
      status: m.status,
      reason: m.reason
    })
  }
  // The alerts gate of analyze/canary is a check row of its own (verify's is in result.checks).
  const alerts = result.analysis?.alerts
  if (alerts && attention(alerts.status)) rows.push(checkRow(alerts, alerts.status))
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

/**
 * The headline in one line (headline.ts), then the action:
 * `deploy-guard verify failed — deployment/api: container api CrashLoopBackOff, exit code 1 — last log:
 * …; next: rolled back deployment/api to revision 2 (restored version healthy); blast radius: …; action: rolled back`.
 */
export function summaryLine(result: RunResult): string {
  const head = headline(withCaveats(result), { maxPartChars: OUTPUT_MAX_BYTES.summary / 4 })
  const shown = actionForText(result)
  return escapeLogLine(`${head.text}; action: ${actionText(shown.dryRun, shown.action)}`)
}

/**
 * Byte budget of each output (see output-limits.ts): 660 KiB in all, under GitHub's 1 MB per job.
 * `verdict`, `action` and `restored-verdict` are fixed words and never need one.
 */
export const OUTPUT_MAX_BYTES = {
  'failed-checks': 256 * KIB,
  analysis: 256 * KIB,
  report: 4 * KIB,
  summary: 4 * KIB,
  'rolled-back-from': 8 * KIB,
  'rolled-back-to': 8 * KIB,
  rollback: 128 * KIB,
  snapshot: 32 * KIB
} as const

const RECORD_HINT = 'the JSON record (output report) has all of them'

function omittedChecksRow(omitted: FailedCheckOutput[]): FailedCheckOutput {
  return {
    id: 'omitted',
    title: `${omitted.length} more checks omitted`,
    expected: '',
    actual: '',
    // A reader filtering on `failed` still learns that failed rows were cut.
    status: omitted.some((row) => row.status === 'failed') ? 'failed' : 'inconclusive',
    reason: `${omitted.length} more rows were cut to keep this output under ${OUTPUT_MAX_BYTES['failed-checks'] / KIB} KiB; ${RECORD_HINT}`
  }
}

function omittedAnalysisRow(omitted: AnalysisCheckOutput[]): AnalysisCheckOutput {
  return {
    name: 'omitted',
    status: omitted.some((row) => row.status === 'failed' && !row.dryRun) ? 'failed' : 'inconclusive',
    reason: `${omitted.length} more metric checks were cut to keep this output under ${OUTPUT_MAX_BYTES.analysis / KIB} KiB; ${RECORD_HINT}`,
    dryRun: false,
    condition: {},
    values: []
  }
}

/** Every output, each within its byte budget; a config error and a cancelled run write them all too. */
export function buildOutputs(result: RunResult, reportPath: string): Record<OutputName, string> {
  return {
    verdict: result.verdict,
    action: effectiveAction(result),
    'failed-checks': capJsonRows(failedChecks(result), OUTPUT_MAX_BYTES['failed-checks'], omittedChecksRow),
    analysis: capJsonRows(analysisOutput(result), OUTPUT_MAX_BYTES.analysis, omittedAnalysisRow),
    report: capText(reportPath, OUTPUT_MAX_BYTES.report),
    summary: capText(summaryLine(result), OUTPUT_MAX_BYTES.summary),
    'rolled-back-from': revisionOutput(result, 'fromRevision', OUTPUT_MAX_BYTES['rolled-back-from']),
    'rolled-back-to': revisionOutput(result, 'toRevision', OUTPUT_MAX_BYTES['rolled-back-to']),
    'restored-verdict': restoredVerdictOutput(result),
    rollback: rollbackOutput(result, OUTPUT_MAX_BYTES.rollback),
    snapshot: snapshotOutput(result, OUTPUT_MAX_BYTES.snapshot),
    // The reusable canary workflow's interface: where a paused canary resumes, and how the run left it.
    'canary-step': result.canary?.nextStep !== undefined ? String(result.canary.nextStep) : '',
    'canary-state': result.canary?.state ?? ''
  }
}

/**
 * `snapshot`: what `command: snapshot` recorded per target (revision, template hash, images, …), as
 * JSON for `fromJSON()`; `[]` for other commands. Restart counts go first when it would not fit.
 */
function snapshotOutput(result: RunResult, maxBytes: number): string {
  const snapshots = result.snapshots ?? []
  const full = JSON.stringify(snapshots)
  if (Buffer.byteLength(full) <= maxBytes) return full
  const lean: Array<Record<string, unknown>> = snapshots.map((s) => ({ ...s, restarts: [], restartsOmitted: true }))
  return capJsonRows(lean, maxBytes, (left) => ({
    omitted: left.length,
    note: `${left.length} more snapshot(s); ${RECORD_HINT}`
  }))
}
