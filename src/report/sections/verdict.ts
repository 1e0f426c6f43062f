/** The top of every summary: verdict line, reasons, action taken, dry-run banner. */
import type { RunResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { escapeMarkdownText, truncate } from '../escape.js'
import { VERDICT_ICON, actionText, formatDuration, wouldHave } from '../format.js'
import { omittedNote, selectItems } from '../markdown.js'
import { actionForText } from '../rollback-facts.js'

export function renderVerdict(result: RunResult, title: string, budget: Budget): string {
  const lines = [`## ${VERDICT_ICON[result.verdict]} ${escapeMarkdownText(title)}: ${result.verdict}`, '']
  if (result.dryRun) {
    lines.push(
      `> 🧪 **Dry run** — would have ${escapeMarkdownText(wouldHave(result.verdict, actionForText(result).action))}. Nothing was changed.`,
      ''
    )
  }
  const { items, omitted } = selectItems(result.reasons, budget.maxReasons)
  for (const reason of items) lines.push(`- ${escapeMarkdownText(truncate(reason, budget.maxReasonChars))}`)
  if (omitted) lines.push('', omittedNote(omitted, 'reasons'))
  if (items.length) lines.push('')
  const duration = formatDuration(result.startedAt, result.finishedAt)
  const shown = actionForText(result)
  const action = actionText(shown.dryRun, shown.action)
  lines.push(
    `**Action taken:** ${escapeMarkdownText(action)}${duration ? ` · **Duration:** ${escapeMarkdownText(duration)}` : ''}`
  )
  return lines.join('\n')
}
