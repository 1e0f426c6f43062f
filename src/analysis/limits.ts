/**
 * The outcome of one check from its measurements so far, with Argo Rollouts' limits. Pure.
 *
 * - failed when failures > failureLimit (no-data counts as a failure under onNoData `fail`);
 * - inconclusive when inconclusive > inconclusiveLimit (no-data counts here under `inconclusive`);
 * - query errors have their own budget: more than `errorLimit` *consecutive* errors make the check
 *   inconclusive; errors never count as failures or passes;
 * - a check whose run ended without a single judged pass is inconclusive, never passed (the false
 *   green of argo-rollouts#4479);
 * - a check passes only when enough of its measurements were *judged* (counted as a pass or a failure,
 *   no-data included when onNoData says pass or fail): at least `minJudged` of `count`, by default a
 *   majority (> count/2). Otherwise it is inconclusive: one good measurement followed by four query
 *   errors is not a pass (Argo's consecutive-error false green). When the run ended early (stopped or
 *   cancelled) the minimum applies in proportion to the measurements that were due;
 * - `decided` is true once no further measurement can change the status, so the loop can stop early.
 */
import type { NoDataPolicy } from '../config/types.js'
import type { JudgedCount, Measurement } from '../model/result.js'
import type { Observed } from './evaluate.js'
import { formatNumber as num } from './format.js'

export interface Limits {
  failureLimit: number
  inconclusiveLimit: number
  errorLimit: number
  /** Judged measurements a pass needs, out of `planned`; default a majority (floor(planned / 2) + 1). */
  minJudged?: number
}

/**
 * Judged measurements a pass needs out of `due`: `minJudged` (default a majority of `planned`), in
 * proportion when fewer than `planned` were due (a run cut short), never less than one.
 */
export function requiredJudged(minJudged: number | undefined, planned: number, due: number): number {
  const full = Math.min(minJudged ?? Math.floor(planned / 2) + 1, Math.max(planned, 1))
  if (due >= planned) return Math.max(1, full)
  return Math.max(1, Math.ceil((full * due) / Math.max(planned, 1)))
}

export type CheckStatus = 'running' | 'passed' | 'failed' | 'inconclusive'

export interface Tally {
  taken: number
  successes: number
  failures: number
  inconclusive: number
  errors: number
  /** Consecutive errors at the end of the list. */
  errorStreak: number
  /** Longest run of consecutive errors, and the last error of it. */
  longestErrorStreak: number
  longestStreakError?: string
}

export interface CheckOutcome {
  status: CheckStatus
  decided: boolean
  reason: string
  tally: Tally
  judged: JudgedCount
}

/** How a measurement counts, after the no-data policy. */
export function counted(m: Measurement, onNoData: NoDataPolicy): 'success' | 'failure' | 'inconclusive' | 'error' {
  switch (m.phase) {
    case 'successful':
      return 'success'
    case 'failed':
      return 'failure'
    case 'inconclusive':
      return 'inconclusive'
    case 'error':
      return 'error'
    case 'no-data':
      return onNoData === 'fail' ? 'failure' : onNoData === 'pass' ? 'success' : 'inconclusive'
  }
}

export function tally(measurements: Measurement[], onNoData: NoDataPolicy): Tally {
  const t: Tally = {
    taken: measurements.length,
    successes: 0,
    failures: 0,
    inconclusive: 0,
    errors: 0,
    errorStreak: 0,
    longestErrorStreak: 0
  }
  for (const m of measurements) {
    const kind = counted(m, onNoData)
    if (kind === 'error') {
      t.errors++
      t.errorStreak++
      if (t.errorStreak > t.longestErrorStreak) {
        t.longestErrorStreak = t.errorStreak
        t.longestStreakError = m.message
      }
      continue
    }
    t.errorStreak = 0
    if (kind === 'success') t.successes++
    else if (kind === 'failure') t.failures++
    else t.inconclusive++
  }
  return t
}

function lastMessage(measurements: Measurement[], test: (m: Measurement) => boolean): Measurement | undefined {
  return [...measurements].reverse().find(test)
}

/** `error-rate = 0.021 > max 0.005` when there is a value, `error-rate: no data (...)` when not. */
function subject(name: string, m: Measurement | undefined): string {
  if (!m) return name
  return m.value !== null ? `${name} = ${m.message ?? num(m.value)}` : `${name}: ${m.message ?? m.phase}`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export interface JudgeInput {
  name: string
  onNoData: NoDataPolicy
  measurements: Measurement[]
  limits: Limits
  /** Measurements planned for the whole run. */
  planned: number
  /** True when no more measurements will be taken (run finished, stopped early or cancelled). */
  complete: boolean
  /**
   * Why the run stopped before this check was decided, e.g. `error-rate failed`. A check that then
   * only has passes was cut short, not proven good, and its reason says so.
   */
  stoppedBy?: string
}

export function judgeCheck(input: JudgeInput): CheckOutcome {
  const { name, onNoData, measurements, limits, planned, complete, stoppedBy } = input
  const t = tally(measurements, onNoData)
  const judgedNow = t.successes + t.failures
  // A finished run was due only what it took; a running one is still due everything planned.
  const due = complete ? Math.min(t.taken, planned) : planned
  const judged: JudgedCount = {
    judged: judgedNow,
    due,
    planned,
    required: requiredJudged(limits.minJudged, planned, due)
  }
  const outcome = (status: CheckStatus, reason: string): CheckOutcome => ({
    status,
    decided: status !== 'running',
    reason,
    tally: t,
    judged
  })
  const of = `in ${t.failures} of ${plural(t.taken, 'measurement')}`
  const isFailure = (m: Measurement): boolean => counted(m, onNoData) === 'failure'
  const isInconclusive = (m: Measurement): boolean => counted(m, onNoData) === 'inconclusive'

  if (t.failures > limits.failureLimit) {
    const last = lastMessage(measurements, isFailure)
    return outcome('failed', `${subject(name, last)} ${of} (failureLimit ${limits.failureLimit})`)
  }
  if (t.longestErrorStreak > limits.errorLimit) {
    return outcome(
      'inconclusive',
      `${name}: Prometheus query failed ${t.longestErrorStreak} times in a row: ${t.longestStreakError ?? 'unknown error'}`
    )
  }
  if (t.inconclusive > limits.inconclusiveLimit) {
    const last = lastMessage(measurements, isInconclusive)
    return outcome(
      'inconclusive',
      `${subject(name, last)} in ${t.inconclusive} of ${plural(t.taken, 'measurement')} (inconclusiveLimit ${limits.inconclusiveLimit})`
    )
  }

  const remaining = Math.max(0, planned - t.taken)
  // Decided before the end only when nothing left can change it: the limits cannot be exceeded any
  // more, and enough measurements were already judged for the whole run.
  const cannotChange =
    t.successes > 0 &&
    judgedNow >= requiredJudged(limits.minJudged, planned, planned) &&
    t.failures + remaining <= limits.failureLimit &&
    t.inconclusive + remaining <= limits.inconclusiveLimit &&
    t.errorStreak + remaining <= limits.errorLimit
  if (!complete && remaining > 0 && !cannotChange) {
    return outcome('running', `${name}: ${t.taken} of ${planned} measurements taken`)
  }

  const lastError = lastMessage(measurements, (m) => m.phase === 'error')
  const errorsNote = lastError
    ? `${plural(t.errors, 'query error')}, last: ${lastError.message ?? 'unknown'}`
    : undefined
  if (t.successes === 0) {
    const why =
      t.taken === 0
        ? 'no measurement was taken'
        : judgedNow === 0
          ? `no measurement could be judged in ${plural(t.taken, 'attempt')}` + (errorsNote ? ` (${errorsNote})` : '')
          : `no measurement passed: ${t.failures} failed within failureLimit ${limits.failureLimit}`
    return outcome('inconclusive', `${name}: ${why}`)
  }

  if (judgedNow < judged.required) {
    const unjudged: string[] = []
    if (errorsNote) unjudged.push(errorsNote)
    if (t.inconclusive > 0) unjudged.push(`${t.inconclusive} inconclusive`)
    const dueText =
      due < planned ? `${plural(due, 'measurement')} due (${planned} planned)` : plural(due, 'measurement')
    return outcome(
      'inconclusive',
      `${name}: judged ${judgedNow} of ${dueText}, fewer than the ${judged.required} required (minJudged)` +
        (unjudged.length > 0 ? `; not judged: ${unjudged.join(', ')}` : '')
    )
  }

  const last = lastMessage(measurements, (m) => counted(m, onNoData) === 'success')
  const tolerated: string[] = []
  if (t.failures > 0) tolerated.push(`${t.failures} failed within failureLimit ${limits.failureLimit}`)
  if (t.inconclusive > 0)
    tolerated.push(`${t.inconclusive} inconclusive within inconclusiveLimit ${limits.inconclusiveLimit}`)
  if (t.errors > 0) tolerated.push(`${plural(t.errors, 'query error')} within errorLimit ${limits.errorLimit}`)
  const extra = tolerated.length > 0 ? `; ${tolerated.join(', ')}` : ''
  // Cut short by another check before this one was decided: what was measured passed, no more.
  if (t.taken < planned && !cannotChange && stoppedBy !== undefined) {
    return outcome(
      'passed',
      `${name}: ${t.successes} of ${plural(t.taken, 'measurement')} passed before the run stopped (${stoppedBy}), last ${last?.message ?? 'ok'}${extra}`
    )
  }
  const early = t.taken < planned ? ` (stopped after ${t.taken} of ${planned})` : ''
  return outcome(
    'passed',
    `${name}: passed ${t.successes} of ${plural(t.taken, 'measurement')}${early}, last ${last?.message ?? 'ok'}${extra}`
  )
}

/** The traffic query's total over its series, or null when there is no finite value (or an error). */
export function trafficTotal(observed: Observed): number | null {
  if (observed.kind !== 'values' || observed.values.length === 0) return null
  return observed.values.reduce((a, b) => a + b, 0)
}

/**
 * One tick of the minTraffic gate as a measurement for reports: `successful` at or above the floor,
 * `no-data` below it or without data, `error` when the traffic query failed.
 */
export function trafficMeasurement(observed: Observed, min: number, time: Date): Measurement {
  const gate = trafficGate(observed, min)
  const value = trafficTotal(observed)
  const warnings = observed.kind === 'values' && observed.warnings?.length ? { warnings: observed.warnings } : {}
  const base = { time: time.toISOString(), value, ...warnings }
  if (gate.open)
    return { ...base, phase: 'successful', message: `traffic ${num(value ?? 0)} >= minTraffic ${num(min)}` }
  if (gate.observed.kind === 'error') return { ...base, value: null, phase: 'error', message: gate.observed.message }
  return {
    ...base,
    phase: 'no-data',
    message: gate.observed.kind === 'no-data' ? gate.observed.why : 'no traffic data'
  }
}

/**
 * minTraffic: the traffic query's total (summed over series, traffic being additive) must reach
 * `min`; below it, or with no data or NaN, every check's measurement at that tick is no-data.
 */
export function trafficGate(observed: Observed, min: number): { open: true } | { open: false; observed: Observed } {
  if (observed.kind === 'error')
    return { open: false, observed: { kind: 'error', message: `minTraffic query failed: ${observed.message}` } }
  if (observed.kind === 'no-data') return { open: false, observed }
  if (observed.values.length === 0) {
    const what = observed.nonFinite.length > 0 ? `traffic ${observed.nonFinite[0]}` : 'no traffic data'
    return { open: false, observed: { kind: 'no-data', why: `${what}, below minTraffic ${num(min)}` } }
  }
  const total = trafficTotal(observed) ?? 0
  if (total < min)
    return { open: false, observed: { kind: 'no-data', why: `traffic ${num(total)} < minTraffic ${num(min)}` } }
  return { open: true }
}
