/** The analysis section says how many measurements each check judged (issue 7, defect 5). */
import { describe, expect, it } from '@jest/globals'
import type { AnalysisResult, MetricCheckResult } from '../../src/model/result.js'
import { BUDGETS } from '../../src/report/budget.js'
import { judgedText, renderAnalysis } from '../../src/report/sections/analysis.js'

const at = '2025-01-01T10:00:00.000Z'
const check = (name: string, extra: Partial<MetricCheckResult>): MetricCheckResult => ({
  name,
  query: 'up',
  condition: { max: 0.01 },
  measurements: [{ time: at, value: 0.001, phase: 'successful', message: '0.001 <= max 0.01' }],
  status: 'passed',
  reason: `${name}: passed`,
  dryRun: false,
  ...extra
})

describe('judged counts in the analysis section', () => {
  it.each([
    [{ judged: 3, due: 5, planned: 5, required: 3 }, '3 of 5'],
    [{ judged: 1, due: 5, planned: 5, required: 3 }, '1 of 5 (a pass needs 3)'],
    [{ judged: 2, due: 2, planned: 10, required: 2 }, '2 of 2 due (10 planned; stopped early)']
  ])('%o → %s', (judged, text) => {
    expect(judgedText(judged)).toBe(text)
  })

  it('the overview gets a Judged column and each metric a line', () => {
    const analysis: AnalysisResult = {
      startedAt: at,
      finishedAt: at,
      verdict: 'inconclusive',
      reasons: ['error-rate: judged 1 of 5 measurements, fewer than the 3 required (minJudged)'],
      checks: [
        check('error-rate', {
          status: 'inconclusive',
          reason: 'error-rate: judged 1 of 5 measurements, fewer than the 3 required (minJudged)',
          judged: { judged: 1, due: 5, planned: 5, required: 3 }
        }),
        check('latency', { judged: { judged: 5, due: 5, planned: 5, required: 3 } })
      ]
    }
    const md = renderAnalysis(analysis, BUDGETS[0] as (typeof BUDGETS)[number])
    expect(md).toContain('| Metric | Condition | Last value | Judged | Status |')
    expect(md).toContain('| 1 of 5 (a pass needs 3) |')
    expect(md).toContain('| 5 of 5 |')
    expect(md).toContain('**Measurements judged:** 1 of 5 (a pass needs 3)')
  })

  it('results without judged counts keep the old table', () => {
    const analysis: AnalysisResult = {
      startedAt: at,
      finishedAt: at,
      verdict: 'passed',
      reasons: [],
      checks: [check('latency', {})]
    }
    const md = renderAnalysis(analysis, BUDGETS[0] as (typeof BUDGETS)[number])
    expect(md).toContain('| Metric | Condition | Last value | Status |')
    expect(md).not.toContain('judged')
  })
})
