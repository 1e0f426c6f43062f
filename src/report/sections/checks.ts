/** Checklist tables: one per target, then the run-level checks (smoke, GitOps, Helm). */
import type { CheckResult, RunResult, TargetResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText, truncate } from '../escape.js'
import { STATUS_ICON, targetLabel } from '../format.js'
import { omittedNote, selectItems, table } from '../markdown.js'

const needsAttention = (check: CheckResult): boolean => check.status === 'failed' || check.status === 'inconclusive'

export function renderCheckTable(checks: CheckResult[], budget: Budget): string {
  const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
  const { items, omitted } = selectItems(checks, budget.maxTableRows, needsAttention)
  const rows = items.map((check) => {
    const reason = check.reason && check.status !== 'passed' ? `<br>${cell(check.reason)}` : ''
    return [
      cell(check.title),
      cell(check.expected),
      cell(check.actual),
      `${STATUS_ICON[check.status]} ${check.status}${reason}`
    ]
  })
  const rendered = table(['Check', 'Expected', 'Actual', 'Status'], rows)
  return omitted ? `${rendered}\n\n${omittedNote(omitted)}` : rendered
}

function renderTarget(target: TargetResult, budget: Budget): string {
  const { ref } = target
  const lines = [`### ${codeSpan(targetLabel(ref))} in ${codeSpan(ref.namespace)}`, '']
  const facts: string[] = []
  const previous = target.previous
  if (target.revision)
    facts.push(
      previous
        ? `revision ${codeSpan(previous.revision)} → ${codeSpan(target.revision)}`
        : `revision ${codeSpan(target.revision)}`
    )
  const images = Object.entries(target.images ?? {})
  const shown = selectItems(images, budget.maxTableRows)
  for (const [container, image] of shown.items) {
    const before = previous?.images[container]
    const change =
      before !== undefined && before !== image ? `${codeSpan(truncate(before, budget.maxCellChars))} → ` : ''
    facts.push(`${escapeMarkdownText(container)}: ${change}${codeSpan(truncate(image, budget.maxCellChars))}`)
  }
  if (shown.omitted) facts.push(`${shown.omitted} more images`)
  if (facts.length) lines.push(facts.join(' · '), '')
  lines.push(target.checks.length ? renderCheckTable(target.checks, budget) : '_No checks were run for this target._')
  return lines.join('\n')
}

export function renderChecks(result: RunResult, budget: Budget): string {
  const sections = result.targets.map((target) => renderTarget(target, budget))
  if (result.checks.length) sections.push(`### Run-level checks\n\n${renderCheckTable(result.checks, budget)}`)
  return sections.join('\n\n')
}
