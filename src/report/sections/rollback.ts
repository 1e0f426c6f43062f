/**
 * The rollback section of the job summary, right under the verdict: when a deploy was rolled back that
 * is the first thing an on-call engineer needs. Cause first: a headline per target (what was done and
 * how the restored version is), both verdicts, a compact table, the commands left to run, the notes,
 * then the exact change and the restored version's checks collapsed. It is part of the summary's core
 * (never dropped); the budget only shortens it. Every outside string is escaped here (escape.ts).
 */
import type { RunResult } from '../../model/result.js'
import type { RollbackReport, TargetRollbackReport } from '../../model/rollback.js'
import type { Budget } from '../budget.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText, fence, truncate } from '../escape.js'
import { VERDICT_ICON, targetLabel } from '../format.js'
import { detailsBlock, omittedNote, selectItems, table } from '../markdown.js'
import {
  STATE_HEADLINE,
  STATE_ICON,
  hasLanded,
  renumberedAs,
  restoredHealthText,
  revisionMoveText,
  worstRestoredVerdict
} from '../rollback-facts.js'
import { renderCheckTable } from './checks.js'

/** Characters of the change shown (pretty JSON); the JSON record keeps all of it. */
const MAX_CHANGE_CHARS = 4000
/** Change blocks and restored checklists shown at most (one per target). */
const MAX_TARGET_BLOCKS = 20

const HEADING = '### ↩️ Rollback'

/** Whether the summary has anything to say about a rollback. */
function worthShowing(result: RunResult, report: RollbackReport): boolean {
  return (
    report.targets.length > 0 || result.verdict !== 'passed' || result.command === 'rollback' || !!report.requestedBy
  )
}

const needsAttention = (t: TargetRollbackReport): boolean => t.state !== 'rolled-back'

/** `deployment/api in production`: the namespace matters to whoever runs the next command. */
function label(t: TargetRollbackReport): string {
  return `${codeSpan(targetLabel(t.ref))} in ${codeSpan(t.ref.namespace)}`
}

/** `from revision 2 to revision 1 (now revision 4)`. */
function move(t: TargetRollbackReport): string {
  const now = renumberedAs(t)
  return escapeMarkdownText(`${revisionMoveText(t)}${now ? ` (now revision ${now})` : ''}`)
}

function runHint(t: TargetRollbackReport, budget: Budget): string {
  const first = t.manual[0]
  return first ? ` — run: ${codeSpan(truncate(first, budget.maxReasonChars))}` : ''
}

/** The one line that says what happened to a target, cause first. */
export function rollbackHeadline(t: TargetRollbackReport, budget: Budget): string {
  const head = `**${STATE_HEADLINE[t.state]}**`
  const summary = escapeMarkdownText(truncate(t.summary, budget.maxReasonChars))
  switch (t.state) {
    case 'rolled-back':
      return `${head} ${label(t)} ${move(t)} — restored version healthy ${STATE_ICON[t.state]}`
    case 'rolled-back-unhealthy':
      return `${head}: ${label(t)} was set back ${move(t)}, but the restored version ${escapeMarkdownText(restoredHealthText(t))} ${STATE_ICON[t.state]}${runHint(t, budget)}`
    case 'dry-run': {
      const what = t.change?.kind === 'command' ? 'command' : 'patch'
      return `${head}: would roll back ${label(t)} ${move(t)} (${what} below); nothing was changed`
    }
    case 'rolled-back-unverified':
    case 'failed':
    case 'unknown':
      return `${head}: ${summary} ${STATE_ICON[t.state]}${runHint(t, budget)}`
    case 'refused':
    case 'not-started':
      return `${head}: ${summary}`
  }
}

/** `**Deploy:** ❌ failed · **Restored version:** ✅ passed`. */
function verdictsLine(result: RunResult, report: RollbackReport): string {
  const parts: string[] = []
  // A manual rollback judged no deploy: only the restored version has a verdict.
  if (result.command !== 'rollback') parts.push(`**Deploy:** ${VERDICT_ICON[result.verdict]} ${result.verdict}`)
  const restored = worstRestoredVerdict(result)
  if (restored !== undefined) {
    const unverified = report.targets.some((t) => hasLanded(t) && t.restoredVerdict === undefined)
    parts.push(`**Restored version:** ${VERDICT_ICON[restored]} ${restored}${unverified ? ' (not verified)' : ''}`)
  } else {
    const dry = report.targets.some((t) => t.state === 'dry-run')
    parts.push(`**Restored version:** — (${dry ? 'dry run: nothing was changed' : 'not rolled back'})`)
  }
  return parts.join(' · ')
}

function restoredCell(t: TargetRollbackReport): string {
  if (!hasLanded(t)) return '—'
  const verdict = t.restoredVerdict
  return verdict ? `${VERDICT_ICON[verdict]} ${verdict}` : '⚠️ not verified'
}

/** `2 → 1 (now 3)`; a target never undone shows where it stayed. */
function revisionCell(t: TargetRollbackReport): string {
  if (t.toRevision === undefined) return t.fromRevision === undefined ? '—' : `stays at ${t.fromRevision}`
  const now = renumberedAs(t)
  return `${t.fromRevision ?? '?'} → ${t.toRevision}${now ? ` (now ${now})` : ''}`
}

function targetTable(targets: TargetRollbackReport[], budget: Budget): string {
  const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
  const { items, omitted } = selectItems(targets, budget.maxTableRows, needsAttention)
  const rows = items.map((t) => [
    `${codeSpan(truncate(targetLabel(t.ref), budget.maxCellChars))} in ${codeSpan(truncate(t.ref.namespace, budget.maxCellChars))}`,
    codeSpan(t.method),
    cell(revisionCell(t)),
    `${STATE_ICON[t.state]} ${codeSpan(t.state)}`,
    restoredCell(t),
    t.message ? cell(`${t.message}${t.dryRun ? ' (dry run)' : ''}`) : '—'
  ])
  const rendered = table(['Target', 'Method', 'Revision', 'State', 'Restored version', 'Result'], rows)
  return omitted ? `${rendered}\n\n${omittedNote(omitted, 'targets')}` : rendered
}

function manualBlock(targets: TargetRollbackReport[], budget: Budget): string {
  const several = targets.length > 1
  const lines: string[] = []
  let count = 0
  let omitted = 0
  for (const t of targets) {
    if (!t.manual.length) continue
    if (several) lines.push(`# ${targetLabel(t.ref)} in ${t.ref.namespace}`.replace(/\n/g, ' '))
    for (const command of t.manual) {
      if (count >= budget.maxReasons) omitted++
      else lines.push(truncate(command, budget.maxReasonChars))
      count++
    }
  }
  if (!count) return ''
  const note = omitted ? `\n\n${omittedNote(omitted, 'commands')}` : ''
  const intro = targets.every((t) => t.state === 'dry-run')
    ? 'To do this rollback by hand:'
    : 'To finish or check it by hand:'
  return `${intro}\n\n${fence(lines.join('\n'), 'bash')}${note}`
}

function notesBlock(targets: TargetRollbackReport[], budget: Budget): string {
  const several = targets.length > 1
  const all = targets.flatMap((t) => t.notes.map((note) => (several ? `${targetLabel(t.ref)}: ${note}` : note)))
  if (!all.length) return ''
  const { items, omitted } = selectItems(all, budget.maxReasons)
  const list = items.map((note) => `- ${escapeMarkdownText(truncate(note, budget.maxReasonChars))}`).join('\n')
  return `**Notes**\n\n${list}${omitted ? `\n\n${omittedNote(omitted, 'notes')}` : ''}`
}

function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}

function changeBlock(t: TargetRollbackReport, budget: Budget): string {
  const change = t.change
  if (!change) return ''
  const max = Math.min(MAX_CHANGE_CHARS, budget.maxReasonChars * 2)
  const verb = t.dryRun ? 'that would be' : ''
  const what =
    change.kind === 'patch'
      ? `Patch ${verb ? `${verb} sent` : 'sent'} to ${targetLabel(t.ref)} (${change.patchType})`
      : `Command ${verb ? `${verb} run` : 'run'} for ${targetLabel(t.ref)}`
  const body = change.kind === 'patch' ? prettyJson(change.body) : change.command
  const shown = truncate(body, max)
  const note =
    shown.length < body.length ? '\n\n_Cut to stay short; the JSON record (output `report`) has it whole._' : ''
  const block = `${fence(shown, change.kind === 'patch' ? 'json' : 'bash')}${note}`
  // A dry run exists to show this change: it is open.
  return detailsBlock(escapeMarkdownText(truncate(what, budget.maxCellChars)), block, t.dryRun)
}

function restoredBlock(t: TargetRollbackReport, budget: Budget): string {
  const restored = t.restored
  if (!restored?.checks.length) return ''
  const verdict = t.restoredVerdict
  const icon = verdict ? VERDICT_ICON[verdict] : '⚠️'
  const failing = restored.checks.filter((c) => c.status === 'failed' || c.status === 'inconclusive').length
  const tally = failing
    ? `${failing} of ${restored.checks.length} need attention`
    : `${restored.checks.length} checks, none failed`
  const at = restored.revision ? ` (revision ${restored.revision})` : ''
  const title = `${icon} Restored version of ${targetLabel(t.ref)}${at}: ${tally}`
  // When the restored version is not healthy its checks are the cause of the half-done rollback: open.
  return detailsBlock(
    escapeMarkdownText(truncate(title, budget.maxCellChars)),
    renderCheckTable(restored.checks, budget),
    verdict !== undefined && verdict !== 'passed'
  )
}

/** The rollback section, or '' when the run has nothing to say about one. */
export function renderRollback(result: RunResult, budget: Budget): string {
  const report = result.rollback
  if (!report || !worthShowing(result, report)) return ''
  const parts = [HEADING]
  if (report.requestedBy) {
    const why = report.reason ? ` — why: ${escapeMarkdownText(truncate(report.reason, budget.maxReasonChars))}` : ''
    parts.push(`**Manual rollback** requested by ${codeSpan(truncate(report.requestedBy, budget.maxCellChars))}${why}`)
  }
  const { targets } = report
  if (!targets.length) {
    parts.push(
      `**Not rolled back**: ${escapeMarkdownText(truncate(report.reason || 'no target to roll back', budget.maxReasonChars))}`
    )
    return parts.join('\n\n')
  }
  const shown = selectItems(targets, budget.maxTableRows, needsAttention)
  const headlines = shown.items.map((t) => rollbackHeadline(t, budget))
  parts.push(targets.length === 1 ? (headlines[0] ?? '') : headlines.map((h) => `- ${h}`).join('\n'))
  if (shown.omitted) parts.push(omittedNote(shown.omitted, 'targets'))
  parts.push(verdictsLine(result, report))
  parts.push(targetTable(targets, budget))
  const manual = manualBlock(shown.items, budget)
  if (manual) parts.push(manual)
  const notes = notesBlock(shown.items, budget)
  if (notes) parts.push(notes)
  const blocks = selectItems(shown.items, MAX_TARGET_BLOCKS, needsAttention)
  for (const t of blocks.items) {
    const change = changeBlock(t, budget)
    if (change) parts.push(change)
    const restored = restoredBlock(t, budget)
    if (restored) parts.push(restored)
  }
  if (blocks.omitted) parts.push(omittedNote(blocks.omitted, 'targets’ changes and checks'))
  return parts.join('\n\n')
}
