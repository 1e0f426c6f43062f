/**
 * The measurement loop: baselines for relative checks, then `count` ticks `interval` apart after
 * `initialDelay`, each measuring every undecided check at one evaluation time; stops as soon as the
 * verdict is certain. All I/O goes through `PrometheusQuerier`; time through `now`/`sleep`, so tests
 * can drive it with a fake clock.
 */
import type { AnalysisConfig, MetricCheckConfig } from '../config/types.js'
import type { AnalysisResult, Measurement, MetricCheckResult, MetricCondition } from '../model/result.js'
import { PrometheusError } from '../prometheus/errors.js'
import { observe } from '../prometheus/result.js'
import type { PrometheusQuerier } from '../prometheus/types.js'
import { type BaselineWindow, baselineRange, takeBaseline } from './baseline.js'
import { type Baseline, evaluate, isRelative, type Observed } from './evaluate.js'
import { judgeCheck, type Limits, trafficGate, trafficMeasurement } from './limits.js'
import { decideAnalysisVerdict } from '../decide/analysis-verdict.js'
import { sleep as defaultSleep } from '../util/sleep.js'

/** A check whose `query` is final (templated and validated by src/config). */
export type RenderedCheck = MetricCheckConfig

export type AnalysisSettings = Pick<
  AnalysisConfig,
  'initialDelay' | 'interval' | 'count' | 'failureLimit' | 'inconclusiveLimit' | 'errorLimit'
> &
  Partial<Pick<AnalysisConfig, 'minJudged'>>

export interface RunAnalysisOptions {
  checks: RenderedCheck[]
  minTraffic?: { query: string; min: number }
  settings: AnalysisSettings
  /** Needed by relative checks; defaults to the 10 minutes right before the analysis. */
  baselineWindow?: BaselineWindow
  prometheus: PrometheusQuerier
  now?: () => Date
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  onMeasurement?: (check: string, m: Measurement) => void
  /**
   * Whole-run dry run: the verdict is computed the same way (the caller words it "would have"), but
   * the loop does not stop early on a failure, so the shadow run shows the full window to tune on.
   */
  dryRun?: boolean
  /** Cancels the run (e.g. the job is cancelled); the verdict is then inconclusive. */
  signal?: AbortSignal
}

export const DEFAULT_BASELINE_WINDOW: BaselineWindow = { window: 10 * 60_000, offset: 0 }

interface CheckState {
  check: RenderedCheck
  baseline?: Baseline
  measurements: Measurement[]
  decided: boolean
  /** Why Prometheus refused this check's query (or the minTraffic query) as invalid; ends the check. */
  rejected?: string
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function measure(prometheus: PrometheusQuerier, query: string, time: Date): Promise<Observed> {
  try {
    const result = await prometheus.instantQuery(query, time)
    return { kind: 'values', ...observe(result.data), warnings: result.warnings }
  } catch (error) {
    // bad_data is Prometheus refusing the query itself (a type error the config check cannot see);
    // unlike a timeout or a 5xx it answers the same way every time.
    const rejected = error instanceof PrometheusError && error.errorType === 'bad_data'
    return { kind: 'error', message: errorText(error), ...(rejected ? { rejected } : {}) }
  }
}

/** The probe's one-line failure, or undefined when Prometheus answered (or there is no probe, or the run was cancelled). */
async function probe(prometheus: PrometheusQuerier, signal: AbortSignal | undefined): Promise<string | undefined> {
  if (!prometheus.probe) return undefined
  try {
    await prometheus.probe()
    return undefined
  } catch (error) {
    return signal?.aborted ? undefined : errorText(error)
  }
}

function conditionOf(state: CheckState): MetricCondition {
  const { max, min, maxIncrease, maxDecrease } = state.check
  const condition: MetricCondition = {}
  if (max !== undefined) condition.max = max
  if (min !== undefined) condition.min = min
  if (maxIncrease !== undefined) condition.maxIncrease = maxIncrease
  if (maxDecrease !== undefined) condition.maxDecrease = maxDecrease
  if (state.baseline) condition.baseline = state.baseline.value
  return condition
}

export async function runAnalysis(options: RunAnalysisOptions): Promise<AnalysisResult> {
  const { checks, settings, prometheus, signal } = options
  const now = options.now ?? (() => new Date())
  const sleep = options.sleep ?? defaultSleep
  const window = options.baselineWindow ?? DEFAULT_BASELINE_WINDOW
  const limits: Limits = settings
  const startedAt = now()

  // Fail fast when Prometheus cannot be queried at all (refused, DNS, TLS, 401/403, timeout), instead
  // of spending errorLimit × interval finding out; the one line names the URL and the cause.
  const unreachable = await probe(prometheus, signal)
  if (unreachable !== undefined) {
    const at = now().toISOString()
    return {
      startedAt: startedAt.toISOString(),
      finishedAt: at,
      checks: [],
      verdict: 'inconclusive',
      reasons: [unreachable]
    }
  }

  const states: CheckState[] = await Promise.all(
    checks.map(async (check) => ({
      check,
      baseline: isRelative(check) ? await takeBaseline(prometheus, check.query, check, startedAt, window) : undefined,
      measurements: [],
      decided: false
    }))
  )

  const judge = (s: CheckState, complete: boolean, stoppedBy?: string) =>
    judgeCheck({
      name: s.check.name,
      onNoData: s.check.onNoData,
      measurements: s.measurements,
      limits,
      planned: settings.count,
      complete,
      ...(stoppedBy !== undefined ? { stoppedBy } : {})
    })

  // The verdict is certain once an enforced check failed or every enforced check is decided. Dry-run
  // checks (and every check in a whole-run dry run) exist to be tuned, so they are measured for as
  // long as the run lasts — the full window when nothing is enforced — instead of stopping at their
  // first decision; their outcome is judged over everything measured (the limits are monotonic).
  const enforced = states.filter((s) => !s.check.dryRun)
  const shadow = (s: CheckState): boolean => options.dryRun === true || s.check.dryRun
  const certain = (): boolean => {
    if (options.dryRun || enforced.length === 0) return false
    if (enforced.some((s) => s.decided && judge(s, false).status === 'failed')) return true
    return enforced.every((s) => s.decided)
  }

  const traffic: Measurement[] = []
  let ticks = 0
  let stoppedEarly = false
  for (let tick = 0; tick < settings.count; tick++) {
    const due = startedAt.getTime() + settings.initialDelay + tick * settings.interval
    await sleep(Math.max(0, due - now().getTime()), signal)
    if (signal?.aborted) break
    const time = now()
    let gated: Observed | undefined
    let rejectedTraffic: string | undefined
    if (options.minTraffic) {
      const observed = await measure(prometheus, options.minTraffic.query, time)
      if (signal?.aborted && observed.kind === 'error') break
      if (observed.kind === 'error' && observed.rejected) rejectedTraffic = observed.message
      traffic.push(trafficMeasurement(observed, options.minTraffic.min, time))
      const gate = trafficGate(observed, options.minTraffic.min)
      if (!gate.open) gated = gate.observed
    }
    const active = states.filter((s) => !s.decided || shadow(s))
    const observations = await Promise.all(
      active.map((s) => (gated ? Promise.resolve(gated) : measure(prometheus, s.check.query, time)))
    )
    // A query error while the run is being cancelled is the cancellation, not a measurement: the run
    // ends with the answers it had.
    const cutShort = (o: Observed): boolean => signal?.aborted === true && o.kind === 'error'
    if (signal?.aborted && observations.every((o) => cutShort(o as Observed))) break
    active.forEach((s, i) => {
      const observed = observations[i] as Observed
      if (cutShort(observed)) return
      const m = evaluate(s.check, observed, time, s.baseline)
      s.measurements.push(m)
      // A rejected query would only be rejected again until errorLimit runs out: stop it now.
      if (rejectedTraffic !== undefined)
        s.rejected = `invalid minTraffic query, fix it in the config: ${rejectedTraffic}`
      else if (observed.kind === 'error' && observed.rejected)
        s.rejected = `invalid query, fix it in the config: ${observed.message}`
      s.decided = s.rejected !== undefined || judge(s, false).decided
      options.onMeasurement?.(s.check.name, m)
    })
    ticks++
    if (certain()) {
      stoppedEarly = tick < settings.count - 1
      break
    }
  }

  const finishedAt = now()
  const cancelled = signal?.aborted === true
  // When the run stopped before its planned end, a check that was still undecided was cut short: its
  // reason names what stopped the run instead of reading like a full pass.
  const statusAtStop = (s: CheckState): string => (s.rejected !== undefined ? 'inconclusive' : judge(s, false).status)
  const named = (status: string): string[] =>
    enforced.filter((s) => s.decided && statusAtStop(s) === status).map((s) => s.check.name)
  const [failedAtStop, inconclusiveAtStop] = [named('failed'), named('inconclusive')]
  const stoppedBy = !stoppedEarly
    ? undefined
    : failedAtStop.length > 0
      ? `${failedAtStop.join(', ')} failed`
      : inconclusiveAtStop.length > 0
        ? `${inconclusiveAtStop.join(', ')} inconclusive`
        : 'every enforced check was decided'
  const results: MetricCheckResult[] = states.map((s) => {
    const outcome = judge(s, true, s.decided ? undefined : stoppedBy)
    const undecidedAtCancel = cancelled && !s.decided
    const status = s.rejected !== undefined || undecidedAtCancel ? 'inconclusive' : outcome.status
    const from = s.baseline
      ? new Date(Math.min(baselineRange(startedAt, window).from.getTime(), startedAt.getTime()))
      : startedAt
    const to = new Date(Math.max(finishedAt.getTime(), startedAt.getTime() + settings.interval))
    return {
      name: s.check.name,
      query: s.check.query,
      condition: conditionOf(s),
      measurements: s.measurements,
      // A complete judgement is never 'running'; the fallback only satisfies the type.
      status: status === 'running' ? 'inconclusive' : status,
      reason:
        s.rejected !== undefined
          ? `${s.check.name}: ${s.rejected}`
          : undecidedAtCancel
            ? `${s.check.name}: analysis cancelled after ${ticks} of ${settings.count} measurements`
            : outcome.reason,
      dryRun: s.check.dryRun,
      judged: outcome.judged,
      graphUrl: prometheus.graphUrl(s.check.query, from, to)
    }
  })
  const { verdict, reasons } = decideAnalysisVerdict(results)
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    checks: results,
    verdict,
    reasons,
    ...(options.minTraffic
      ? { traffic: { query: options.minTraffic.query, min: options.minTraffic.min, measurements: traffic } }
      : {})
  }
}
