/**
 * What a `canary` run did, step by step, for the reports (summary section, JSON record). Plain data.
 */
import type { Verdict } from './result.js'

/** One baseline-judge metric at one step, as the reports show it. */
export interface CanaryJudgeMetricReport {
  metric: string
  verdict: 'pass' | 'high' | 'low' | 'nodata'
  critical: boolean
  canary: { n: number; median: number | null }
  baseline: { n: number; median: number | null }
  /** Two-sided Mann-Whitney p-value; null without data. */
  pValue: number | null
  /** Canary mean / baseline mean; null when it has no meaning. */
  effectSize: number | null
}

/** One step as it ran: the weight asked for and in effect, and how each evaluation came out. */
export interface CanaryStepReport {
  /** 1-based, as users count steps. */
  number: number
  /** Percent of traffic asked for (absent: the step kept the previous weight). */
  weight?: number
  /** The canary's share actually in effect (replicas: canary pods / all pods), in percent. */
  effectiveWeight?: number
  /** ms */
  pause?: number
  /** Hotfix fast-track: the canary pods asked for. */
  replicas?: number
  /** `pause: manual`: the run stopped after this step for approval. */
  manual?: boolean
  /** How many times the step was evaluated again while holding for data (onNoData: hold). */
  holds?: number
  /** Health of the canary workload at this weight; `skipped` in a dry run. */
  health: Verdict | 'skipped'
  /** The PromQL checks over the pause; `skipped` when the step runs none. */
  analysis: Verdict | 'skipped'
  /** The baseline judge (canary.judge) at this step: Kayenta's outcome, score 0–100 and why. */
  judge?: {
    outcome: 'pass' | 'marginal' | 'fail' | 'inconclusive'
    score: number | null
    reason: string
    /** Per metric: sample sizes, medians, p-value, effect size and verdict (absent when no query ran). */
    metrics?: CanaryJudgeMetricReport[]
  }
  /** What the step machine decided after this step. */
  decision: 'advance' | 'hold' | 'promote' | 'abort' | 'pause'
  reason: string
  startedAt: string
  finishedAt: string
}

export interface CanaryReport {
  router: 'replicas' | 'gatewayHTTPRoute' | 'istioVirtualService' | 'nginxIngress' | 'serviceSelector'
  namespace: string
  stable: string
  canary: string
  /** The steps that ran, in order (steps after an abort are not listed). */
  steps: CanaryStepReport[]
  /** How many steps the config has. */
  plannedSteps: number
  /** The end of the run for the cluster: what was written, one line each (restore, promotion, scale-down). */
  writes: string[]
  /** True when this run (or the paused run it resumed) created the canary Deployment from the stable. */
  created?: boolean
  /** A resumed run: the 1-based step it went on from. */
  resumedAt?: number
  /** Where the run stands for the workflow (the `canary-state` output). */
  state?: 'paused' | 'promoted' | 'aborted'
  /** The 1-based step a resume starts at (the `canary-step` output); set when paused. */
  nextStep?: number
}
