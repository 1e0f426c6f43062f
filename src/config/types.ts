/**
 * The validated configuration every command works from. Produced once, before anything touches a
 * cluster, from the YAML config file plus action inputs (see src/config/load.ts). Durations are
 * milliseconds, percentages are fractions (10 % = 0.1). Sections are optional so the config can grow
 * (rollback, canary) without breaking older files.
 */
import type { TargetRef } from '../model/result.js'
import type { CanaryConfig } from './schema-canary.js'
import type { AlertsConfig } from './schema-alerts.js'

export type { CanaryConfig } from './schema-canary.js'
export type { AlertsConfig } from './schema-alerts.js'

export type NoDataPolicy = 'fail' | 'pass' | 'inconclusive'

export interface ExpectConfig {
  /** Expected ready pods of the current revision; defaults to spec.replicas (or desired for DaemonSets). */
  replicas?: number
  /** Expected image of every container (single-container workloads) */
  image?: string
  /** Expected image per container name. */
  images?: Record<string, string>
}

export interface SmokeCheckConfig {
  name: string
  url: string
  method: 'GET' | 'HEAD' | 'POST'
  /** Accepted HTTP statuses. */
  expectStatus: number[]
  /** Response body must contain this substring. */
  bodyContains?: string
  /** A JSON field (dot path, e.g. `status` or `checks.db`) that must equal `equals`. */
  json?: { path: string; equals: string | number | boolean }
  headers: Record<string, string>
  retries: number
  delay: number
  timeout: number
}

export interface GitOpsConfig {
  argocd?: { application: string; namespace: string; revision?: string }
  flux?: { kind: 'Kustomization' | 'HelmRelease'; name: string; namespace: string }
  helm?: { release: string; namespace?: string }
}

export interface VerifyConfig {
  /** Maximum wait for the rollout to complete. */
  timeout: number
  /** How long a terminal pod signal (CrashLoopBackOff, ImagePullBackOff, ...) may last before failing fast. */
  failFastAfter: number
  /** Time between polls while waiting. */
  pollInterval: number
  /** Targets verified at the same time (1–64; default 8, applied by src/verify/targets.ts). */
  concurrency?: number
  expect: ExpectConfig
  allowRestarts: number
  /** `any`: at least `minReady` ready addresses; `all`: every pod of the workload ready in the endpoints. */
  endpoints: { require: 'any' | 'all'; minReady: number }
  /** Warning event reasons to ignore (e.g. a known noisy `FailedMount`). */
  ignoreEventReasons: string[]
  smoke: SmokeCheckConfig[]
  gitops: GitOpsConfig
}

export interface MetricCheckConfig {
  name: string
  /** Query template, e.g. with `{{namespace}}`; parsed as PromQL after templating. */
  query: string
  max?: number
  min?: number
  /** Relative limits against a pre-deploy baseline of the same query (fractions). */
  maxIncrease?: number
  maxDecrease?: number
  onNoData: NoDataPolicy
  /** NaN and ±Inf are treated as no data unless set to `fail`. */
  onNaN: 'no-data' | 'fail'
  dryRun: boolean
}

export interface AnalysisConfig {
  initialDelay: number
  interval: number
  count: number
  /** Failed when failures > failureLimit (Argo semantics). */
  failureLimit: number
  /** Inconclusive when inconclusive (incl. no-data judged inconclusive) > inconclusiveLimit. */
  inconclusiveLimit: number
  /** Consecutive query errors tolerated; one more makes the check inconclusive. Never a failure. */
  errorLimit: number
  /**
   * Measurements of `count` that must be judged (a pass or a failure, not a query error or no data)
   * for a check to pass; fewer make it inconclusive. The schema always resolves it (from a number, a
   * share, or by default a majority of `count`); absent in hand-built configs means a majority.
   */
  minJudged?: number
  /** Below this traffic the measurement is no-data, not a pass. */
  minTraffic?: { query: string; min: number }
  /** Window before the deploy used for relative (maxIncrease/maxDecrease) checks. */
  baseline: { window: number; offset: number }
  checks: MetricCheckConfig[]
}

export interface PrometheusConfig {
  url: string
  /** Bearer token (masked). */
  token?: string
  basicAuth?: { username: string; password: string }
  headers: Record<string, string>
  /** PEM CA bundle path or content. */
  ca?: string
  insecureSkipTlsVerify: boolean
  /** Per-request timeout. */
  timeout: number
  retries: number
}

export interface RollbackConfig {
  /** Roll back when the verdict is `failed` (default true). */
  onFailure: boolean
  /** Roll back when the verdict is `inconclusive` (default false: an unknown never triggers an undo). */
  onInconclusive: boolean
  /** Where to: `recorded` (the snapshot's revision, else the one live before the rollout), `previous`, or a revision. */
  to: 'recorded' | 'previous' | number
  /** Helm-managed workloads: `helm` runs `helm rollback` (default); `kubectl` undoes the workload directly. */
  helm: 'helm' | 'kubectl'
  /** Argo CD-managed workloads: `refuse` (default, with the command to run) or `sync` (as `argocd app rollback`). */
  argocd: 'refuse' | 'sync'
  /** Delete a StatefulSet pod stuck on the bad revision after the undo (Kubernetes' forced rollback). */
  forceStatefulSet: boolean
  /** Also run the PromQL checks against the restored version (default: the workload checks only). */
  analysis: boolean
  /** Why, for a manual rollback (the `reason` input); stored in the failed-revision mark. */
  reason?: string
}

/** A verdict or action worth a notification (`notify-on`). */
export type NotifyEvent = 'failed' | 'inconclusive' | 'rolled-back' | 'passed'

/**
 * Where a run's record goes besides the job summary, outputs and JSON record: the sticky PR comment,
 * GitHub Deployment statuses, the versions file, a webhook. From inputs only (they name this
 * workflow's places, not the team's policy).
 */
export interface RecordsConfig {
  /** GitHub environment of the deploy (`environment`): the Deployment's environment, the comment's key. */
  environment?: string
  /** Where the deployed service answers (`environment-url`), shown on the Deployment. */
  environmentUrl?: string
  /** `pr-number`: wins over the PR found from the event. */
  prNumber?: number
  /** `comment-on-pr`: `auto` (default) comments when a PR is found. */
  commentOnPr: 'auto' | boolean
  /** `deployment-status`: `auto` (default) writes statuses when `environment` is set. */
  deploymentStatus: 'auto' | boolean
  /** `record-path`: also write the JSON record here (in the workspace, for a later step to upload). */
  recordPath?: string
  /** `versions-file`: the YAML versions file to update (`components: { api: "1.2.3" }`). */
  versionsFile?: string
  /** `notify-webhook` (a secret): Slack-compatible webhook URL. */
  notifyWebhook?: string
  /** `notify-on`: which outcomes notify (default failed, inconclusive, rolled-back). */
  notifyOn: NotifyEvent[]
}

export const DEFAULT_NOTIFY_ON: readonly NotifyEvent[] = ['failed', 'inconclusive', 'rolled-back']

export interface DeployGuardConfig {
  targets: TargetRef[]
  /** User template variables for queries, in addition to namespace/target/version. */
  variables: Record<string, string>
  /** Version of the deploy (for `{{version}}` and reports); defaults to the image tag of the first target. */
  version?: string
  dryRun: boolean
  verify: VerifyConfig
  analysis?: AnalysisConfig
  prometheus?: PrometheusConfig
  rollback: RollbackConfig
  /** Progressive steps, the traffic router and the optional baseline judge (the `canary` command). */
  canary?: CanaryConfig
  /** The "no critical alerts firing" check (verify, and a gate in analyze/canary). */
  alerts?: AlertsConfig
  /** Set from inputs after validation (absent in hand-built configs: nothing beyond the step's own surfaces). */
  records?: RecordsConfig
}

/** One problem found while loading the config; all of them are reported together. */
export interface ConfigIssue {
  /** Dotted path, e.g. `verify.smoke[0].url` or `inputs.target`. */
  path: string
  message: string
}
