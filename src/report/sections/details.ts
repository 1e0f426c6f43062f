/**
 * "Why did this fail?": the evidence of each failed or inconclusive check (pod facts, events, log
 * tails) in collapsible blocks, so the summary stays readable and the evidence is one click away.
 * Rendering stops as soon as the byte allowance is used up, so its cost follows the output size,
 * not the input (5,000 pods of logs would otherwise be rendered in full only to be thrown away).
 */
import type { CheckDetail, CheckResult, RunResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { escapeMarkdownText, fence, stripControl, truncate, truncateLines } from '../escape.js'
import { STATUS_ICON, targetLabel } from '../format.js'
import { detailsBlock, omittedNote, selectItems } from '../markdown.js'

interface FailingCheck {
  /** `deployment/api` for target checks; absent for run-level checks. */
  target?: string
  check: CheckResult
}

export interface RenderedDetails {
  text: string
  /** False when items were left out because the allowance ran out (not because of the budget's caps). */
  complete: boolean
}

const HEADING = '### Details of failures'
const LEFT_OUT = `${HEADING}\n\n_Details were left out to stay under the size limit; the JSON record (output \`report\`) has them._`
// Room kept for the omission notes appended when the allowance runs out.
const NOTE_RESERVE = 300

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

function failingChecks(result: RunResult): FailingCheck[] {
  const failing = (check: CheckResult): boolean =>
    (check.status === 'failed' || check.status === 'inconclusive') && (check.details?.length ?? 0) > 0
  return [
    ...result.targets.flatMap((t) => t.checks.filter(failing).map((check) => ({ target: targetLabel(t.ref), check }))),
    ...result.checks.filter(failing).map((check) => ({ check }))
  ]
}

function renderDetail(detail: CheckDetail, budget: Budget): string {
  const parts = [`**${escapeMarkdownText(truncate(detail.title, budget.maxCellChars))}**`]
  const facts = selectItems(detail.facts ?? [], budget.maxFacts)
  if (facts.items.length) {
    parts.push(
      facts.items
        .map(
          (f) =>
            `- ${escapeMarkdownText(truncate(f.label, budget.maxCellChars))}: ${escapeMarkdownText(truncate(f.value, budget.maxCellChars))}`
        )
        .join('\n')
    )
  }
  if (facts.omitted) parts.push(omittedNote(facts.omitted, 'facts'))
  if (detail.text) {
    // Log tails: the last lines matter most, so a cut keeps the end.
    const text = truncate(
      truncateLines(stripControl(detail.text), budget.maxLogLines, { keep: 'end' }),
      budget.maxLogChars,
      { keep: 'end' }
    )
    parts.push(fence(text, 'text'))
  }
  return parts.join('\n\n')
}

function summaryOf({ target, check }: FailingCheck, budget: Budget): string {
  const label = `${STATUS_ICON[check.status]} ${target ? `${target} · ` : ''}${check.title} (${check.details?.length ?? 0})`
  // Escaped for Markdown too: entities are valid HTML, and newlines must not end the HTML block.
  return escapeMarkdownText(truncate(label, budget.maxCellChars))
}

/**
 * '' when nothing failed with details; a note when the budget leaves details out. Fills at most
 * `maxBytes`; `complete` is false when the allowance (not the budget's caps) left evidence out.
 */
export function renderDetails(result: RunResult, budget: Budget, maxBytes: number): RenderedDetails {
  const failing = failingChecks(result)
  if (!failing.length) return { text: '', complete: true }
  const leftOut = { text: bytes(LEFT_OUT) <= maxBytes ? LEFT_OUT : '', complete: !budget.includeDetails }
  if (!budget.includeDetails) return leftOut

  const blocks: string[] = []
  let used = bytes(HEADING) + NOTE_RESERVE
  let cut = false
  for (const failed of failing) {
    const { items, omitted } = selectItems(failed.check.details ?? [], budget.maxDetailItems)
    const summary = summaryOf(failed, budget)
    const open = failed.check.status === 'failed'
    // Frame of the block, its separator and room for its own omission note.
    let size = bytes(detailsBlock(summary, '', open)) + 2 + NOTE_RESERVE
    const body: string[] = []
    for (const item of items) {
      const left = maxBytes - used - size
      // Uncut log text bigger than what is left can never fit: skip the work of rendering it.
      const uncut =
        budget.maxLogLines === Number.MAX_SAFE_INTEGER ? Math.min(item.text?.length ?? 0, budget.maxLogChars) : 0
      if (uncut > left) break
      const rendered = renderDetail(item, budget)
      const cost = bytes(rendered) + 2
      if (cost > left) break
      body.push(rendered)
      size += cost
    }
    if (body.length < items.length) cut = true
    if (!body.length) break
    const lost = omitted + items.length - body.length
    if (lost) body.push(omittedNote(lost, 'details'))
    const block = detailsBlock(summary, body.join('\n\n'), open)
    blocks.push(block)
    used += bytes(block) + 2
    if (cut) break
  }
  if (!blocks.length) return { text: leftOut.text, complete: false }
  const hidden = failing.length - blocks.length
  const note = cut
    ? [
        `_Evidence cut to stay under the size limit${hidden ? ` (${hidden} more failing checks not shown)` : ''}; the JSON record (output \`report\`) has all of it._`
      ]
    : []
  return { text: [HEADING, ...blocks, ...note].join('\n\n'), complete: !cut }
}
