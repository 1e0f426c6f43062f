/**
 * The job summary: the headline first (verdict, cause, next step, blast radius; headline.ts), the
 * causes one line each, then the rollback, the checklists, the analysis and the evidence of failures.
 * A passed run's tables and measurements are collapsed. Pure: RunResult in, Markdown (with minimal
 * HTML) out, always within `maxBytes` of UTF-8.
 */
import type { Cause } from '../evaluate/cause.js'
import type { RunResult } from '../model/result.js'
import { BUDGETS, type Budget } from './budget.js'
import { escapeMarkdownText } from './escape.js'
import { formatClock } from './format.js'
import { withCaveats } from './caveats.js'
import { causesOf } from './headline.js'
import { capLongStrings } from './long-strings.js'
import { renderAnalysis } from './sections/analysis.js'
import { renderCanary } from './sections/canary.js'
import { renderCanaryJudge } from './sections/canary-judge.js'
import { renderBlueGreen } from './blue-green-section.js'
import { causeOfRow, causeShortName, renderChecks } from './sections/checks.js'
import { renderDetails } from './sections/details.js'
import { renderRollback } from './sections/rollback.js'
import { renderVerdict } from './sections/verdict.js'

export interface SummaryOptions {
  /** UTF-8 byte limit; GitHub rejects a step summary above 1 MiB. A byte cap also bounds characters (PR comments). */
  maxBytes?: number
  /** Replaces `deploy-guard <command>` in the heading. */
  title?: string
}

export const DEFAULT_SUMMARY_MAX_BYTES = 1_000_000

/**
 * No single string of the result is shown longer than this (a log tail keeps its end). The budgets
 * below cap table cells and reasons further; this also bounds what they do not (names in headings,
 * links), so the verdict and the tables always fit and only evidence is ever dropped.
 */
export const MAX_SUMMARY_STRING_CHARS = 16_000

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8')

function footer(result: RunResult): string {
  const window = `${formatClock(result.startedAt)} → ${formatClock(result.finishedAt)} UTC`
  return `<sub>deploy-guard ${result.command} · ${escapeMarkdownText(window)} · ${escapeMarkdownText(result.startedAt.slice(0, 10))}</sub>`
}

/**
 * What every profile keeps whole: the verdict, the rollback (what was done to the cluster is never
 * trimmed away), the check tables and the analysis. The budget only shortens them.
 */
function renderCore(result: RunResult, title: string, budget: Budget, causes: Cause[]): string[] {
  const core = [
    renderVerdict(result, title, budget, causes),
    renderRollback(result, budget),
    renderCanary(result.canary),
    renderCanaryJudge(result.canary),
    renderBlueGreen(result.blueGreen),
    renderChecks(result, budget, causes)
  ]
  if (result.analysis) {
    const ofRow = causeOfRow(causes)
    const metricCause = (name: string): string | undefined => {
      const shared = causes.find((c) => c.symptoms.length > 1 && c.symptoms.some((s) => s.id === `metric:${name}`))
      return shared
        ? causeShortName(shared)
        : ofRow('metric', { id: `metric:${name}`, title: name, expected: '', actual: '', status: 'failed' })
    }
    core.push(
      renderAnalysis(result.analysis, budget, { collapse: result.verdict === 'passed', sharedCause: metricCause })
    )
  }
  return core.filter(Boolean)
}

/**
 * The summary for one budget, or null when it does not fit: the core (verdict, tables, analysis)
 * must fit whole, and the evidence must fit whole unless `partialDetails` allows filling what is left.
 */
function render(
  result: RunResult,
  title: string,
  budget: Budget,
  causes: Cause[],
  maxBytes: number,
  partialDetails: boolean
): string | null {
  const core = renderCore(result, title, budget, causes)
  const end = footer(result)
  const fixed = byteLength(core.join('\n\n')) + byteLength(end) + 6
  if (fixed > maxBytes) return null
  const details = renderDetails(result, budget, maxBytes - fixed)
  if (!details.complete && !partialDetails) return null
  return `${[...core, details.text, end].filter(Boolean).join('\n\n')}\n`
}

/** The fence still open at the end of `text`, if any (so a cut can close it). */
function openFence(text: string): string {
  let open = ''
  for (const line of text.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1]
    if (!run) continue
    if (!open) open = run
    else if (run.length >= open.length && line.trim() === run) open = ''
  }
  return open
}

/** Last resort when even the leanest profile is too big: cut at a line boundary and say so. */
function hardCut(text: string, maxBytes: number): string {
  const note = '\n\n_… summary cut to stay under the size limit; the JSON record has everything._\n'
  // Decoding a cut buffer may end in a broken character; drop it.
  const head = (s: string, bytes: number): string =>
    Buffer.from(s, 'utf8')
      .subarray(0, Math.max(0, bytes))
      .toString('utf8')
      .replace(/\uFFFD+$/, '')
  if (byteLength(note) >= maxBytes) return head(note.trim(), maxBytes)
  let cut = head(text, maxBytes - byteLength(note))
  for (;;) {
    const lastBreak = cut.lastIndexOf('\n')
    cut = lastBreak > 0 ? cut.slice(0, lastBreak) : ''
    // An unclosed fence would swallow the note, so close it.
    const marker = openFence(cut)
    const candidate = `${cut}${marker ? `\n${marker}` : ''}${note}`
    // With nothing left, candidate is the note alone, which fits (checked above).
    if (byteLength(candidate) <= maxBytes || !cut) return candidate
  }
}

export function renderSummary(full: RunResult, options: SummaryOptions = {}): string {
  const result = withCaveats(capLongStrings(full, MAX_SUMMARY_STRING_CHARS))
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES
  const title = options.title ?? `deploy-guard ${result.command}`
  // The last budget that still shows details may fill the room with part of them.
  const lastWithDetails = BUDGETS.map((b) => b.includeDetails).lastIndexOf(true)
  // The causes depend on the result only: grouped once, not once per budget tried.
  const causes = causesOf(result)
  for (const [i, budget] of BUDGETS.entries()) {
    const text = render(result, title, budget, causes, maxBytes, i === lastWithDetails)
    if (text !== null && byteLength(text) <= maxBytes) return text
  }
  const leanest = BUDGETS[BUDGETS.length - 1] as Budget
  return hardCut(renderCore(result, title, leanest, causes).join('\n\n'), maxBytes)
}
