/** Shapes of the baseline judge: what a metric is judged with, and what the judgement says. */

/** Which change counts against the canary. */
export type Direction = 'increase' | 'decrease' | 'either'
/** Non-finite points (NaN, ±Inf): `remove` drops them; `replace` counts them as 0 (for counts). */
export type NanStrategy = 'remove' | 'replace'

export interface MetricJudgeOptions {
  name: string
  direction: Direction
  /** Largest tolerated canary/baseline mean ratio for an increase (≥ 1; 1.2 = 20 % more is fine). */
  allowedIncrease: number
  /** Smallest tolerated ratio for a decrease (≤ 1; 0.8 = 20 % less is fine). */
  allowedDecrease: number
  critical: boolean
  nanStrategy: NanStrategy
  /** Fewer points on either side after the NaN strategy: the metric is `nodata`, never a pass. */
  minSamples: number
  /** Confidence level of the shift interval, 0 < confidence < 1. */
  confidence: number
  group?: string
}

export type MetricVerdict = 'pass' | 'high' | 'low' | 'nodata'

export interface SampleSummary {
  /** Points judged (after the NaN strategy). */
  n: number
  /** null when there is no point. */
  median: number | null
  mean: number | null
}

export interface MetricJudgement {
  metric: string
  verdict: MetricVerdict
  critical: boolean
  group?: string
  canary: SampleSummary
  baseline: SampleSummary
  /** Two-sided Mann-Whitney p-value; null for nodata. */
  pValue: number | null
  /** Hodges–Lehmann shift canary − baseline and its interval at `confidence`; null for nodata. */
  shift: { estimate: number; lower: number; upper: number } | null
  /** Canary mean / baseline mean; null when it has no meaning (no data, a zero or negative mean). */
  effectSize: number | null
  /** One sentence a human can act on. */
  reason: string
}

export interface ScoreOptions {
  /** Score ≥ pass: the step passes. */
  pass: number
  /** Score ≥ marginal: continue, but never promote on it. */
  marginal: number
  /** Group weights; when given, every metric names one of them. */
  groups?: Record<string, number>
}

export type JudgeOutcome = 'pass' | 'marginal' | 'fail' | 'inconclusive'

export interface GroupScore {
  name: string
  weight: number
  passed: number
  failed: number
  nodata: number
  /** 100 × passed / (passed + failed); null when no metric of the group has data. */
  score: number | null
}

export interface JudgeScore {
  /** 0–100; null when no metric has data. */
  score: number | null
  outcome: JudgeOutcome
  /** Critical metrics that failed (high or low). */
  criticalFailures: string[]
  /** Critical metrics without data. */
  criticalNodata: string[]
  groups: GroupScore[]
  reason: string
}
