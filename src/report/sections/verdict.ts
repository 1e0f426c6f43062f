/**
 * The top of every summary: the headline (verdict, cause, next step, blast radius; see headline.ts),
 * the causes one line each with the rows they explain, the dry-run banner and the action taken.
 */
import type { Cause } from '../../evaluate/cause.js'
import type { RunResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { codeSpan, escapeMarkdownText, truncate } from '../escape.js'
import { STATUS_ICON, actionText, formatDuration, wouldHave } from '../format.js'
import { causeLine, headline } from '../headline.js'
import { detailsBlock, omittedNote, selectItems } from '../markdown.js'
import { actionForText } from '../rollback-facts.js'

/** Rows named after a cause before "and N more". */
const MAX_SYMPTOMS_NAMED = 8

/** `Rollout complete · Pod count · … (deployment/api)`: the rows a cause explains. */
function symptomsText(cause: Cause, budget: Budget): string {
  const { items, omitted } = selectItems(cause.symptoms, MAX_SYMPTOMS_NAMED)
  const names = items.map((s) => s.title).join(' · ')
  return truncate(`${names}${omitted ? ` and ${omitted} more` : ''}`, budget.maxReasonChars)
}

/**
 * One line per cause. A single cause is already the headline: only the rows it explains are listed
 * (so six red rows read as one problem); several causes are a list, failed first.
 */
function causeLines(causes: Cause[], budget: Budget): string[] {
  if (!causes.length) return []
  if (causes.length === 1) {
    const only = causes[0] as Cause
    if (only.symptoms.length < 2) return []
    return [`_One cause, ${only.symptoms.length} failing rows:_ ${escapeMarkdownText(symptomsText(only, budget))}`, '']
  }
  const { items, omitted } = selectItems(causes, budget.maxReasons)
  const lines = ['**Causes**', '']
  for (const cause of items) {
    const rows =
      cause.symptoms.length > 1
        ? ` — _${cause.symptoms.length} rows:_ ${escapeMarkdownText(symptomsText(cause, budget))}`
        : ''
    lines.push(
      `- ${STATUS_ICON[cause.status]} ${escapeMarkdownText(truncate(causeLine(cause), budget.maxReasonChars))}${rows}`
    )
  }
  if (omitted) lines.push('', omittedNote(omitted, 'causes'))
  lines.push('')
  return lines
}

/**
 * The verdict's reasons as decided (one per failing row), collapsed: the causes above say the same
 * grouped; the full sentences stay one click away for whoever searches the page for them.
 */
function reasonsBlock(result: RunResult, budget: Budget): string[] {
  if (result.verdict === 'passed' || !result.reasons.length) return []
  const { items, omitted } = selectItems(result.reasons, budget.maxReasons)
  const list = items.map((r) => `- ${escapeMarkdownText(truncate(r, budget.maxReasonChars))}`).join('\n')
  const body = omitted ? `${list}\n\n${omittedNote(omitted, 'reasons')}` : list
  const n = result.reasons.length
  return [detailsBlock(`The verdict’s ${n} reason${n === 1 ? '' : 's'}, row by row`, body), '']
}

/** `causes`: causesOf(result) when the caller has them already. */
export function renderVerdict(result: RunResult, title: string, budget: Budget, causes?: Cause[]): string {
  const head = headline(result, { title, maxPartChars: budget.maxReasonChars, ...(causes ? { causes } : {}) })
  const lines = [head.markdown, '']
  if (result.dryRun) {
    lines.push(
      `> 🧪 **Dry run** — would have ${escapeMarkdownText(wouldHave(result.verdict, actionForText(result).action))}. Nothing was changed.`,
      ''
    )
  }
  lines.push(...causeLines(head.causes, budget))
  lines.push(...reasonsBlock(result, budget))
  const duration = formatDuration(result.startedAt, result.finishedAt)
  const shown = actionForText(result)
  const action = actionText(shown.dryRun, shown.action)
  const cluster = result.cluster?.context ?? result.cluster?.server
  lines.push(
    `**Action taken:** ${escapeMarkdownText(action)}${duration ? ` · **Duration:** ${escapeMarkdownText(duration)}` : ''}` +
      (cluster ? ` · **Cluster:** ${codeSpan(cluster)}` : '')
  )
  return lines.join('\n')
}
