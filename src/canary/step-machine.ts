/**
 * The canary step machine (issue 10), pure: given the configured steps and how the current step's
 * evaluations came out, what happens next — advance to the next step, hold (wait and evaluate again),
 * promote, or abort. The I/O flow (src/commands/canary.ts) sets weights, runs evaluations and acts.
 *
 * The rules, most severe first:
 * - Any evaluation failed → abort, verdict failed.
 * - Any evaluation inconclusive → what `canary.onNoData` says: `hold` (default) while the step's
 *   deadline allows, then abort inconclusive; `inconclusive` aborts inconclusive at once; `abort`
 *   aborts with verdict failed. Silence is never evidence: a canary is promoted only on passed evaluations.
 * - A `pause: manual` step that would advance or promote pauses instead (a later run resumes at `next`).
 * - All passed → advance, or promote after the last step — but only if at least one step's analysis
 *   actually ran and passed (a canary judged on pod health alone would be promoted on silence).
 * - The baseline judge (Kayenta): a `fail` score fails, `inconclusive` (no data) is inconclusive, and a
 *   `marginal` score passes only while a later step judges again — the last judgement must be `pass`.
 */
import type { JudgeOutcome } from '../analysis/judge/types.js'
import type { Verdict } from '../model/result.js'

export interface CanaryStep {
  /** Percent of traffic to the canary (absent: keep the previous step's weight). */
  weight?: number
  /** How long the step lasts (ms); the analysis runs over it. */
  pause?: number
  /** false: this step runs no analysis (health only); true: it runs even without a pause. */
  analysis?: boolean
}

/** How the evaluations of one step came out; `skipped` = not run at this step. */
export interface StepEvaluation {
  health: Verdict | 'skipped'
  analysis: Verdict | 'skipped'
  /** The baseline judge's outcome (absent or `skipped`: not run at this step). */
  judge?: JudgeOutcome | 'skipped'
  /** Reasons of the evaluations that did not pass, most important first. */
  reasons: string[]
}

export interface StepContext {
  /** 0-based index of the step just evaluated. */
  index: number
  /** True while the step's deadline leaves room to evaluate again (a hold); false at the deadline. */
  canHold: boolean
  /** True when an earlier step's analysis ran and passed. */
  analysedBefore: boolean
  /** True when a later step runs the judge again (so a marginal score may go on); default false. */
  laterJudgement?: boolean
  /** What an inconclusive evaluation does (canary.onNoData); default `hold`. */
  onNoData?: 'hold' | 'inconclusive' | 'abort'
  /** The step is `pause: manual`: stop for approval instead of advancing or promoting. */
  manual?: boolean
}

export type StepDecision =
  | { action: 'advance'; next: number; reason: string }
  | { action: 'hold'; reason: string }
  | { action: 'promote'; reason: string }
  | { action: 'abort'; verdict: 'failed' | 'inconclusive'; reason: string }
  | { action: 'pause'; next: number; reason: string }

/** Whether a step runs the analysis: by default when it has a pause to measure over. */
export function stepRunsAnalysis(step: CanaryStep): boolean {
  return step.analysis ?? (step.pause !== undefined && step.pause > 0)
}

/** The weight in effect at step `index`: its own, else the last one set before it, else 0. */
export function weightAt(steps: readonly CanaryStep[], index: number): number {
  for (let i = index; i >= 0; i--) {
    const weight = steps[i]?.weight
    if (weight !== undefined) return weight
  }
  return 0
}

function because(evaluation: StepEvaluation, fallback: string): string {
  return evaluation.reasons[0] ?? fallback
}

/** The judge's outcome as a step verdict: marginal is good enough only when a later judgement follows. */
export function judgeVerdict(outcome: JudgeOutcome | 'skipped', laterJudgement: boolean): Verdict | 'skipped' {
  switch (outcome) {
    case 'pass':
      return 'passed'
    case 'marginal':
      return laterJudgement ? 'passed' : 'failed'
    case 'fail':
      return 'failed'
    case 'inconclusive':
      return 'inconclusive'
    default:
      return 'skipped'
  }
}

export function decideStep(
  steps: readonly CanaryStep[],
  evaluation: StepEvaluation,
  context: StepContext
): StepDecision {
  const { index } = context
  const label = `step ${index + 1} of ${steps.length}`
  const judge = judgeVerdict(evaluation.judge ?? 'skipped', context.laterJudgement ?? false)
  const outcomes = [evaluation.health, evaluation.analysis, judge]
  if (outcomes.includes('failed')) {
    const what =
      evaluation.health === 'failed'
        ? 'the canary is unhealthy'
        : evaluation.analysis === 'failed'
          ? 'the analysis failed'
          : `the baseline judge scored ${evaluation.judge}`
    return { action: 'abort', verdict: 'failed', reason: `${label}: ${because(evaluation, what)}` }
  }
  if (outcomes.includes('inconclusive')) {
    const what =
      evaluation.health === 'inconclusive'
        ? 'canary health unknown'
        : evaluation.analysis === 'inconclusive'
          ? 'the analysis was inconclusive'
          : 'the baseline judge had too little data'
    const reason = `${label}: ${because(evaluation, what)}`
    const onNoData = context.onNoData ?? 'hold'
    if (onNoData === 'hold' && context.canHold) return { action: 'hold', reason }
    if (onNoData === 'abort')
      return { action: 'abort', verdict: 'failed', reason: `${reason} (canary.onNoData: abort)` }
    return { action: 'abort', verdict: 'inconclusive', reason }
  }
  const analysed = context.analysedBefore || evaluation.analysis === 'passed' || judge === 'passed'
  if (context.manual) {
    return {
      action: 'pause',
      next: index + 1,
      reason: `${label} passed; paused for approval (resume with canary-resume: continue, or abort)`
    }
  }
  if (index + 1 < steps.length) {
    const next = index + 1
    return { action: 'advance', next, reason: `${label} passed; next weight ${weightAt(steps, next)} %` }
  }
  if (!analysed) {
    return {
      action: 'abort',
      verdict: 'inconclusive',
      reason: 'no step ran the analysis: a canary is never promoted on pod health alone (give a step a pause)'
    }
  }
  return { action: 'promote', reason: `all ${steps.length} step(s) passed` }
}
