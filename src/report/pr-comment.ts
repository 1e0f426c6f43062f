/**
 * The sticky PR comment: one comment per environment + target set, the newest run in full and earlier
 * runs collapsed under `<details>` (newest first, oldest dropped first), always ≤ 65,536 characters
 * (GitHub's limit for a comment body). Pure: result and facts in, Markdown out; src/github/ posts it.
 *
 * The body is built from blocks we can find again in the previous body:
 *   <!-- deploy-guard:record env=… targets=… -->          the sticky marker (first line, always)
 *   <!-- deploy-guard:run id=NONCE kind=current summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 *   <!-- deploy-guard:run id=NONCE kind=earlier summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 * A run block ends only at the end marker with its own random id: outside text inside a block (a log
 * line in a fenced block is literal) cannot end it early or forge a block, because it cannot know the id.
 * Everything from outside is escaped by src/report/escape.ts (Markdown, HTML, @mentions, #123).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Cause } from '../evaluate/cause.js'
import type { RunResult, TargetRef, TargetResult } from '../model/result.js'
import type { TargetRollbackReport } from '../model/rollback.js'
import { BUDGETS, type Budget } from './budget.js'
import { codeSpan, escapeMarkdownText, link, truncate } from './escape.js'
import { STATUS_ICON, VERDICT_ICON, formatClock, formatDuration, sameTarget, targetLabel } from './format.js'
import { causesOf } from './headline.js'
import { capLongStrings } from './long-strings.js'
import { detailsBlock, selectItems, table } from './markdown.js'
import { hasLanded, revisionMoveText, STATE_ICON } from './rollback-facts.js'
import { renderAnalysis } from './sections/analysis.js'
import { renderCanary } from './sections/canary.js'
import { renderCanaryJudge } from './sections/canary-judge.js'
import { renderChecks } from './sections/checks.js'
import { renderRollback } from './sections/rollback.js'
import { renderVerdict } from './sections/verdict.js'

/** GitHub refuses a comment body longer than this (characters; a JS length counts at least as many). */
export const MAX_COMMENT_CHARS = 65_536
/** No single outside string is shown longer than this in the comment. */
const MAX_STRING_CHARS = 4000
/** Room the newest run may take, so at least the earlier runs' one-line summaries still fit. */
const MAX_CURRENT_CHARS = 56_000

/** Facts of the run the record shows besides the result. */
export interface CommentFacts {
  environment?: string
  runUrl?: string
  actor?: string
  sha?: string
  commitUrl?: string
}

/** Marker values use only [A-Za-z0-9._] and %XX: nothing that could end an HTML comment (`--`, `>`). */
const markerValue = (text: string): string =>
  [...new TextEncoder().encode(text)]
    .map((b) =>
      /[A-Za-z0-9._]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
    )
    .join('')

/** The identity of a target set: order and duplicates do not matter. */
export function targetSetKey(targets: TargetRef[]): string {
  const keys = [...new Set(targets.map((t) => `${t.kind.toLowerCase()}/${t.name}@${t.namespace}`))].sort()
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16)
}

/** The hidden marker that makes a comment "the record of this environment and target set". */
export function commentMarker(environment: string | undefined, targets: TargetRef[]): string {
  return `<!-- deploy-guard:record env=${markerValue(truncate(environment ?? '', 200))} targets=${targetSetKey(targets)} -->`
}

// ---- the newest run ---------------------------------------------------------------------------------

function versionText(target: TargetResult, budget: Budget): string {
  const images = Object.entries(target.images ?? {})
  const before = target.previous
  const changed = images.filter(([name, image]) => before?.images[name] !== undefined && before.images[name] !== image)
  const shown = (changed.length ? changed : images).slice(0, 1)
  const more = (changed.length || images.length) - shown.length
  const cell = (text: string): string => codeSpan(truncate(text, budget.maxCellChars))
  const parts = shown.map(([name, image]) => {
    const old = before?.images[name]
    return old !== undefined && old !== image ? `${cell(old)} → ${cell(image)}` : cell(image)
  })
  if (more > 0) parts.push(`+${more} more`)
  const revision = target.revision
    ? before
      ? `revision ${escapeMarkdownText(before.revision)} → ${escapeMarkdownText(target.revision)}`
      : `revision ${escapeMarkdownText(target.revision)}`
    : ''
  return [...parts, revision].filter(Boolean).join('<br>') || '—'
}

function checksText(target: TargetResult): string {
  const counts = new Map<string, number>()
  for (const check of target.checks) counts.set(check.status, (counts.get(check.status) ?? 0) + 1)
  const order = ['failed', 'inconclusive', 'passed', 'skipped'] as const
  const parts = order.filter((s) => counts.get(s)).map((s) => `${STATUS_ICON[s]} ${counts.get(s)} ${s}`)
  return parts.join(' · ') || '—'
}

function rollbackText(t: TargetRollbackReport | undefined): string {
  if (!t) return '—'
  const move = escapeMarkdownText(revisionMoveText(t))
  if (!hasLanded(t)) return `${STATE_ICON[t.state]} ${codeSpan(t.state)}`
  const restored = t.restoredVerdict
    ? `${VERDICT_ICON[t.restoredVerdict]} restored ${t.restoredVerdict}`
    : '⚠️ restored, not verified'
  return `${STATE_ICON[t.state]} ${move}<br>${restored}`
}

/** Component, environment, namespace, old → new, checks, rollback: one row per target. */
function recordTable(result: RunResult, facts: CommentFacts, budget: Budget): string {
  const env = facts.environment ? codeSpan(truncate(facts.environment, budget.maxCellChars)) : '—'
  const { items, omitted } = selectItems(result.targets, budget.maxTableRows, (t) =>
    t.checks.some((c) => c.status === 'failed' || c.status === 'inconclusive')
  )
  const rows = items.map((t) => [
    codeSpan(truncate(targetLabel(t.ref), budget.maxCellChars)),
    env,
    codeSpan(truncate(t.ref.namespace, budget.maxCellChars)),
    versionText(t, budget),
    checksText(t),
    rollbackText(result.rollback?.targets.find((r) => sameTarget(r.ref, t.ref)))
  ])
  const rendered = table(['Component', 'Environment', 'Namespace', 'Version', 'Checks', 'Rollback'], rows)
  return omitted ? `${rendered}\n\n_… ${omitted.toLocaleString('en-US')} more targets not shown._` : rendered
}

function footer(result: RunResult, facts: CommentFacts): string {
  const parts: string[] = []
  if (facts.runUrl) parts.push(link(facts.runUrl, 'workflow run'))
  if (facts.actor) parts.push(`by ${escapeMarkdownText(`@${truncate(facts.actor, 100)}`)}`)
  if (facts.sha) {
    const short = facts.sha.slice(0, 7)
    parts.push(`commit ${facts.commitUrl ? link(facts.commitUrl, short) : codeSpan(short)}`)
  }
  const duration = formatDuration(result.startedAt, result.finishedAt)
  parts.push(
    escapeMarkdownText(
      `${result.startedAt.slice(0, 10)} ${formatClock(result.startedAt)} → ${formatClock(result.finishedAt)} UTC${duration ? ` (${duration})` : ''}`
    )
  )
  return `<sub>${parts.join(' · ')}</sub>`
}

/** The line an earlier run shows collapsed: verdict, command, environment, time, commit. */
export function runSummaryLine(result: RunResult, facts: CommentFacts): string {
  const parts = [`${VERDICT_ICON[result.verdict]} <b>${result.verdict}</b>`, `deploy-guard ${result.command}`]
  if (result.action !== 'none') parts.push(escapeMarkdownText(result.action))
  parts.push(escapeMarkdownText(`${result.finishedAt.slice(0, 10)} ${formatClock(result.finishedAt)} UTC`))
  if (facts.sha) parts.push(codeSpan(facts.sha.slice(0, 7)))
  return parts.join(' · ')
}

function renderCurrent(
  result: RunResult,
  facts: CommentFacts,
  budget: Budget,
  headline: string | undefined,
  trimmed: boolean,
  causes: Cause[]
): string {
  const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`
  const head = headline ?? renderVerdict(result, truncate(title, 300), budget, causes).replace(/^## /, '### ')
  const blocks = [head, recordTable(result, facts, budget)]
  blocks.push(renderRollback(result, budget))
  // A canary's steps (weights, outcomes, the judge's per-metric evidence) one click away; the headline says where it stopped.
  if (result.canary?.steps.length)
    blocks.push(
      detailsBlock(
        `Canary steps (${result.canary.steps.length} of ${result.canary.plannedSteps})`,
        [renderCanary(result.canary), renderCanaryJudge(result.canary)].filter(Boolean).join('\n\n'),
        false
      )
    )
  // The headline already gives the cause and what was done; the full checklist and the charts stay one
  // click away, so a failed run's record does not repeat the whole job summary in the PR.
  const checks = renderChecks(result, budget, causes)
  const count = result.targets.reduce((n, t) => n + t.checks.length, result.checks.length)
  if (checks) blocks.push(detailsBlock(`Checks (${count})`, checks, false))
  if (result.analysis)
    blocks.push(
      detailsBlock(
        `Analysis (${result.analysis.checks.length} queries)`,
        renderAnalysis(result.analysis, budget),
        false
      )
    )
  if (trimmed) {
    const where = facts.runUrl
      ? `the ${link(facts.runUrl, 'workflow run')}'s job summary and JSON record`
      : 'the job summary and JSON record'
    blocks.push(`_Long tables were trimmed to fit a PR comment; ${where} have everything._`)
  }
  blocks.push(footer(result, facts))
  return blocks.filter(Boolean).join('\n\n')
}

/** The leanest form: headline, record table and a pointer to the run. */
function renderMinimal(result: RunResult, facts: CommentFacts, headline: string | undefined): string {
  const leanest = {
    ...(BUDGETS[BUDGETS.length - 1] as Budget),
    maxTableRows: 20,
    maxReasons: 5,
    maxCellChars: 200,
    maxReasonChars: 500
  }
  const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`
  const head =
    headline && headline.length <= 8000
      ? headline
      : renderVerdict(result, truncate(title, 300), leanest).replace(/^## /, '### ')
  const where = facts.runUrl ? link(facts.runUrl, 'the workflow run') : 'the job summary'
  return [
    head,
    recordTable(result, facts, leanest),
    `_Details did not fit a PR comment; see ${where}._`,
    footer(result, facts)
  ].join('\n\n')
}

/** The newest run's Markdown, within `maxChars`: the fullest budget that fits, else the minimal form. */
export function renderRunRecord(
  full: RunResult,
  facts: CommentFacts,
  options: { headline?: string; maxChars?: number } = {}
): string {
  const result = capLongStrings(full, MAX_STRING_CHARS)
  const max = options.maxChars ?? MAX_CURRENT_CHARS
  // The causes depend on the result only: grouped once, not once per budget tried.
  const causes = causesOf(result)
  for (const [i, budget] of BUDGETS.entries()) {
    const text = renderCurrent(result, facts, budget, options.headline, i > 0, causes)
    if (text.length <= max) return text
  }
  const minimal = renderMinimal(result, facts, options.headline)
  return minimal.length <= max ? minimal : truncate(minimal, max)
}

// ---- run blocks and the whole body ------------------------------------------------------------------

interface RunBlock {
  kind: 'current' | 'earlier'
  /** HTML-safe one-line summary (rendered by runSummaryLine). */
  summary: string
  /** For `current`: the run's Markdown; for `earlier`: the whole `<details>` block or a one-line form. */
  content: string
}

const encodeSummary = (summary: string): string => Buffer.from(summary, 'utf8').toString('base64')
const decodeSummary = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8')

function blockText(block: RunBlock, id = randomBytes(12).toString('hex')): string {
  return `<!-- deploy-guard:run id=${id} kind=${block.kind} summary=${encodeSummary(block.summary)} -->\n${block.content}\n<!-- /deploy-guard:run id=${id} -->`
}

const START = /<!-- deploy-guard:run id=([0-9a-f]{8,64}) kind=(current|earlier) summary=([A-Za-z0-9+/=]*) -->\n/g

/** The run blocks of one of our earlier bodies, in order (see the header for why ends carry the id). */
export function parseRunBlocks(body: string): RunBlock[] {
  const blocks: RunBlock[] = []
  let from = 0
  for (;;) {
    START.lastIndex = from
    const start = START.exec(body)
    if (!start) return blocks
    const [whole, id, kind, summary] = start as unknown as [string, string, RunBlock['kind'], string]
    const end = `\n<!-- /deploy-guard:run id=${id} -->`
    const contentStart = start.index + whole.length
    const endAt = body.indexOf(end, contentStart)
    if (endAt < 0) return blocks
    blocks.push({ kind, summary: decodeSummary(summary), content: body.slice(contentStart, endAt) })
    from = endAt + end.length
  }
}

/** A previous run as it is kept: collapsed in full, or (when space is short) its summary line only. */
function asEarlier(block: RunBlock): RunBlock[] {
  if (block.kind === 'earlier') return [block]
  return [{ kind: 'earlier', summary: block.summary, content: detailsBlock(block.summary, block.content) }]
}

const summaryOnly = (block: RunBlock): RunBlock => ({
  kind: 'earlier',
  summary: block.summary,
  content: `- ${block.summary}`
})

export interface PrCommentInput {
  result: RunResult
  facts: CommentFacts
  /** commentMarker(environment, targets). */
  marker: string
  /** The body of our comment so far (earlier runs are kept from it); undefined for a new comment. */
  previousBody?: string
  /** A cause-first headline (Markdown, already escaped) replacing the verdict block. */
  headline?: string
  maxChars?: number
}

/** The whole comment body: marker, the newest run, earlier runs collapsed, ≤ maxChars. */
export function renderPrComment(input: PrCommentInput): string {
  const max = Math.min(input.maxChars ?? MAX_COMMENT_CHARS, MAX_COMMENT_CHARS)
  const current: RunBlock = {
    kind: 'current',
    summary: runSummaryLine(input.result, input.facts),
    content: renderRunRecord(input.result, input.facts, {
      headline: input.headline,
      maxChars: Math.min(MAX_CURRENT_CHARS, max - 2000)
    })
  }
  const earlier = input.previousBody ? parseRunBlocks(input.previousBody).flatMap(asEarlier) : []
  const head = `${input.marker}\n${blockText(current)}`
  const heading = '\n\n**Earlier runs** (newest first)\n\n'
  // The count of dropped runs is carried from body to body, so the note stays true after the next update.
  const droppedBefore = Number(/<!-- deploy-guard:dropped (\d{1,9}) -->/.exec(input.previousBody ?? '')?.[1] ?? 0)
  const dropNote = (n: number): string =>
    `\n\n<!-- deploy-guard:dropped ${n} -->\n_${n.toLocaleString('en-US')} older ${n === 1 ? 'run was' : 'runs were'} dropped to stay under GitHub's comment size limit._`

  const reserve = heading.length + dropNote(droppedBefore + earlier.length).length
  const kept: string[] = []
  let used = head.length + reserve
  let dropped = 0
  for (const block of earlier) {
    // Newest first: a run that does not fit whole is kept as its summary line; once even that does not
    // fit, it and every older run are dropped.
    if (dropped) {
      dropped++
      continue
    }
    const fits = [block, summaryOnly(block)].map((b) => blockText(b)).find((t) => used + t.length + 2 <= max)
    if (fits === undefined) {
      dropped++
      continue
    }
    kept.push(fits)
    used += fits.length + 2
  }
  const body = kept.length ? `${head}${heading}${kept.join('\n\n')}` : head
  const totalDropped = droppedBefore + dropped
  const text = totalDropped ? `${body}${dropNote(totalDropped)}` : body
  return text.length <= max ? text : truncate(text, max)
}
