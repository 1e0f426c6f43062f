/**
 * Symptoms grouped under causes. A crash-looping deploy fails six rows (rollout, pod count, ready,
 * restarts, endpoints, events) for one reason; a Prometheus outage fails every metric check for one
 * reason. Reports lead with the causes, one line each, and list the rows as their symptoms.
 *
 * Pure: RunResult in, causes out. The rules, in order (the first that claims a row wins):
 * 1. Kubernetes API unreachable / credentials rejected — one cause for every row that says so.
 * 2. Permission missing (403) — one cause for every such row, naming each distinct RBAC rule.
 * 3. Per target: a terminal pod signal (container, reason, exit code, last log line, from the pod
 *    evidence in the rows' details or the rollout row's reason) claims the target's pod-health rows;
 *    else a rollout timeout claims them; else a failed rollout claims them.
 * 4. Run level: each smoke failure, each GitOps row (Argo CD, Flux, Helm), each other row.
 * 5. Analysis: Prometheus unreachable — one cause for all metric checks (and the probe's reason);
 *    each metric breaching its threshold; each metric inconclusive for another reason.
 * 6. Nothing claimed but the run did not pass (a config error, an unexpected error): the reasons.
 * Failed causes come before inconclusive ones; within each, the order above.
 */
import type {
  CheckDetail,
  CheckResult,
  Measurement,
  MetricCheckResult,
  RunResult,
  TargetRef,
  TargetResult
} from '../model/result.js'
import { TERMINAL_WAITING_REASONS } from './pod-signals.js'

export type CauseKind =
  | 'api-unreachable'
  | 'api-forbidden'
  | 'pod-failure'
  | 'rollout-timeout'
  | 'rollout'
  | 'check'
  | 'smoke'
  | 'gitops'
  | 'prometheus-unreachable'
  | 'metric-breach'
  | 'metric-inconclusive'
  | 'config'
  | 'other'

/** A row a cause explains: `where` is the target label (`deployment/api`) or `run`/`metric`. */
export interface Symptom {
  where: string
  id: string
  title: string
}

/** What a terminal pod signal says: the facts an on-call engineer asks for first. */
export interface PodFailure {
  /** e.g. `CrashLoopBackOff`, `ImagePullBackOff`, `OOMKilled`, `Unschedulable`, `Error`. */
  reason: string
  container?: string
  exitCode?: number
  /** The last non-empty line of the container's previous log. */
  lastLogLine?: string
  /** A pod that shows it, and how many pods do. */
  pod?: string
  pods: number
}

/** A metric over its limit: the first failing value and when. */
export interface MetricBreach {
  metric: string
  value: number
  /** `max`, `min`, `baseline +10 %`, …: which limit the value broke. */
  limit: string
  limitValue: number
  comparator: '>' | '<'
  /** ISO time of the first failed measurement. */
  since: string
  failed: number
  measured: number
}

export interface Cause {
  kind: CauseKind
  status: 'failed' | 'inconclusive'
  /** The target it concerns, when one. */
  target?: TargetRef
  /** One line, plain text (unescaped), without the target label. */
  summary: string
  /** The rows it explains (at least one for every kind except `config`/`other`). */
  symptoms: Symptom[]
  pod?: PodFailure
  breach?: MetricBreach
  /** `prometheus-unreachable` / `api-unreachable`: the server and the short error (`ECONNREFUSED`). */
  server?: string
  error?: string
  /** `api-forbidden`: each distinct RBAC rule to add, as the API error says it. */
  rules?: string[]
}

const attention = (status: string): status is 'failed' | 'inconclusive' =>
  status === 'failed' || status === 'inconclusive'

/** Rows that fail together when a workload's pods do not come up. */
export const POD_SYMPTOM_IDS: ReadonlySet<string> = new Set([
  'rollout',
  'pod-count',
  'pods-ready',
  'pods-running',
  'containers-ready',
  'restarts',
  'endpoints',
  'events'
])

const GITOPS_IDS: ReadonlySet<string> = new Set(['argocd', 'flux', 'helm'])

/** Signals that do not resolve by waiting, plus those kstatus misses (reference §4). */
const TERMINAL_REASONS: ReadonlySet<string> = new Set([
  ...TERMINAL_WAITING_REASONS,
  'OOMKilled',
  'Unschedulable',
  'Evicted'
])

const targetLabelOf = (ref: TargetRef): string => `${ref.kind.toLowerCase()}/${ref.name}`

const API_UNREACHABLE = /^Kubernetes API unreachable at (\S+?) after retries: (.*)$/s
const API_UNAUTHORIZED = /the Kubernetes API at (\S+) rejected the credentials/
const FORBIDDEN = /forbidden: (cannot .*)$/s
const PROMETHEUS_DOWN = [
  /Cannot reach Prometheus at (\S+?): (.*?)\.?(?: \(after \d+ attempts?\))?\.?$/s,
  /Prometheus at (\S+) unreachable: (.*?)\.?$/s
]

/** The short form of a network error: `ECONNREFUSED`, `ETIMEDOUT`, else the message itself. */
export function shortError(message: string): string {
  const code = /\b(E[A-Z]{3,}|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT)\b/.exec(message)?.[1]
  if (code) return code
  const http = /\bHTTP \d{3}\b[^;.]*/.exec(message)?.[0]
  return (http ?? message).trim()
}

/** `http://prom:9090` from `http://prom:9090/api/v1/query`: the server, not the endpoint. */
function serverOf(url: string): string {
  return url.replace(/\/api\/v1\/[a-z_]+\/?$/, '').replace(/\/+$/, '')
}

/** The Prometheus outage a message describes, if it describes one. */
export function prometheusOutage(message: string | undefined): { server: string; error: string } | undefined {
  if (!message) return undefined
  for (const pattern of PROMETHEUS_DOWN) {
    const match = pattern.exec(message)
    if (match) return { server: serverOf(match[1] ?? ''), error: shortError(match[2] ?? '') }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------
// Pod evidence

const lastLogLine = (text: string): string | undefined => {
  const lines = text.split('\n').map((l) => l.trim())
  if (lines[0] && /^previous log of container /.test(lines[0])) lines.shift()
  return lines.filter((l) => l && !/^`{3,}/.test(l)).pop()
}

const containerOfLog = (text: string): string | undefined => /^previous log of container ([^\s:]+):/.exec(text)?.[1]

/** The terminal signal one pod detail shows (see src/evaluate/details.ts podDetail), if any. */
export function podFailureOf(detail: CheckDetail): Omit<PodFailure, 'pods'> | undefined {
  let reason: string | undefined
  let container: string | undefined
  let exitCode: number | undefined
  let terminated: { reason: string; container?: string } | undefined
  for (const { label, value } of detail.facts ?? []) {
    const labelled = /^(\S+)(?: \((.+)\))?$/.exec(label)
    const firstWord = /^([A-Za-z]+)/.exec(value)?.[1]
    if (!reason && labelled?.[1] && TERMINAL_REASONS.has(labelled[1])) {
      reason = labelled[1]
      container = labelled[2]
    } else if (!reason && firstWord && TERMINAL_REASONS.has(firstWord)) {
      reason = firstWord
      container = /\((.+)\)$/.exec(label)?.[1] ?? container
    }
    const code =
      /exit code (\d+)/i.exec(value)?.[1] ?? (/exit code/i.test(label) ? /^(\d+)$/.exec(value)?.[1] : undefined)
    if (code !== undefined && exitCode === undefined) exitCode = Number(code)
    const last = /^last termination \((.+)\)$/.exec(label)
    if (last && !terminated) terminated = { reason: value.split(',')[0]?.trim() || 'terminated', container: last[1] }
  }
  const logLine = detail.text ? lastLogLine(detail.text) : undefined
  const logContainer = detail.text ? containerOfLog(detail.text) : undefined
  // A container that exited (`last termination`) with a log is evidence too, even between back-offs.
  if (!reason && terminated && (logLine || exitCode !== undefined)) {
    reason = terminated.reason
    container = terminated.container
  }
  if (!reason) return undefined
  const pod = /^pod (\S+)$/.exec(detail.title)?.[1] ?? (/\s/.test(detail.title) ? undefined : detail.title)
  return {
    reason,
    ...((container ?? terminated?.container ?? logContainer)
      ? { container: container ?? terminated?.container ?? logContainer }
      : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(logLine ? { lastLogLine: logLine } : {}),
    ...(pod ? { pod } : {})
  }
}

/** The rollout row's own words: `pod X has been in CrashLoopBackOff (container api) for 3s`. */
function podFailureOfReason(reason: string | undefined): Omit<PodFailure, 'pods'> | undefined {
  const match = /pod (\S+?)(?: \(an earlier revision\))? has been in (\S+)(?: \(container ([^)]+)\))?/.exec(
    reason ?? ''
  )
  if (!match?.[2] || !TERMINAL_REASONS.has(match[2])) return undefined
  return { reason: match[2], pod: match[1], ...(match[3] ? { container: match[3] } : {}) }
}

/**
 * The pod failure behind a target's failing rows: the most specific signal (a terminal waiting
 * reason beats a bare `Error` exit), completed with the exit code and log line any pod shows.
 */
function targetPodFailure(checks: CheckResult[]): PodFailure | undefined {
  const found: Array<Omit<PodFailure, 'pods'>> = []
  const pods = new Set<string>()
  for (const check of checks) {
    for (const detail of check.details ?? []) {
      const failure = podFailureOf(detail)
      if (!failure) continue
      found.push(failure)
      pods.add(failure.pod ?? detail.title)
    }
  }
  const fromReason = podFailureOfReason(checks.find((c) => c.id === 'rollout')?.reason)
  if (!found.length && !fromReason) return undefined
  const terminal = found.find((f) => TERMINAL_REASONS.has(f.reason))
  const base = fromReason ?? terminal ?? found[0]!
  const sameContainer = (f: Omit<PodFailure, 'pods'>): boolean =>
    !base.container || !f.container || f.container === base.container
  const withExit = found.find((f) => sameContainer(f) && f.exitCode !== undefined)
  const withLog = found.find((f) => sameContainer(f) && f.lastLogLine)
  if (fromReason?.pod) pods.add(fromReason.pod)
  return {
    reason: base.reason,
    ...((base.container ?? withExit?.container) ? { container: base.container ?? withExit?.container } : {}),
    ...((base.exitCode ?? withExit?.exitCode) !== undefined ? { exitCode: base.exitCode ?? withExit?.exitCode } : {}),
    ...((base.lastLogLine ?? withLog?.lastLogLine) ? { lastLogLine: base.lastLogLine ?? withLog?.lastLogLine } : {}),
    ...(base.pod ? { pod: base.pod } : {}),
    pods: Math.max(1, pods.size)
  }
}

/** `container api CrashLoopBackOff, exit code 1 — last log: panic: cannot start` (plain text). */
export function podFailureText(failure: PodFailure): string {
  const who = failure.container ? `container ${failure.container} ` : ''
  const exit = failure.exitCode !== undefined ? `, exit code ${failure.exitCode}` : ''
  const pods = failure.pods > 1 ? ` (${failure.pods} pods)` : failure.pod ? ` (pod ${failure.pod})` : ''
  const log = failure.lastLogLine ? ` — last log: ${failure.lastLogLine}` : ''
  return `${who}${failure.reason}${exit}${pods}${log}`
}

// ---------------------------------------------------------------------------------------------------
// Grouping

interface Row {
  where: string
  target?: TargetRef
  check: CheckResult
}

const symptom = (row: Row): Symptom => ({ where: row.where, id: row.check.id, title: row.check.title })

const worst = (rows: Row[]): 'failed' | 'inconclusive' =>
  rows.some((r) => r.check.status === 'failed') ? 'failed' : 'inconclusive'

function apiCauses(rows: Row[], claimed: Set<Row>): Cause[] {
  const causes: Cause[] = []
  const unreachable = rows.filter(
    (r) => API_UNREACHABLE.test(r.check.reason ?? '') || API_UNAUTHORIZED.test(r.check.reason ?? '')
  )
  if (unreachable.length) {
    const first = unreachable[0]!.check.reason ?? ''
    const down = API_UNREACHABLE.exec(first)
    const server = down?.[1] ?? API_UNAUTHORIZED.exec(first)?.[1] ?? ''
    const error = down ? shortError(down[2] ?? '') : '401 Unauthorized'
    causes.push({
      kind: 'api-unreachable',
      status: worst(unreachable),
      summary: down
        ? `Kubernetes API at ${server} unreachable: ${error}`
        : `Kubernetes API at ${server} rejected the credentials (401 Unauthorized)`,
      symptoms: unreachable.map(symptom),
      server,
      error
    })
    for (const r of unreachable) claimed.add(r)
  }
  const forbidden = rows.filter((r) => !claimed.has(r) && FORBIDDEN.test(r.check.reason ?? ''))
  if (forbidden.length) {
    const rules = [...new Set(forbidden.map((r) => FORBIDDEN.exec(r.check.reason ?? '')?.[1] ?? ''))].filter(Boolean)
    const what = (rules[0] ?? '').replace(/ — grant .*$/s, '')
    causes.push({
      kind: 'api-forbidden',
      status: worst(forbidden),
      summary: `permission missing: ${what}${rules.length > 1 ? ` (+${rules.length - 1} more rules)` : ''}`,
      symptoms: forbidden.map(symptom),
      rules
    })
    for (const r of forbidden) claimed.add(r)
  }
  return causes
}

function targetCauses(target: TargetResult, rows: Row[], claimed: Set<Row>): Cause[] {
  const mine = rows.filter((r) => r.target === target.ref && !claimed.has(r))
  const podRows = mine.filter((r) => POD_SYMPTOM_IDS.has(r.check.id))
  const causes: Cause[] = []
  const rollout = podRows.find((r) => r.check.id === 'rollout')
  const pod = podRows.length ? targetPodFailure(podRows.map((r) => r.check)) : undefined
  if (pod) {
    causes.push({
      kind: 'pod-failure',
      status: worst(podRows),
      target: target.ref,
      summary: podFailureText(pod),
      symptoms: podRows.map(symptom),
      pod
    })
    for (const r of podRows) claimed.add(r)
  } else if (rollout && rollout.check.status === 'failed') {
    const timedOut = /^timed out after /.test(rollout.check.reason ?? '')
    causes.push({
      kind: timedOut ? 'rollout-timeout' : 'rollout',
      status: 'failed',
      target: target.ref,
      summary: rollout.check.reason ?? rollout.check.actual,
      symptoms: podRows.map(symptom)
    })
    for (const r of podRows) claimed.add(r)
  }
  for (const r of mine) {
    if (claimed.has(r)) continue
    causes.push({
      kind: 'check',
      status: r.check.status === 'failed' ? 'failed' : 'inconclusive',
      target: target.ref,
      summary: `${r.check.title}: ${r.check.reason ?? r.check.actual}`,
      symptoms: [symptom(r)]
    })
    claimed.add(r)
  }
  return causes
}

function runLevelCauses(rows: Row[], claimed: Set<Row>): Cause[] {
  return (
    rows
      // A row that could not run because Prometheus is down belongs to that cause (see analysisCauses).
      .filter((r) => r.target === undefined && !claimed.has(r) && !prometheusOutage(r.check.reason))
      .map((r) => {
        claimed.add(r)
        const kind: CauseKind = r.check.id.startsWith('smoke:')
          ? 'smoke'
          : GITOPS_IDS.has(r.check.id)
            ? 'gitops'
            : 'check'
        return {
          kind,
          status: r.check.status === 'failed' ? 'failed' : 'inconclusive',
          summary: `${r.check.title}: ${r.check.reason ?? r.check.actual}`,
          symptoms: [symptom(r)]
        }
      })
  )
}

const LIMIT_WORDS = /(>|<) (max|min|baseline[^=]*?)(?: = )?(-?[\d.e+-]+)?(?:\s|$)/

/**
 * A metric's breach: the latest failed value (where it stands now), which limit it broke, and since
 * when (the first failed measurement); counted over every measurement, as the analysis table counts.
 */
export function metricBreach(check: MetricCheckResult): MetricBreach | undefined {
  const failed = check.measurements.filter((m) => m.phase === 'failed')
  const withValue = failed.filter((m) => typeof m.value === 'number' && Number.isFinite(m.value))
  const first = withValue[0]
  const latest = withValue[withValue.length - 1]
  if (!first || !latest || latest.value === null) return undefined
  const value = latest.value
  const measured = check.measurements.length
  const base = { metric: check.name, value, since: first.time, failed: failed.length, measured }
  const { max, min, baseline, maxIncrease, maxDecrease } = check.condition
  if (max !== undefined && value > max) return { ...base, limit: 'max', limitValue: max, comparator: '>' }
  if (min !== undefined && value < min) return { ...base, limit: 'min', limitValue: min, comparator: '<' }
  if (typeof baseline === 'number') {
    if (maxIncrease !== undefined && value > baseline * (1 + maxIncrease))
      return {
        ...base,
        limit: `baseline +${Number((maxIncrease * 100).toPrecision(3))} %`,
        limitValue: baseline * (1 + maxIncrease),
        comparator: '>'
      }
    if (maxDecrease !== undefined && value < baseline * (1 - maxDecrease))
      return {
        ...base,
        limit: `baseline -${Number((maxDecrease * 100).toPrecision(3))} %`,
        limitValue: baseline * (1 - maxDecrease),
        comparator: '<'
      }
  }
  // The condition does not say which limit (e.g. a judge's verdict): take the measurement's words.
  const words = LIMIT_WORDS.exec(first.message ?? '')
  if (!words) return undefined
  return { ...base, limit: words[2]!.trim(), limitValue: Number(words[3] ?? NaN), comparator: words[1] as '>' | '<' }
}

function outageOfMetric(check: MetricCheckResult): { server: string; error: string } | undefined {
  const errors = check.measurements.filter((m: Measurement) => m.phase === 'error')
  for (const m of errors) {
    const outage = prometheusOutage(m.message)
    if (outage) return outage
  }
  return prometheusOutage(check.reason)
}

/**
 * Analysis causes. `formatBreach` turns a breach into words (the report's units); the default is
 * plain numbers, so this module needs nothing from the report.
 */
function analysisCauses(
  result: RunResult,
  rows: Row[],
  claimed: Set<Row>,
  formatBreach: (breach: MetricBreach) => string
): Cause[] {
  const analysis = result.analysis
  const causes: Cause[] = []
  const enforced = (analysis?.checks ?? []).filter((c) => !c.dryRun && attention(c.status))
  const outages = enforced.map((c) => ({ check: c, outage: outageOfMetric(c) })).filter((o) => o.outage)
  const outageRows = rows.filter((r) => !claimed.has(r) && prometheusOutage(r.check.reason))
  const probe = [...(analysis?.reasons ?? []), ...result.reasons].map(prometheusOutage).find(Boolean)
  const outage =
    outages[0]?.outage ??
    (outageRows.length ? prometheusOutage(outageRows[0]!.check.reason) : undefined) ??
    (analysis && analysis.verdict !== 'passed' ? probe : undefined)
  if (outage) {
    for (const r of outageRows) claimed.add(r)
    causes.push({
      kind: 'prometheus-unreachable',
      status:
        outages.some((o) => o.check.status === 'failed') || outageRows.some((r) => r.check.status === 'failed')
          ? 'failed'
          : analysis?.verdict === 'failed' && !outages.length
            ? 'failed'
            : 'inconclusive',
      summary: `Prometheus at ${outage.server} unreachable: ${outage.error}`,
      symptoms: [
        ...outageRows.map(symptom),
        ...outages.map((o) => ({ where: 'metric', id: `metric:${o.check.name}`, title: o.check.name }))
      ],
      server: outage.server,
      error: outage.error
    })
  }
  for (const check of enforced) {
    if (outages.some((o) => o.check === check)) continue
    const metricSymptom = [{ where: 'metric', id: `metric:${check.name}`, title: check.name }]
    const breach = check.status === 'failed' ? metricBreach(check) : undefined
    causes.push({
      kind: breach ? 'metric-breach' : 'metric-inconclusive',
      status: check.status === 'failed' ? 'failed' : 'inconclusive',
      summary: breach ? formatBreach(breach) : check.reason,
      symptoms: metricSymptom,
      ...(breach ? { breach } : {})
    })
  }
  return causes
}

const plainBreach = (b: MetricBreach): string =>
  `${b.metric} ${b.value} ${b.comparator} ${b.limit} ${b.limitValue} since ${b.since.slice(11, 16)} (${b.failed} of ${b.measured} measurements)`

export interface GroupOptions {
  /** Words for a metric breach in the report's units (default: plain numbers). */
  formatBreach?: (breach: MetricBreach) => string
}

/** The causes of a run's failed and inconclusive rows, one per cause, failed first. */
export function groupCauses(result: RunResult, options: GroupOptions = {}): Cause[] {
  const rows: Row[] = [
    ...result.targets.flatMap((t) =>
      t.checks
        .filter((c) => attention(c.status))
        .map((check) => ({ where: targetLabelOf(t.ref), target: t.ref, check }))
    ),
    ...result.checks.filter((c) => attention(c.status)).map((check) => ({ where: 'run', check }))
  ]
  const claimed = new Set<Row>()
  const causes = [
    ...apiCauses(rows, claimed),
    ...result.targets.flatMap((t) => targetCauses(t, rows, claimed)),
    ...runLevelCauses(rows, claimed),
    ...analysisCauses(result, rows, claimed, options.formatBreach ?? plainBreach)
  ]
  if (!causes.length && result.verdict !== 'passed') {
    // A config error's reasons are its issues, the first one saying what happened (failure-result.ts).
    const config = /^invalid configuration\b/.test(result.reasons[0] ?? '')
    for (const reason of result.reasons) {
      causes.push({
        kind: config ? 'config' : 'other',
        status: result.verdict === 'failed' ? 'failed' : 'inconclusive',
        summary: reason,
        symptoms: []
      })
    }
  }
  // A stable sort keeps the rule order within each status.
  return causes.sort((a, b) => Number(a.status !== 'failed') - Number(b.status !== 'failed'))
}
