/**
 * The "no critical alerts firing" judgement. Pure: alerts as read from Alertmanager or Prometheus in,
 * three lists out. Which alerts belong to the workload (label matchers, Prometheus semantics: a missing
 * label is the empty string, regexes are fully anchored), which severities count (the `severity`
 * label, compared without case), and whether an alert is the deploy's doing:
 * - silenced or inhibited alerts were muted by a human or a rule: reported, never failing;
 * - an alert whose `startsAt` is before the deploy began was already burning: reported separately and
 *   failing only with `failOn: any`, so a deploy is not blamed for an old fire;
 * - every other matching firing alert fails the check.
 */
import { PLACEHOLDER } from '../config/template.js'

export type MatchOperator = '=' | '!=' | '=~' | '!~'

/** A matcher with its value rendered (no template placeholders left). */
export interface LabelMatcher {
  label: string
  op: MatchOperator
  value: string
}

/** `firing` = active and not muted; `silenced`/`inhibited` = muted in Alertmanager. */
export type AlertState = 'firing' | 'silenced' | 'inhibited'

/** One alert as the sources report it, reduced to what the judgement and the reports need. */
export interface ObservedAlert {
  /** The `alertname` label. */
  name: string
  labels: Record<string, string>
  annotations: Record<string, string>
  /** ISO-8601: when the alert began (Alertmanager `startsAt`, Prometheus `activeAt`). */
  startsAt: string
  state: AlertState
  /** Ids of the silences or alerts muting it (Alertmanager only). */
  mutedBy?: string[]
}

export interface AlertPolicy {
  severities: readonly string[]
  /** An alert belongs to the workload when it satisfies every matcher of at least one set (one set per target). */
  matcherSets: readonly (readonly LabelMatcher[])[]
  failOn: 'new' | 'any'
  /** When the deploy began: alerts that started earlier are pre-existing. */
  since: Date
}

export interface AlertJudgement {
  /** Firing, unmuted, and new (or any, with `failOn: any`): these fail the check. */
  failing: ObservedAlert[]
  /** Firing and unmuted, but began before the deploy; reported only (with `failOn: new`). */
  preexisting: ObservedAlert[]
  /** Silenced or inhibited: reported only. */
  muted: ObservedAlert[]
}

/** Escapes a value for use as a literal inside a regular expression. */
function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A matcher's value with its `{{name}}` placeholders filled. Values landing in a regex are escaped,
 * so a name like `api.v2` matches itself only. Throws on an unknown variable (the config check names
 * them first, so this means a value the run did not provide).
 */
export function renderMatcher(matcher: LabelMatcher, values: Readonly<Record<string, string>>): LabelMatcher {
  const isRegex = matcher.op === '=~' || matcher.op === '!~'
  const value = matcher.value.replace(PLACEHOLDER, (whole, name: string) => {
    const filled = Object.hasOwn(values, name) ? values[name] : undefined
    if (filled === undefined) throw new Error(`unknown template variable ${whole} in alerts.matchers.${matcher.label}`)
    return isRegex ? escapeRegex(filled) : filled
  })
  return { ...matcher, value }
}

/** Compiles a regex matcher's value fully anchored, as Prometheus and Alertmanager do. */
export function anchoredRegex(value: string): RegExp {
  return new RegExp(`^(?:${value})$`)
}

export function matchesLabel(labels: Readonly<Record<string, string>>, matcher: LabelMatcher): boolean {
  const actual = labels[matcher.label] ?? ''
  switch (matcher.op) {
    case '=':
      return actual === matcher.value
    case '!=':
      return actual !== matcher.value
    case '=~':
      return anchoredRegex(matcher.value).test(actual)
    case '!~':
      return !anchoredRegex(matcher.value).test(actual)
  }
}

function matchesAll(labels: Readonly<Record<string, string>>, matchers: readonly LabelMatcher[]): boolean {
  return matchers.every((matcher) => matchesLabel(labels, matcher))
}

function hasSeverity(alert: ObservedAlert, severities: readonly string[]): boolean {
  const severity = (alert.labels.severity ?? '').toLowerCase()
  return severities.some((wanted) => wanted.toLowerCase() === severity)
}

const startedBefore = (alert: ObservedAlert, since: Date): boolean => {
  const at = Date.parse(alert.startsAt)
  // An unreadable start cannot prove the alert is old: it counts as new (a gate never guesses "fine").
  return Number.isFinite(at) && at < since.getTime()
}

/** Earliest first, then by name: the order reports list alerts in. */
function byStart(a: ObservedAlert, b: ObservedAlert): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.name.localeCompare(b.name)
}

export function judgeAlerts(alerts: readonly ObservedAlert[], policy: AlertPolicy): AlertJudgement {
  const judgement: AlertJudgement = { failing: [], preexisting: [], muted: [] }
  for (const alert of alerts) {
    if (!hasSeverity(alert, policy.severities)) continue
    if (!policy.matcherSets.some((set) => matchesAll(alert.labels, set))) continue
    if (alert.state !== 'firing') judgement.muted.push(alert)
    else if (policy.failOn === 'new' && startedBefore(alert, policy.since)) judgement.preexisting.push(alert)
    else judgement.failing.push(alert)
  }
  judgement.failing.sort(byStart)
  judgement.preexisting.sort(byStart)
  judgement.muted.sort(byStart)
  return judgement
}

/** `namespace="shop", service=~"web-.*"`: matchers as Prometheus writes them. */
export function formatMatchers(matchers: readonly LabelMatcher[]): string {
  return matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ')
}

/** `{alertname="X", severity="critical"}`: labels as Prometheus writes them, sorted by name. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))
  return `{${entries.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}}`
}
