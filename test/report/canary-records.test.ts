/**
 * The records of a canary run (issue 10, acceptance 2 and 7): the headline, job summary and PR comment
 * say where the canary stopped and why (`aborted at step 1 of 4 (weight 5 %): error-rate 5.1× the
 * baseline (p=0.001)`), what was left behind (routing restored, canary at 0), and a promotion names
 * its steps. Built from the judge's own words (explainJudgement), as the command builds them.
 */
import { describe, expect, it } from '@jest/globals'
import { explainJudgement, formatPValue, metricFinding } from '../../src/analysis/judge/explain.js'
import type { JudgeScore, MetricJudgement } from '../../src/analysis/judge/types.js'
import { metricReport } from '../../src/commands/canary-judge.js'
import type { CanaryReport, CanaryStepReport } from '../../src/model/canary.js'
import type { RunResult } from '../../src/model/result.js'
import { headline } from '../../src/report/headline.js'
import { commentMarker, renderPrComment } from '../../src/report/pr-comment.js'
import { renderSummary } from '../../src/report/summary.js'

const errorRate: MetricJudgement = {
  metric: 'error-rate',
  verdict: 'high',
  critical: true,
  canary: { n: 20, median: 0.051, mean: 0.051 },
  baseline: { n: 20, median: 0.01, mean: 0.01 },
  pValue: 0.001,
  shift: { estimate: 0.041, lower: 0.035, upper: 0.047 },
  effectSize: 5.1,
  reason: 'error-rate: the canary is higher'
}
const latency: MetricJudgement = {
  metric: 'latency-p95',
  verdict: 'pass',
  critical: false,
  canary: { n: 20, median: 0.12, mean: 0.12 },
  baseline: { n: 20, median: 0.118, mean: 0.119 },
  pValue: 0.41,
  shift: { estimate: 0.002, lower: -0.004, upper: 0.008 },
  effectSize: 1.01,
  reason: 'latency-p95: passed'
}
const failScore: JudgeScore = {
  score: 50,
  outcome: 'fail',
  criticalFailures: ['error-rate'],
  criticalNodata: [],
  groups: [],
  reason: 'Critical metric error-rate failed (score 50).'
}

const step = (over: Partial<CanaryStepReport>): CanaryStepReport => ({
  number: 1,
  health: 'passed',
  analysis: 'passed',
  decision: 'advance',
  reason: 'step passed',
  startedAt: '2026-03-04T10:00:00Z',
  finishedAt: '2026-03-04T10:10:00Z',
  ...over
})

const canaryReport = (steps: CanaryStepReport[], writes: string[]): CanaryReport => ({
  router: 'replicas',
  namespace: 'shop',
  stable: 'api',
  canary: 'api-canary',
  plannedSteps: 4,
  steps,
  writes
})

const run = (over: Partial<RunResult>): RunResult => ({
  command: 'canary',
  startedAt: '2026-03-04T10:00:00Z',
  finishedAt: '2026-03-04T10:10:05Z',
  verdict: 'failed',
  action: 'aborted',
  reasons: [],
  dryRun: false,
  targets: [],
  checks: [],
  ...over
})

function judgeAborted(): RunResult {
  const reason = explainJudgement(failScore, [errorRate, latency])
  return run({
    reasons: [`step 1 of 4: baseline judge: ${reason}`],
    canary: canaryReport(
      [
        step({
          weight: 5,
          pause: 600_000,
          judge: { outcome: 'fail', score: 50, reason, metrics: [errorRate, latency].map(metricReport) },
          decision: 'abort',
          reason: `step 1 of 4: baseline judge: ${reason}`
        })
      ],
      ['routing restored: api and api-canary back to their replicas', 'canary api-canary scaled to 0']
    )
  })
}

describe("the judge's words", () => {
  it('names the metric, the effect size against the baseline and the p-value', () => {
    expect(metricFinding(errorRate)).toBe('error-rate 5.1× the baseline (p=0.001)')
    expect(formatPValue(0.0004)).toBe('p<0.001')
    expect(metricFinding(latency)).toBeUndefined()
    expect(explainJudgement(failScore, [latency, errorRate])).toBe(
      'error-rate 5.1× the baseline (p=0.001) — critical, score 50'
    )
  })

  it('gives the score for a non-critical failure, and a marginal score without telling anyone to go on', () => {
    const slow: MetricJudgement = { ...latency, verdict: 'high', effectSize: 1.3, pValue: 0.0004 }
    const score = (value: number, outcome: JudgeScore['outcome'], reason: string): JudgeScore => ({
      ...failScore,
      score: value,
      outcome,
      criticalFailures: [],
      reason
    })
    expect(explainJudgement(score(50, 'fail', 'Score 50 < marginal 75.'), [slow])).toBe(
      'latency-p95 1.3× the baseline (p<0.001) — score 50 < marginal 75'
    )
    expect(
      explainJudgement(
        score(80, 'marginal', 'Score 80 is below pass 95 but ≥ marginal 75: continue, do not promote on it.'),
        [slow]
      )
    ).toBe('latency-p95 1.3× the baseline (p<0.001) — score 80 is below pass 95 but ≥ marginal 75')
    expect(
      explainJudgement(
        { ...failScore, score: 100, outcome: 'pass', criticalFailures: [], reason: 'Score 100 ≥ pass 95.' },
        [latency]
      )
    ).toBe('Score 100 ≥ pass 95.')
  })

  it('falls back to the two means when the baseline mean is 0 (no ratio)', () => {
    const zero = { ...errorRate, effectSize: null, baseline: { n: 20, median: 0, mean: 0 } }
    expect(metricFinding(zero)).toBe('error-rate 0.051 vs 0 in the baseline (p=0.001)')
  })
})

describe('records of an aborted canary', () => {
  it('the headline says where and why, and that the routing is restored with the canary at 0', () => {
    const h = headline(judgeAborted())
    expect(h.title).toBe('deploy-guard canary: failed')
    expect(h.cause).toBe(
      'aborted at step 1 of 4 (weight 5 %): error-rate 5.1× the baseline (p=0.001) — critical, score 50'
    )
    expect(h.next).toBe(
      'routing restored, traffic back on api; canary api-canary at 0; fix the new version, then run the canary again'
    )
  })

  it('a failed analysis check is the why when it stopped the step, with the weight in effect', () => {
    const result = run({
      reasons: ['step 2 of 4: errors-vs-baseline = 5 > max 3 in 1 of 1 measurement (failureLimit 0)'],
      canary: canaryReport(
        [
          step({ weight: 5 }),
          step({
            number: 2,
            analysis: 'failed',
            decision: 'abort',
            reason: 'step 2 of 4: errors-vs-baseline = 5 > max 3 in 1 of 1 measurement (failureLimit 0)'
          })
        ],
        ['routing restored: api and api-canary back to their replicas']
      )
    })
    expect(headline(result).cause).toMatch(/^aborted at step 2 of 4 \(weight 5 %\): errors-vs-baseline/)
  })

  it('a hotfix fast-track step is named by its canary pods', () => {
    const result = judgeAborted()
    const [first] = result.canary!.steps
    result.canary!.steps = [{ ...first!, weight: undefined, replicas: 1 }]
    expect(headline(result).cause).toMatch(/^aborted at step 1 of 4 \(1 canary pod\): error-rate 5\.1× the baseline/)
  })

  it('says so when the routing could not be restored', () => {
    const result = judgeAborted()
    result.reasons.push('could not restore the routing: 409 Conflict')
    result.canary!.writes = ['canary api-canary scaled to 0']
    expect(headline(result).next).toMatch(/^could not restore the routing: 409 Conflict: check the routing by hand/)
  })

  it('the summary shows the judge per metric: sample sizes, medians, p-value, effect size, verdict', () => {
    const summary = renderSummary(judgeAborted())
    expect(summary).toContain('#### Baseline judge')
    expect(summary).toContain('| 1 | error-rate (critical) | 0.051 (n=20) | 0.01 (n=20) | 0.001 | 5.1× | ❌ higher |')
    expect(summary).toContain('| 1 | latency-p95 | 0.12 (n=20) | 0.118 (n=20) | 0.41 | 1.01× | ✅ pass |')
  })

  it('the PR comment leads with the same words and keeps the steps one click away', () => {
    const result = judgeAborted()
    const h = headline(result)
    const body = renderPrComment({
      result,
      facts: { environment: 'production' },
      marker: commentMarker('production', []),
      headline: h.markdown
    })
    expect(body).toContain('aborted at step 1 of 4 (weight 5 %): error-rate 5.1× the baseline (p=0.001)')
    expect(body).toContain('routing restored, traffic back on api; canary api-canary at 0')
    expect(body).toContain('<summary>Canary steps (1 of 4)</summary>')
    expect(body).toContain('| 1 | error-rate (critical) |')
  })
})

describe('records of a promoted canary', () => {
  it('names the steps it went through and the judge at each', () => {
    const pass = { outcome: 'pass' as const, score: 100, reason: 'Score 100 ≥ pass 95.' }
    const result = run({
      verdict: 'passed',
      action: 'promoted',
      canary: canaryReport(
        [
          step({ weight: 5, judge: pass }),
          step({ number: 2, weight: 25, judge: pass }),
          step({ number: 3, weight: 50, judge: pass }),
          step({ number: 4, weight: 100, analysis: 'skipped', decision: 'promote' })
        ],
        ["stable api given the canary's pod spec, 4 replica(s)", 'canary api-canary scaled to 0']
      )
    })
    expect(headline(result).cause).toBe(
      'promoted api-canary to api after 4 of 4 steps (5 % → 25 % → 50 % → 100 %); baseline judge pass 100, pass 100, pass 100'
    )
  })
})
