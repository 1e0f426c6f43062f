/**
 * Checklist tables: one per target, then the run-level checks (smoke, GitOps, Helm). A row that is one
 * of several symptoms of a cause names the cause instead of repeating its sentence; a passed row with
 * a caveat (a smoke check against the old pods) is not shown green. A table whose rows all passed is
 * collapsed: the headline already says so.
 */
import type { Cause } from '../../evaluate/cause.js'
import type { CheckResult, RunResult, TargetResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText, truncate } from '../escape.js'
import { STATUS_ICON, targetLabel } from '../format.js'
import { causesOf } from '../headline.js'
import { detailsBlock, omittedNote, selectItems, table } from '../markdown.js'

const needsAttention = (check: CheckResult): boolean =>
  check.status === 'failed' || check.status === 'inconclusive' || check.caveat !== undefined

/** For a row explained by a multi-row cause: a short name of that cause (`CrashLoopBackOff (container api)`). */
export type CauseOfRow = (where: string, check: CheckResult) => string | undefined

/** Short names of causes, for table cells. */
export function causeShortName(cause: Cause): string {
  if (cause.pod) return `${cause.pod.reason}${cause.pod.container ? ` (container ${cause.pod.container})` : ''}`
  switch (cause.kind) {
    case 'prometheus-unreachable':
      return 'Prometheus unreachable'
    case 'api-unreachable':
      return 'Kubernetes API unreachable'
    case 'api-forbidden':
      return 'permission missing'
    case 'rollout-timeout':
      return 'rollout timed out'
    default:
      return 'the failed rollout'
  }
}

/**
 * Which rows a cause with several symptoms explains, other than its first (that row keeps its own
 * words, which are the cause's evidence).
 */
export function causeOfRow(causes: Cause[]): CauseOfRow {
  const names = new Map<string, string>()
  for (const cause of causes) {
    if (cause.symptoms.length < 2) continue
    for (const s of cause.symptoms.slice(1)) names.set(`${s.where}\u0000${s.id}`, causeShortName(cause))
  }
  return (where, check) => names.get(`${where}\u0000${check.id}`)
}

function statusCell(check: CheckResult, cell: (text: string) => string, causeName: string | undefined): string {
  if (check.caveat && check.status === 'passed') return `⚠️ passed — ${cell(check.caveat)}`
  const head = `${STATUS_ICON[check.status]} ${check.status}`
  if (check.status === 'passed' || check.status === 'skipped' || !check.reason) {
    return check.status === 'skipped' && check.reason ? `${head}<br>${cell(check.reason)}` : head
  }
  if (causeName) return `${head}<br>_same cause: ${cell(causeName)}_`
  return `${head}<br>${cell(check.reason)}`
}

export function renderCheckTable(
  checks: CheckResult[],
  budget: Budget,
  where = '',
  causeOf: CauseOfRow = () => undefined
): string {
  const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
  const { items, omitted } = selectItems(checks, budget.maxTableRows, needsAttention)
  const rows = items.map((check) => [
    cell(check.title),
    cell(check.expected),
    cell(check.actual),
    statusCell(check, cell, causeOf(where, check))
  ])
  const rendered = table(['Check', 'Expected', 'Actual', 'Status'], rows)
  return omitted ? `${rendered}\n\n${omittedNote(omitted)}` : rendered
}

function targetFacts(target: TargetResult, budget: Budget): string[] {
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
  if (target.managedBy) facts.push(`deployed by ${escapeMarkdownText(target.managedBy.detail)}`)
  return facts
}

/** `7 checks passed` / `2 of 7 checks need attention`, for a collapsed table's summary line. */
function tally(checks: CheckResult[]): string {
  const counted = checks.filter((c) => c.status !== 'skipped')
  if (counted.length === 0) return `${checks.length} skipped`
  const attention = checks.filter(needsAttention).length
  const noun = `${counted.length} check${counted.length === 1 ? '' : 's'}`
  return attention ? `${attention} of ${noun} need attention` : `${noun} passed`
}

function renderTarget(target: TargetResult, budget: Budget, collapse: boolean, causeOf: CauseOfRow): string {
  const { ref } = target
  const facts = targetFacts(target, budget)
  const body = target.checks.length
    ? renderCheckTable(target.checks, budget, targetLabel(ref), causeOf)
    : '_No checks were run for this target._'
  if (collapse) {
    const summary = escapeMarkdownText(
      truncate(
        `${STATUS_ICON.passed} ${targetLabel(ref)} in ${ref.namespace}: ${tally(target.checks)}`,
        budget.maxCellChars
      )
    )
    return detailsBlock(summary, [facts.join(' · '), body].filter(Boolean).join('\n\n'))
  }
  const lines = [`### ${codeSpan(targetLabel(ref))} in ${codeSpan(ref.namespace)}`, '']
  if (facts.length) lines.push(facts.join(' · '), '')
  lines.push(body)
  return lines.join('\n')
}

export function renderChecks(result: RunResult, budget: Budget, causes: Cause[] = causesOf(result)): string {
  // A table with nothing to look at (every row passed, no caveat) is collapsed, whatever the verdict:
  // when only the metrics failed, seven green rows would push the cause's evidence down.
  const allGood = (checks: CheckResult[]): boolean => !checks.some(needsAttention)
  const causeOf = causeOfRow(causes)
  const sections = result.targets.map((target) =>
    renderTarget(target, budget, target.checks.length > 0 && allGood(target.checks), causeOf)
  )
  if (result.checks.length) {
    const table = renderCheckTable(result.checks, budget, 'run', causeOf)
    sections.push(
      allGood(result.checks)
        ? detailsBlock(escapeMarkdownText(`${STATUS_ICON.passed} Run-level checks: ${tally(result.checks)}`), table)
        : `### Run-level checks\n\n${table}`
    )
  }
  return sections.join('\n\n')
}
