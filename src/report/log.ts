/** The compact lines printed to the job log at the end of a run. */
import type { CheckStatus, RunResult } from '../model/result.js'
import { escapeLogLine, truncate } from './escape.js'
import { STATUS_ICON, actionText, targetLabel } from './format.js'
import { STATE_ICON, actionForText } from './rollback-facts.js'

const attention = (status: CheckStatus): boolean => status === 'failed' || status === 'inconclusive'

/** Commands printed per target: enough to finish a rollback by hand; the summary has them all. */
const MAX_MANUAL_LINES = 10
/** A rollback's summary, reason or command in the log is cut here; the record keeps it whole. */
const MAX_ROLLBACK_CHARS = 2000

/**
 * The rollback, right after the verdict: one line per target with its state and summary, then the
 * commands to run by hand; a decision not to roll back a failed run says why.
 */
function rollbackLines(result: RunResult): string[] {
  const report = result.rollback
  if (!report) return []
  const cut = (text: string): string => truncate(text, MAX_ROLLBACK_CHARS)
  const lines: string[] = []
  if (report.requestedBy)
    lines.push(`  ↩️ manual rollback requested by ${cut(report.requestedBy)}: ${cut(report.reason)}`)
  if (!report.targets.length) {
    if (report.decision !== 'none' || result.verdict !== 'passed')
      lines.push(`  ↩️ rollback: not rolled back — ${cut(report.reason)}`)
    return lines
  }
  for (const t of report.targets) {
    lines.push(`  ${STATE_ICON[t.state]} rollback ${targetLabel(t.ref)}: ${t.state} — ${cut(t.summary)}`)
    for (const command of t.manual.slice(0, MAX_MANUAL_LINES)) lines.push(`      run: ${cut(command)}`)
  }
  return lines
}

/**
 * Verdict line, then the rollback (see rollbackLines), then one line per failed check, then one per
 * inconclusive check, with its reason (the order of the summary's reasons; dry-run metric checks last). Each line is single-line
 * (escapeLogLine), so no value can start a `::workflow-command::` line of its own.
 */
export function renderLogSummary(result: RunResult): string[] {
  const dry = result.dryRun ? ' [dry run]' : ''
  const shown = actionForText(result)
  const lines = [
    `deploy-guard ${result.command}: ${result.verdict.toUpperCase()}${dry} (action: ${actionText(shown.dryRun, shown.action)})`,
    ...rollbackLines(result)
  ]
  const headerLines = lines.length
  const row = (status: CheckStatus, where: string, reason: string | undefined): string =>
    `  ${STATUS_ICON[status]} ${where}: ${status}${reason ? ` — ${reason}` : ''}`
  // Rank: enforced failed, enforced inconclusive, then dry-run metric checks (never part of the verdict).
  const rows: Array<{ rank: number; line: string }> = []
  const rank = (status: CheckStatus, dryRun = false): number => (dryRun ? 2 : status === 'failed' ? 0 : 1)
  for (const target of result.targets) {
    for (const c of target.checks) {
      if (attention(c.status))
        rows.push({ rank: rank(c.status), line: row(c.status, `${targetLabel(target.ref)} ${c.title}`, c.reason) })
    }
  }
  for (const c of result.checks) {
    if (attention(c.status)) rows.push({ rank: rank(c.status), line: row(c.status, c.title, c.reason) })
  }
  for (const m of result.analysis?.checks ?? []) {
    if (attention(m.status))
      rows.push({
        rank: rank(m.status, m.dryRun),
        line: row(m.status, `metric ${m.name}${m.dryRun ? ' (dry run)' : ''}`, m.reason)
      })
  }
  // Like the summary's reasons: failed rows first, then inconclusive, each group in report order
  // (Array.prototype.sort is stable).
  lines.push(...rows.sort((a, b) => a.rank - b.rank).map((r) => r.line))
  if (lines.length === headerLines && result.verdict !== 'passed') {
    for (const reason of result.reasons) lines.push(`  - ${reason}`)
  }
  return lines.map(escapeLogLine)
}
