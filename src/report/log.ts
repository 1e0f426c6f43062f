/** The compact lines printed to the job log at the end of a run. */
import type { CheckStatus, RunResult } from '../model/result.js'
import { escapeLogLine } from './escape.js'
import { STATUS_ICON, actionText, targetLabel } from './format.js'

const attention = (status: CheckStatus): boolean => status === 'failed' || status === 'inconclusive'

/**
 * Verdict line, then one line per failed check, then one per inconclusive check, with its reason
 * (the order of the summary's reasons; dry-run metric checks last). Each line is single-line
 * (escapeLogLine), so no value can start a `::workflow-command::` line of its own.
 */
export function renderLogSummary(result: RunResult): string[] {
  const dry = result.dryRun ? ' [dry run]' : ''
  const lines = [
    `deploy-guard ${result.command}: ${result.verdict.toUpperCase()}${dry} (action: ${actionText(result.dryRun, result.action)})`
  ]
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
  if (lines.length === 1 && result.verdict !== 'passed') {
    for (const reason of result.reasons) lines.push(`  - ${reason}`)
  }
  return lines.map(escapeLogLine)
}
