/**
 * The one result model every command produces and every report renders (job summary, PR comment,
 * outputs, JSON record). Plain data only: no clients, no class instances, JSON-serialisable.
 */
import type { BlueGreenReport } from './blue-green.js'
import type { CanaryReport } from './canary.js'
import type { RollbackReport } from './rollback.js'
import type { TargetSnapshot } from './snapshot.js'

/** The overall answer of a run. A gate never lets `inconclusive` through, but it never rolls back either. */
export type Verdict = 'passed' | 'failed' | 'inconclusive'

/** What the run did to the cluster. Later commands (rollback, canary) fill the other values. */
export type ActionTaken = 'none' | 'rolled-back' | 'promoted' | 'aborted' | 'paused'

/** Status of one row of a checklist. `skipped` = not applicable or not configured (never counts). */
export type CheckStatus = 'passed' | 'failed' | 'inconclusive' | 'skipped'

/** A reference to a Kubernetes object the user asked us to look at. */
export interface TargetRef {
  kind: string
  name: string
  namespace: string
  /** Only needed for custom resources; built-in kinds know their own. */
  apiVersion?: string
}

/** Supporting evidence for a check, rendered under the table ("why did this fail?"). */
export interface CheckDetail {
  /** Short label, e.g. a pod name or `Warning BackOff`. */
  title: string
  /** Key facts as label/value pairs, e.g. waiting reason, exit code. */
  facts?: Array<{ label: string; value: string }>
  /** Preformatted text such as the last lines of a crashed container's previous log. */
  text?: string
}

/** One row of a post-deploy checklist: expected vs actual, with a status and a human reason. */
export interface CheckResult {
  /** Stable machine id, e.g. `rollout`, `pod-count`, `smoke:health`, `argocd`. */
  id: string
  /** Human title, e.g. `Rollout complete`. */
  title: string
  expected: string
  actual: string
  status: CheckStatus
  /** One sentence a human can act on; required when status is failed or inconclusive. */
  reason?: string
  details?: CheckDetail[]
  /**
   * Why a passed row should not be read as good news, e.g. a smoke check that ran against the old
   * revision's pods while the rollout failed. Never changes the status or the verdict.
   */
  caveat?: string
}

/** Verification results for one target (workload or custom resource). */
export interface TargetResult {
  ref: TargetRef
  /** Revision the checks were run against (Deployment revision or ControllerRevision number). */
  revision?: string
  /** Images of the current pod template, by container name. */
  images?: Record<string, string>
  /**
   * The revision before this one (the highest older revision the workload still records), so
   * reports can say `v1.2.2 → v1.2.3`; the target a rollback would return to.
   */
  previous?: { revision: string; images: Record<string, string> }
  /** When the rollout being verified began (ISO): "since the deploy" for events, restarts, baselines. */
  rolloutStartedAt?: string
  /**
   * The workload as it was judged (generation and the current revision's template hash): a rollback
   * proceeds only while the live object still matches, so it never undoes someone else's change.
   */
  judged?: { generation: number; templateHash?: string }
  /**
   * The revision that was live before this rollout began, as verify could tell it (the current one when
   * the deploy changed nothing): the default rollback target when no snapshot was taken.
   */
  preRollout?: { revision: number; templateHash?: string }
  /** Who deploys this workload, as detected from its labels/annotations (the deployment method). */
  managedBy?: { tool: 'kubectl' | 'helm' | 'argocd' | 'flux'; detail: string }
  checks: CheckResult[]
}

/** Phase of one PromQL measurement (Argo Rollouts vocabulary plus an explicit no-data). */
export type MeasurementPhase = 'successful' | 'failed' | 'inconclusive' | 'error' | 'no-data'

export interface Measurement {
  /** ISO-8601 time the query was evaluated at. */
  time: string
  /** The scalar the condition was applied to; null when there was no usable value (no data, NaN, error). */
  value: number | null
  phase: MeasurementPhase
  /** Why this phase, e.g. `0.021 > max 0.005`, `no data (onNoData: inconclusive)`, `HTTP 503`. */
  message?: string
  /** Warnings Prometheus returned with the result. */
  warnings?: string[]
}

/** The condition a metric check applies, as configured (resolved baseline included when relative). */
export interface MetricCondition {
  max?: number
  min?: number
  /** Relative limits as fractions (0.1 = +10 %), compared with `baseline`. */
  maxIncrease?: number
  maxDecrease?: number
  /** Value of the same query over the pre-deploy window, when a relative limit is used. */
  baseline?: number | null
}

export interface MetricCheckResult {
  name: string
  /** The query exactly as sent to Prometheus (after templating). */
  query: string
  condition: MetricCondition
  measurements: Measurement[]
  /** Outcome of this check after limits; `skipped` never used here. */
  status: Exclude<CheckStatus, 'skipped'>
  /** e.g. `error-rate = 0.021 > max 0.005 in 3 of 10 measurements (failureLimit 0)`. */
  reason: string
  /** A dry-run check is reported but never affects the verdict. */
  dryRun: boolean
  /** Link to the Prometheus graph of the query over the analysis window, when the URL is known. */
  graphUrl?: string
  /** How many measurements were judged (a pass needs `required` of the `due` ones). */
  judged?: JudgedCount
}

/** Measurements counted as a pass or a failure, against those due, planned and required for a pass. */
export interface JudgedCount {
  judged: number
  /** `planned`, or fewer when the run ended early (stopped or cancelled). */
  due: number
  planned: number
  required: number
}

export interface AnalysisResult {
  startedAt: string
  finishedAt: string
  checks: MetricCheckResult[]
  /** Verdict of the analysis alone (dry-run checks excluded). */
  verdict: Verdict
  reasons: string[]
  /**
   * The minTraffic gate, when configured: the traffic query as sent, its floor, and each tick's total
   * (`successful` at or above the floor, `no-data` below it or without data, `error` on a query error).
   * Below the floor every check's measurement of that tick is no-data.
   */
  traffic?: { query: string; min: number; measurements: Measurement[] }
  /**
   * The "no critical alerts firing" check, when `alerts` is configured: read at the end of the
   * analysis and already folded into `verdict` and `reasons` (a gate for analyze and canary steps).
   */
  alerts?: CheckResult
}

export type CommandName = 'verify' | 'analyze' | 'snapshot' | 'rollback' | 'canary'

/** Everything a run produced. This is also the JSON record written for later steps and audit. */
export interface RunResult {
  command: CommandName
  startedAt: string
  finishedAt: string
  verdict: Verdict
  action: ActionTaken
  /** Human reasons for the verdict, most important first. */
  reasons: string[]
  /** True when the whole run was a dry run: the verdict is what it would have decided. */
  dryRun: boolean
  targets: TargetResult[]
  /** Run-level checks that belong to no single target: smoke checks, GitOps state, Helm release. */
  checks: CheckResult[]
  analysis?: AnalysisResult
  /** The act stage: what the rollback policy decided and what each target's rollback did. */
  rollback?: RollbackReport
  /** The cluster the run talked to: kubeconfig context and API server (no credentials). */
  cluster?: { context?: string; server?: string }
  /** `snapshot`: what was recorded per target (also stored on each workload as an annotation). */
  snapshots?: TargetSnapshot[]
  /** `canary`: every step with its weight, evaluations and decision, and what was written at the end. */
  canary?: CanaryReport
  /** `canary` with `strategy: blueGreen`: each phase, the Services' selectors before and after, what was written. */
  blueGreen?: BlueGreenReport
}
