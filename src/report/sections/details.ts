/**
 * "Why did this fail?": the evidence of each failed or inconclusive check (pod facts, events, log
 * tails) in collapsible blocks, so the summary stays readable and the evidence is one click away.
 * Evidence several rows of one target share (the same pod under rollout, pods ready and restarts) is
 * shown once, under the first of them; a row with nothing new gets no block, a row with some new
 * evidence says where the rest is.
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
  /** Evidence is shared only within one scope (a target, or the run-level checks). */
  scope: string
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
// Items named in one "same evidence as above" line before it says "and N more".
const MAX_REFERENCED_NAMES = 20

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Failed rows first, then inconclusive (the order of the verdict's reasons), each in report order. */
function failingChecks(result: RunResult): FailingCheck[] {
  const failing = (check: CheckResult): boolean =>
    (check.status === 'failed' || check.status === 'inconclusive') && (check.details?.length ?? 0) > 0
  const all: FailingCheck[] = [
    ...result.targets.flatMap((t, i) =>
      t.checks.filter(failing).map((check) => ({ target: targetLabel(t.ref), scope: `target ${i}`, check }))
    ),
    ...result.checks.filter(failing).map((check) => ({ scope: 'run', check }))
  ]
  return [...all.filter((f) => f.check.status === 'failed'), ...all.filter((f) => f.check.status !== 'failed')]
}

/**
 * Identity of a piece of evidence within its scope. When a workload fails, several rows (rollout,
 * pods ready, restarts) carry the same pod facts and log tail; they are shown once, under the first
 * row, and the other rows refer to it. Title-only items ("and 3 more pods") are cheap and not shared.
 */
function evidenceKey(scope: string, detail: CheckDetail): string | undefined {
  if (!detail.facts?.length && !detail.text) return undefined
  return JSON.stringify([scope, detail.title, detail.facts ?? [], detail.text ?? ''])
}

/** `Same evidence as under ❌ Rollout complete above: pod a, pod b.` */
function referenceLine(origin: string, titles: string[], budget: Budget): string {
  const { items, omitted } = selectItems(titles, MAX_REFERENCED_NAMES)
  const names = items.map((t) => escapeMarkdownText(truncate(t, budget.maxCellChars))).join(', ')
  const more = omitted ? ` and ${omitted.toLocaleString('en-US')} more` : ''
  return `_Same evidence as under ${escapeMarkdownText(truncate(origin, budget.maxCellChars))} above:_ ${names}${more}.`
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
  // Evidence already shown, by key, with the row it is shown under.
  const shown = new Map<string, string>()
  let used = bytes(HEADING) + NOTE_RESERVE
  let cut = false
  let skipped = 0
  for (const failed of failing) {
    const { items, omitted } = selectItems(failed.check.details ?? [], budget.maxDetailItems)
    const summary = summaryOf(failed, budget)
    const open = failed.check.status === 'failed'
    // Frame of the block, its separator and room for its own omission note.
    let size = bytes(detailsBlock(summary, '', open)) + 2 + NOTE_RESERVE
    const body: string[] = []
    let covered = 0
    const references = new Map<string, string[]>()
    const fresh: Array<{ item: CheckDetail; key: string | undefined }> = []
    for (const item of items) {
      const key = evidenceKey(failed.scope, item)
      const origin = key === undefined ? undefined : shown.get(key)
      if (origin === undefined) fresh.push({ item, key })
      else references.set(origin, [...(references.get(origin) ?? []), item.title])
    }
    for (const [origin, titles] of references) {
      const line = referenceLine(origin, titles, budget)
      const cost = bytes(line) + 2
      if (cost > maxBytes - used - size) break
      body.push(line)
      size += cost
      covered += titles.length
    }
    const rendered: string[] = []
    if (covered === items.length - fresh.length) {
      for (const { item, key } of fresh) {
        const left = maxBytes - used - size
        // Uncut log text bigger than what is left can never fit: skip the work of rendering it.
        const uncut =
          budget.maxLogLines === Number.MAX_SAFE_INTEGER ? Math.min(item.text?.length ?? 0, budget.maxLogChars) : 0
        if (uncut > left) break
        const text = renderDetail(item, budget)
        const cost = bytes(text) + 2
        if (cost > left) break
        body.push(text)
        size += cost
        covered++
        if (key !== undefined) rendered.push(key)
      }
    }
    if (covered < items.length) cut = true
    if (!body.length) break
    // Nothing new: every item is evidence already shown above. The headline groups these rows
    // under one cause, so a block that only says "same evidence as above" is left out.
    if (!cut && !omitted && fresh.length === 0 && references.size > 0) {
      skipped++
      continue
    }
    const lost = omitted + items.length - covered
    if (lost) body.push(omittedNote(lost, 'details'))
    const block = detailsBlock(summary, body.join('\n\n'), open)
    blocks.push(block)
    used += bytes(block) + 2
    const origin = `${STATUS_ICON[failed.check.status]} ${failed.check.title}`
    for (const key of rendered) if (!shown.has(key)) shown.set(key, origin)
    if (cut) break
  }
  if (!blocks.length) return skipped && !cut ? { text: '', complete: true } : { text: leftOut.text, complete: false }
  const hidden = failing.length - blocks.length - skipped
  const note = cut
    ? [
        `_Evidence cut to stay under the size limit${hidden ? ` (${hidden} more failing checks not shown)` : ''}; the JSON record (output \`report\`) has all of it._`
      ]
    : []
  return { text: [HEADING, ...blocks, ...note].join('\n\n'), complete: !cut }
}
