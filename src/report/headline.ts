/**
 * The headline every surface opens with (job summary, failure annotation, log verdict line, the
 * one-line `summary` output, the PR comment, the notification): the verdict, then the cause in one
 * line, then what to do next, then the blast radius. One pure function, so every surface says the
 * same words. Plain parts are unescaped; `markdown` is escaped here (escape.ts), `text` is one line
 * for surfaces that escape it where it lands (the log, annotations, outputs).
 */
import { groupCauses, type Cause, type MetricBreach } from '../evaluate/cause.js'
import type { RunResult, TargetResult, Verdict } from '../model/result.js'
import type { TargetRollbackReport } from '../model/rollback.js'
import { codeSpan, escapeMarkdownText, truncate } from './escape.js'
import { VERDICT_ICON, formatClock, sameTarget, targetLabel } from './format.js'
import { hasLanded, rollbackClause, wouldRollBack } from './rollback-facts.js'
import { blueGreenNext, canaryAbortNext, canaryCause } from './canary-headline.js'
import { formatValue, metricUnit } from '../util/units.js'

/** What to do next: words, and the exact command when there is one. */
export interface NextStep {
  text: string
  command?: string
}

export interface Headline {
  verdict: Verdict
  /** `deploy-guard verify: failed`. */
  title: string
  /** The first cause in one line (`deployment/api: container api CrashLoopBackOff, exit code 1 — last log: …`); for a pass, what passed. */
  cause: string
  /** Further causes beyond the first, and the words for them (` (+2 more causes)`, '' for none). */
  moreCauses: number
  moreText: string
  /** The rollback that was done, or the command / fix to apply; '' when nothing is left to do. */
  next: string
  nextStep?: NextStep
  /** Who is affected now (`revision 2 still serves 3 ready endpoints; revision 3: 0 of 3 pods ready`); '' when unknown. */
  blastRadius: string
  /** Every cause, failed first (see src/evaluate/cause.ts). */
  causes: Cause[]
  /** The heading and the cause / next / blast radius lines, escaped Markdown. */
  markdown: string
  /** One line of plain text: `deploy-guard verify failed — <cause>; next: <next>; <blast radius>`. */
  text: string
}

export interface HeadlineOptions {
  /** Replaces `deploy-guard <command>` in the title. */
  title?: string
  /** Characters of each part (cause, next, blast radius); the record keeps everything. */
  maxPartChars?: number
  /** causesOf(result), when the caller has grouped them already (a renderer trying several budgets). */
  causes?: Cause[]
}

const DEFAULT_PART_CHARS = 1000

/** `error-rate 3.2 % > max 1 % since 06:39 (3 of 5 measurements)`, in the metric's unit. */
export function breachText(result: RunResult, breach: MetricBreach): string {
  const check = result.analysis?.checks.find((c) => c.name === breach.metric)
  const unit = check ? metricUnit(check) : 'plain'
  const limit = Number.isFinite(breach.limitValue) ? ` ${formatValue(breach.limitValue, unit)}` : ''
  const since = formatClock(breach.since).slice(0, 5)
  return `${breach.metric} ${formatValue(breach.value, unit)} ${breach.comparator} ${breach.limit}${limit} since ${since} UTC (${breach.failed} of ${breach.measured} measurements)`
}

/** The causes of a run with metric breaches in their units. */
export function causesOf(result: RunResult): Cause[] {
  return groupCauses(result, { formatBreach: (breach) => breachText(result, breach) })
}

/** A cause in one line, with its target: `deployment/api: …`. */
export function causeLine(cause: Cause): string {
  return cause.target ? `${targetLabel(cause.target)}: ${cause.summary}` : cause.summary
}

/** `kubectl rollout undo deployment/api -n shop --to-revision=2`: the revision live before the deploy. */
export function undoCommand(target: TargetResult): string | undefined {
  if (!/^(Deployment|StatefulSet|DaemonSet)$/.test(target.ref.kind)) return undefined
  const to = target.preRollout?.revision ?? target.previous?.revision
  const revision = to !== undefined && String(to) !== target.revision ? ` --to-revision=${to}` : ''
  return `kubectl rollout undo ${targetLabel(target.ref)} -n ${target.ref.namespace}${revision}`
}

const failedTarget = (result: RunResult, causes: Cause[]): TargetResult | undefined => {
  for (const cause of causes) {
    const ref = cause.target
    if (cause.status !== 'failed' || !ref) continue
    const target = result.targets.find((t) => sameTarget(t.ref, ref))
    if (target) return target
  }
  // A failed metric or smoke check judges the deploy too: the one target is what to undo.
  return causes.some((c) => c.status === 'failed') && result.targets.length === 1 ? result.targets[0] : undefined
}

/** The rollback that was done or is left to do, when the run has a rollback report with targets. */
function rollbackNext(result: RunResult): NextStep | undefined {
  const targets = result.rollback?.targets ?? []
  if (!targets.length) return undefined
  const pending = targets.find((t: TargetRollbackReport) => t.state !== 'rolled-back' && t.manual.length)
  const text = targets.map(rollbackClause).join('; ')
  if (!pending) return { text }
  const how = wouldRollBack(result) ? 'to do it by hand:' : 'to finish or check it by hand:'
  return { text: `${text} — ${how}`, command: pending.manual[0] }
}

function nextFromCause(result: RunResult, cause: Cause | undefined, causes: Cause[]): NextStep | undefined {
  if (!cause) return undefined
  // An aborted canary already put the traffic back: undoing the canary Deployment would be wrong advice.
  const canaryNext = canaryAbortNext(result) ?? blueGreenNext(result)
  if (canaryNext) return { text: canaryNext }
  const target = failedTarget(result, causes)
  const undo = target ? undoCommand(target) : undefined
  const notRolledBack =
    result.rollback && result.rollback.decision === 'none' ? ` (not rolled back: ${result.rollback.reason})` : ''
  switch (cause.kind) {
    case 'api-unreachable':
      return {
        text: `make the Kubernetes API at ${cause.server ?? 'the kubeconfig server'} reachable from the runner (kubeconfig input, network, credentials), then re-run`
      }
    case 'api-forbidden': {
      const grant = /— (grant .*)$/s.exec(cause.rules?.[0] ?? '')?.[1]
      return {
        text: `add the RBAC rule to the runner's Role${grant ? `: ${grant}` : ''}${(cause.rules?.length ?? 0) > 1 ? ` (and ${cause.rules!.length - 1} more)` : ''}; docs/rbac.yaml has them all`
      }
    }
    case 'prometheus-unreachable':
      return {
        text: `make Prometheus at ${cause.server ?? 'prometheus-url'} reachable from the runner (the prometheus-url input, network, token), then re-run; no metric was judged`
      }
    case 'config': {
      const field = /: ([\w.[\]-]+): /.exec(cause.summary)?.[1]
      return { text: field ? `fix ${field} in the config and re-run` : 'fix the config and re-run' }
    }
    case 'metric-inconclusive':
      return undo
        ? { text: `look at the metric's query in Prometheus; to roll back${notRolledBack}:`, command: undo }
        : { text: `look at the metric's query in Prometheus (no data? set onNoData or minTraffic), then re-run` }
    default:
      if (undo && cause.status === 'failed') return { text: `roll back${notRolledBack}:`, command: undo }
      if (undo) return { text: `check the target, or roll back${notRolledBack}:`, command: undo }
      return undefined
  }
}

const readyOf = /(\d+) of (\d+) expected pods of revision (\S+?) are ready/
const endpointsOf = (target: TargetResult, label: RegExp): number | undefined => {
  const check = target.checks.find((c) => c.id === 'endpoints')
  let total: number | undefined
  for (const detail of check?.details ?? []) {
    for (const fact of detail.facts ?? []) {
      const n = label.test(fact.label) ? Number.parseInt(fact.value, 10) : NaN
      if (Number.isFinite(n)) total = (total ?? 0) + n
    }
  }
  return total
}

/** Who the failure reaches, from the pod-count and endpoints rows of the failed target. */
function blastRadius(result: RunResult, causes: Cause[]): string {
  const target = failedTarget(result, causes)
  const parts: string[] = []
  if (target) {
    const old = endpointsOf(target, /^ready endpoints of other pods$/)
    const previous = target.preRollout?.revision ?? target.previous?.revision
    if (old !== undefined && old > 0)
      parts.push(
        `${previous !== undefined ? `revision ${previous}` : 'the old pods'} still serve${previous !== undefined ? 's' : ''} ${old} ready endpoint${old === 1 ? '' : 's'}`
      )
    const ready = readyOf.exec(target.checks.find((c) => c.id === 'pod-count')?.reason ?? '')
    if (ready) parts.push(`revision ${ready[3]}: ${ready[1]} of ${ready[2]} pods ready`)
    else if (old === 0) parts.push('no ready endpoints: the Service serves nothing')
    const landed = (result.rollback?.targets ?? []).some((t) => hasLanded(t) && sameTarget(t.ref, target.ref))
    if (parts.length && landed) return `before the rollback: ${parts.join('; ')}`
  }
  if (
    !parts.length &&
    causes.length &&
    causes.every((c) => c.kind === 'prometheus-unreachable' || c.kind === 'metric-inconclusive')
  ) {
    const checks = result.targets.flatMap((t) => t.checks).filter((c) => c.status !== 'skipped')
    if (checks.length && checks.every((c) => c.status === 'passed'))
      return `unknown: no metric was judged; the ${checks.length} Kubernetes checks passed`
  }
  return parts.join('; ')
}

/** `7 checks and 2 metric checks passed` for a passed run. */
function passedText(result: RunResult): string {
  const checks = [...result.targets.flatMap((t) => t.checks), ...result.checks].filter((c) => c.status !== 'skipped')
  const metrics = (result.analysis?.checks ?? []).filter((m) => !m.dryRun)
  const early = metrics.filter((m) => m.judged && m.judged.due < m.judged.planned)
  const parts: string[] = []
  if (checks.length) parts.push(`${checks.length} check${checks.length === 1 ? '' : 's'}`)
  if (metrics.length) parts.push(`${metrics.length} metric check${metrics.length === 1 ? '' : 's'}`)
  const what = parts.length ? `${parts.join(' and ')} passed` : 'passed'
  const stopped = early.length
    ? ` (${early.map((m) => `${m.name} stopped early: judged on ${m.judged!.judged} of ${m.judged!.planned} measurements`).join('; ')})`
    : ''
  const caveats = [...result.targets.flatMap((t) => t.checks), ...result.checks].filter((c) => c.caveat)
  return `${what}${stopped}${caveats.length ? `; ${caveats[0]!.title}: ${caveats[0]!.caveat}` : ''}`
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim()

export function headline(result: RunResult, options: HeadlineOptions = {}): Headline {
  const max = options.maxPartChars ?? DEFAULT_PART_CHARS
  const cut = (text: string): string => truncate(oneLine(text), max)
  const title = `${options.title ?? `deploy-guard ${result.command}`}: ${result.verdict}`
  const causes =
    result.verdict === 'passed' && result.command !== 'rollback' ? [] : (options.causes ?? causesOf(result))
  const first = causes[0]
  // A canary says where it stopped and why (or how it was promoted), before the generic cause.
  const cause = cut(
    canaryCause(result, first ? causeLine(first) : undefined) ??
      (first ? causeLine(first) : result.verdict === 'passed' ? passedText(result) : (result.reasons[0] ?? ''))
  )
  const step = rollbackNext(result) ?? (result.verdict === 'passed' ? undefined : nextFromCause(result, first, causes))
  const nextStep = step ? { text: cut(step.text), ...(step.command ? { command: cut(step.command) } : {}) } : undefined
  const next = nextStep ? `${nextStep.text}${nextStep.command ? ` ${nextStep.command}` : ''}` : ''
  const blast = cut(result.verdict === 'passed' ? '' : blastRadius(result, causes))
  const more = Math.max(0, causes.length - 1)
  // Config issues are problems of one config, not causes of a failed deploy.
  const noun = causes.every((c) => c.kind === 'config') ? 'problem' : 'cause'
  const moreText = more ? ` (+${more} more ${noun}${more === 1 ? '' : 's'})` : ''
  const dry = result.dryRun ? '[dry run] ' : ''

  const lines = [`## ${VERDICT_ICON[result.verdict]} ${escapeMarkdownText(title)}`, '']
  const label = result.verdict === 'passed' ? 'Result' : 'Cause'
  if (cause) lines.push(`**${label}:** ${escapeMarkdownText(cause)}${escapeMarkdownText(moreText)}<br>`)
  if (nextStep)
    lines.push(
      `**Next:** ${escapeMarkdownText(nextStep.text)}${nextStep.command ? ` ${codeSpan(nextStep.command)}` : ''}<br>`
    )
  if (blast) lines.push(`**Blast radius:** ${escapeMarkdownText(blast)}<br>`)
  // The last line of the block needs no break.
  const lastIndex = lines.length - 1
  if (lastIndex > 1) lines[lastIndex] = (lines[lastIndex] ?? '').replace(/<br>$/, '')

  const textParts = [
    `${dry}deploy-guard ${result.command} ${result.verdict}${cause ? ` — ${cause}${moreText}` : ''}`,
    next ? `next: ${next}` : '',
    blast ? `blast radius: ${blast}` : ''
  ].filter(Boolean)
  return {
    verdict: result.verdict,
    title,
    cause,
    moreCauses: more,
    moreText,
    next,
    ...(nextStep ? { nextStep } : {}),
    blastRadius: blast,
    causes,
    markdown: lines.join('\n'),
    text: oneLine(textParts.join('; '))
  }
}
