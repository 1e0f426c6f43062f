/**
 * The alerts check as one checklist row (`CheckResult`), from a judgement. Pure. The reason names each
 * failing alert with its labels and `startsAt` (what a human needs to find it in Alertmanager); the
 * details list every alert seen, failing first, then the pre-existing and the muted ones. Label and
 * annotation values are outside text: they go into the row as data and are escaped by the renderers
 * and the runner log (src/report/escape.ts), never here.
 */
import {
  formatLabels,
  formatMatchers,
  type AlertJudgement,
  type AlertPolicy,
  type ObservedAlert
} from '../evaluate/alerts.js'
import type { CheckDetail, CheckResult } from '../model/result.js'

export const ALERTS_CHECK_ID = 'alerts'

/** The policy the alerts were judged by, and where they were read. */
export interface AlertRowContext extends AlertPolicy {
  /** Where the alerts were read: `Alertmanager at https://…` (credentials stripped). */
  source: string
}

/** Alerts named in the reason before "and N more". */
const MAX_NAMED = 3
/** Alerts given their own detail block; the rest are counted. */
const MAX_DETAILED = 20

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

function alertsTitle(severities: readonly string[]): string {
  return `No ${severities.join('/')} alerts firing`
}

function expectedText(context: AlertRowContext): string {
  const matchers = context.matcherSets.map((set) => `{${formatMatchers(set)}}`).join(' or ')
  const which = context.failOn === 'new' ? 'new ' : ''
  return `no ${which}${context.severities.join('/')} alert firing for ${matchers}`
}

function actualText(judgement: AlertJudgement): string {
  const { failing, preexisting, muted } = judgement
  if (failing.length + preexisting.length + muted.length === 0) return 'none firing'
  const parts = [`${failing.length} firing`]
  if (preexisting.length) parts.push(`${preexisting.length} firing since before the deploy`)
  if (muted.length) parts.push(`${muted.length} silenced or inhibited`)
  return parts.join(', ')
}

/** `HighErrorRate {labels} firing since 2026-11-30T10:02:03.000Z`. */
export function describeAlert(alert: ObservedAlert): string {
  return `${alert.name || '(no alertname)'} ${formatLabels(alert.labels)} firing since ${alert.startsAt}`
}

function detail(alert: ObservedAlert, kind: string): CheckDetail {
  const facts = [
    { label: 'state', value: kind },
    { label: 'startsAt', value: alert.startsAt },
    { label: 'labels', value: formatLabels(alert.labels) }
  ]
  for (const key of ['summary', 'description']) {
    const value = alert.annotations[key]
    if (value) facts.push({ label: key, value })
  }
  if (alert.mutedBy?.length) facts.push({ label: 'muted by', value: alert.mutedBy.join(', ') })
  return { title: `${alert.name || '(no alertname)'} (${kind})`, facts }
}

function details(judgement: AlertJudgement): CheckDetail[] {
  const all: Array<[ObservedAlert, string]> = [
    ...judgement.failing.map((a): [ObservedAlert, string] => [a, 'firing']),
    ...judgement.preexisting.map((a): [ObservedAlert, string] => [a, 'firing since before the deploy']),
    ...judgement.muted.map((a): [ObservedAlert, string] => [a, a.state])
  ]
  const shown = all.slice(0, MAX_DETAILED).map(([alert, kind]) => detail(alert, kind))
  if (all.length > MAX_DETAILED) shown.push({ title: `and ${all.length - MAX_DETAILED} more alerts` })
  return shown
}

function notes(judgement: AlertJudgement): string[] {
  const out: string[] = []
  if (judgement.preexisting.length)
    out.push(
      `${plural(judgement.preexisting.length, 'alert')} firing since before the deploy (${judgement.preexisting
        .slice(0, MAX_NAMED)
        .map((a) => a.name)
        .join(', ')}) not counted (failOn: new)`
    )
  if (judgement.muted.length) out.push(`${plural(judgement.muted.length, 'alert')} silenced or inhibited, not counted`)
  return out
}

export function alertsRow(judgement: AlertJudgement, context: AlertRowContext): CheckResult {
  const base = {
    id: ALERTS_CHECK_ID,
    title: alertsTitle(context.severities),
    expected: expectedText(context),
    actual: actualText(judgement)
  }
  const evidence = details(judgement)
  const { failing } = judgement
  if (failing.length > 0) {
    const named = failing.slice(0, MAX_NAMED).map(describeAlert).join('; ')
    const more = failing.length > MAX_NAMED ? `; and ${failing.length - MAX_NAMED} more` : ''
    return {
      ...base,
      status: 'failed',
      reason: `${plural(failing.length, 'alert')} firing (read from ${context.source}): ${named}${more}`,
      details: evidence
    }
  }
  const note = notes(judgement)
  return {
    ...base,
    status: 'passed',
    ...(note.length ? { caveat: note.join('; ') } : {}),
    ...(evidence.length ? { details: evidence } : {})
  }
}

/** The source could not be read (after its retries): never a pass. */
export function alertsUnavailableRow(severities: readonly string[], reason: string): CheckResult {
  return {
    id: ALERTS_CHECK_ID,
    title: alertsTitle(severities),
    expected: `no ${severities.join('/')} alert firing`,
    actual: 'unknown',
    status: 'inconclusive',
    reason
  }
}
