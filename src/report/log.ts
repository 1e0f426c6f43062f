/** The compact lines printed to the job log at the end of a run. */
import type { Cause } from '../evaluate/cause.js'
import type { CheckStatus, RunResult } from '../model/result.js'
import { withCaveats } from './caveats.js'
import { escapeLogLine, truncate } from './escape.js'
import { STATUS_ICON, actionText, targetLabel } from './format.js'
import { causeLine, headline } from './headline.js'
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
 * The verdict line, then the headline's cause, next step and blast radius (headline.ts), then the
 * rollback (see rollbackLines), then — when there is more than one — one line per cause, failed
 * first, each naming the rows it explains; dry-run metric checks (never part of the verdict) last.
 * Each line is single-line (escapeLogLine), so no value can start a `::workflow-command::` line of
 * its own.
 */
export function renderLogSummary(full: RunResult): string[] {
  const result = withCaveats(full)
  const dry = result.dryRun ? ' [dry run]' : ''
  const shown = actionForText(result)
  const lines = [
    `deploy-guard ${result.command}: ${result.verdict.toUpperCase()}${dry} (action: ${actionText(shown.dryRun, shown.action)})`
  ]
  const head = headline(result, { maxPartChars: MAX_ROLLBACK_CHARS })
  if (result.verdict !== 'passed') {
    if (head.cause) lines.push(`  cause: ${head.cause}`)
    // A rollback report has lines of its own below; the next step then repeats nothing.
    if (head.next && !result.rollback?.targets.length) lines.push(`  next: ${head.next}`)
    if (head.blastRadius) lines.push(`  blast radius: ${head.blastRadius}`)
  } else if (head.cause.includes('stopped early') || head.cause.includes(';')) {
    lines.push(`  ${head.cause}`)
  }
  lines.push(...rollbackLines(result))
  const symptoms = (cause: Cause): string =>
    cause.symptoms.length > 1
      ? ` (${cause.symptoms.length} rows: ${cause.symptoms.map((s) => s.title).join(', ')})`
      : ''
  if (head.causes.length > 1) {
    for (const cause of head.causes)
      lines.push(`  ${STATUS_ICON[cause.status]} ${truncate(causeLine(cause), MAX_ROLLBACK_CHARS)}${symptoms(cause)}`)
  } else if (head.causes[0] && head.causes[0].symptoms.length > 1) {
    lines.push(`  rows with this cause: ${head.causes[0].symptoms.map((s) => s.title).join(', ')}`)
  }
  for (const m of result.analysis?.checks ?? []) {
    if (m.dryRun && attention(m.status))
      lines.push(`  ${STATUS_ICON[m.status]} metric ${m.name} (dry run): ${m.status} — ${m.reason}`)
  }
  return lines.map(escapeLogLine)
}
