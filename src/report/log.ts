/** The compact lines printed to the job log at the end of a run. */
import type { CheckStatus, RunResult } from '../model/result.js'
import { escapeLogLine } from './escape.js'
import { STATUS_ICON, actionText, targetLabel } from './format.js'

const attention = (status: CheckStatus): boolean => status === 'failed' || status === 'inconclusive'

/**
 * Verdict line, then one line per failed or inconclusive check with its reason. Each line is
 * single-line (escapeLogLine), so no value can start a `::workflow-command::` line of its own.
 */
export function renderLogSummary(result: RunResult): string[] {
  const dry = result.dryRun ? ' [dry run]' : ''
  const lines = [
    `deploy-guard ${result.command}: ${result.verdict.toUpperCase()}${dry} (action: ${actionText(result.dryRun, result.action)})`
  ]
  const row = (status: CheckStatus, where: string, reason: string | undefined): string =>
    `  ${STATUS_ICON[status]} ${where}: ${status}${reason ? ` — ${reason}` : ''}`
  for (const target of result.targets) {
    for (const c of target.checks) {
      if (attention(c.status)) lines.push(row(c.status, `${targetLabel(target.ref)} ${c.title}`, c.reason))
    }
  }
  for (const c of result.checks) {
    if (attention(c.status)) lines.push(row(c.status, c.title, c.reason))
  }
  for (const m of result.analysis?.checks ?? []) {
    if (attention(m.status)) lines.push(row(m.status, `metric ${m.name}${m.dryRun ? ' (dry run)' : ''}`, m.reason))
  }
  if (lines.length === 1 && result.verdict !== 'passed') {
    for (const reason of result.reasons) lines.push(`  - ${reason}`)
  }
  return lines.map(escapeLogLine)
}
