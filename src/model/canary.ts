/**
 * What a `canary` run did, step by step, for the reports (summary section, JSON record). Plain data.
 */
import type { Verdict } from './result.js'

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
  /** Health of the canary workload at this weight; `skipped` in a dry run. */
  health: Verdict | 'skipped'
  /** The PromQL checks over the pause; `skipped` when the step runs none. */
  analysis: Verdict | 'skipped'
  /** The baseline judge (canary.judge) at this step: Kayenta's outcome, score 0–100 and why. */
  judge?: { outcome: 'pass' | 'marginal' | 'fail' | 'inconclusive'; score: number | null; reason: string }
  /** What the step machine decided after this step. */
  decision: 'advance' | 'hold' | 'promote' | 'abort'
  reason: string
  startedAt: string
  finishedAt: string
}

export interface CanaryReport {
  router: 'replicas'
  namespace: string
  stable: string
  canary: string
  /** The steps that ran, in order (steps after an abort are not listed). */
  steps: CanaryStepReport[]
  /** How many steps the config has. */
  plannedSteps: number
  /** The end of the run for the cluster: what was written, one line each (restore, promotion, scale-down). */
  writes: string[]
}
