/**
 * Named reports to render (`npm run render -- <name>`), built from the report tests' fixtures: what an
 * on-call engineer sees after a failed verify that was rolled back, after a passed one, and on the PR.
 */
import type { MetricCheckResult, RunResult } from '../src/model/result.js'
import { commentMarker, renderPrComment, type CommentFacts } from '../src/report/pr-comment.js'
import { renderSummary } from '../src/report/summary.js'
import { analysisRun, passedVerify, rolledBackVerify } from '../test/report/fixtures.js'

export interface ReportScenario {
  /** What the page shows, for people. */
  description: string
  /** The run whose verdict the page must open with. */
  leading: RunResult
  markdown: () => string
}

/** A failed verify with PromQL analysis (charts) whose rollback landed and whose restored version is healthy. */
export function failedWithRollback(): RunResult {
  const analysis = analysisRun().analysis
  if (!analysis) throw new Error('fixture analysisRun() has no analysis')
  return { ...rolledBackVerify('rolled-back'), analysis }
}

/** A passed verify whose analysis passed too: error rate well under its limit, latency on baseline. */
export function passedWithAnalysis(): RunResult {
  const fixture = analysisRun().analysis
  if (!fixture) throw new Error('fixture analysisRun() has no analysis')
  const errorRate = fixture.checks.find((c) => c.name === 'error-rate') as MetricCheckResult
  const latency = fixture.checks.find((c) => c.status === 'passed') as MetricCheckResult
  const values = [0.0011, 0.0009, 0.0014, 0.0012, 0.001]
  const healthyErrorRate: MetricCheckResult = {
    ...errorRate,
    measurements: values.map((value, i) => ({
      time: new Date(Date.parse('2025-03-04T10:00:00Z') + i * 30_000).toISOString(),
      value,
      phase: 'successful'
    })),
    status: 'passed',
    reason: 'error-rate ≤ max 0.005 in 5 of 5 measurements'
  }
  return {
    ...passedVerify(),
    analysis: { ...fixture, checks: [healthyErrorRate, latency], verdict: 'passed', reasons: [] }
  }
}

const facts = (sha: string): CommentFacts => ({
  environment: 'production',
  runUrl: 'https://github.com/octo/shop/actions/runs/42',
  actor: 'octocat',
  sha,
  commitUrl: `https://github.com/octo/shop/commit/${sha}`
})

/** The sticky comment after two runs: a passed deploy, then a failed one that was rolled back. */
export function prCommentTwoRuns(): string {
  const first = passedWithAnalysis()
  const second = failedWithRollback()
  const marker = commentMarker(
    'production',
    second.targets.map((t) => t.ref)
  )
  const previousBody = renderPrComment({ result: first, facts: facts('1111111aaaaaaa'), marker })
  return renderPrComment({ result: second, facts: facts('2222222bbbbbbb'), marker, previousBody })
}

export const REPORT_SCENARIOS: Record<string, ReportScenario> = {
  'summary-failed-rollback': {
    description: 'job summary: failed verify, failing analysis with charts, rolled back',
    leading: failedWithRollback(),
    markdown: () => renderSummary(failedWithRollback())
  },
  'summary-passed': {
    description: 'job summary: passed verify with passing analysis',
    leading: passedWithAnalysis(),
    markdown: () => renderSummary(passedWithAnalysis())
  },
  'pr-comment-two-runs': {
    description: 'sticky PR comment: the failed, rolled-back run on top, the earlier passed run collapsed',
    leading: failedWithRollback(),
    markdown: prCommentTwoRuns
  }
}
