/**
 * The baseline judge at one canary step (Kayenta's canary-vs-baseline): each `canary.judge` metric is
 * queried over the step's window once per track ({{track}} = the canary's, then the baseline's
 * version), compared by judgeMetric (Mann-Whitney U) and scored by scoreJudgements. The queries are
 * the only I/O, through the small PrometheusQuerier interface; the judgement is the pure judge's.
 */
import { judgeMetric, scoreJudgements, type JudgeScore, type MetricJudgement } from '../analysis/judge/index.js'
import type { CanaryJudgeConfig } from '../config/schema-canary.js'
import { renderTemplate } from '../config/template.js'
import type { PrometheusQuerier } from '../prometheus/types.js'
import { rangeSamples } from './judge-samples.js'

export interface JudgeWindow {
  start: Date
  end: Date
  stepSeconds: number
}

export interface StepJudgement {
  score: JudgeScore
  judgements: MetricJudgement[]
}

export async function judgeStep(
  judge: CanaryJudgeConfig,
  prometheus: PrometheusQuerier,
  window: JudgeWindow,
  tracks: { canary: string; baseline: string },
  values: Record<string, string>
): Promise<StepJudgement> {
  const judgements: MetricJudgement[] = []
  for (const metric of judge.metrics) {
    const series = async (track: string): Promise<number[]> => {
      const query = renderTemplate(metric.query, { ...values, track })
      return rangeSamples((await prometheus.rangeQuery(query, window.start, window.end, window.stepSeconds)).data)
    }
    const canary = await series(tracks.canary)
    const baseline = await series(tracks.baseline)
    judgements.push(
      judgeMetric(canary, baseline, {
        name: metric.name,
        direction: metric.direction,
        allowedIncrease: metric.allowedIncrease,
        allowedDecrease: metric.allowedDecrease,
        critical: metric.critical,
        nanStrategy: metric.nanStrategy,
        minSamples: metric.minSamples,
        confidence: judge.confidence,
        ...(metric.group !== undefined ? { group: metric.group } : {})
      })
    )
  }
  const score = scoreJudgements(judgements, {
    pass: judge.pass,
    marginal: judge.marginal,
    ...(judge.groups ? { groups: judge.groups } : {})
  })
  return { score, judgements }
}
