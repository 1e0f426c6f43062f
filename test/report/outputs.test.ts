import { describe, expect, test } from '@jest/globals'
import { buildOutputs, type AnalysisCheckOutput, type FailedCheckOutput } from '../../src/report/outputs.js'
import { analysisRun, dryRun, failedVerify, maliciousVerify, passedVerify } from './fixtures.js'

describe('buildOutputs', () => {
  test('a passed run', () => {
    const out = buildOutputs(passedVerify(), '/tmp/r.json')
    expect(out).toEqual({
      verdict: 'passed',
      action: 'none',
      'failed-checks': '[]',
      analysis: '[]',
      report: '/tmp/r.json',
      summary: 'deploy-guard verify passed — 7 checks passed; action: no action',
      'rolled-back-from': '',
      'rolled-back-to': '',
      'restored-verdict': '',
      rollback: '[]',
      snapshot: '[]',
      'canary-step': '',
      'canary-state': ''
    })
  })

  test('failed-checks lists the alerts gate of an analysis when it did not pass', () => {
    const run = analysisRun()
    run.analysis = {
      ...run.analysis!,
      alerts: {
        id: 'alerts',
        title: 'No critical alerts firing',
        expected: 'none new',
        actual: '1 firing: HighErrorRate',
        status: 'failed',
        reason: 'HighErrorRate began after the deploy'
      }
    }
    const rows = JSON.parse(buildOutputs(run, 'r.json')['failed-checks']!) as FailedCheckOutput[]
    expect(rows.find((r) => r.id === 'alerts')).toMatchObject({ status: 'failed', actual: '1 firing: HighErrorRate' })
  })

  test('failed-checks lists failed and inconclusive rows of targets and the run', () => {
    const out = buildOutputs(failedVerify(), 'r.json')
    const rows = JSON.parse(out['failed-checks']!) as FailedCheckOutput[]
    expect(rows.map((r) => [r.target, r.id, r.status])).toEqual([
      ['deployment/api', 'pods-running', 'failed'],
      ['deployment/api', 'events', 'failed'],
      [undefined, 'smoke:health', 'failed'],
      [undefined, 'argocd', 'inconclusive']
    ])
    expect(rows[0]).toEqual({
      target: 'deployment/api',
      namespace: 'production',
      id: 'pods-running',
      title: 'All pods Running',
      expected: '4 Running',
      actual: '2 Running, 2 CrashLoopBackOff',
      status: 'failed',
      reason: '2 pods are in CrashLoopBackOff (container api exits with code 1).'
    })
    expect(out.verdict).toBe('failed')
    expect(out.action).toBe('rolled-back')
    expect(out.summary).toBe(
      'deploy-guard verify failed — deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (+2 more causes); next: roll back: kubectl rollout undo deployment/api -n production; action: rolled back'
    )
  })

  test('metric checks appear as metric:<name>; dry-run metric checks do not', () => {
    const out = buildOutputs(analysisRun(), 'r.json')
    const rows = JSON.parse(out['failed-checks']!) as FailedCheckOutput[]
    expect(rows).toEqual([
      {
        id: 'metric:error-rate',
        title: 'error-rate',
        expected: '≤ 0.5 % (max)',
        actual: 'last 3 % (4 of 5 measurements with a value)',
        status: 'failed',
        reason: 'error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)'
      },
      {
        id: 'metric:saturation',
        title: 'saturation',
        expected: '≥ 1 B (min)',
        actual: 'last 5 B (1 of 3 measurements with a value)',
        status: 'inconclusive',
        reason: 'saturation: no data in 2 of 3 measurements (inconclusiveLimit 1)'
      }
    ])
  })

  test('analysis has every metric check with its values (null where none)', () => {
    const analysis = JSON.parse(buildOutputs(analysisRun(), 'r.json').analysis!) as AnalysisCheckOutput[]
    expect(analysis.map((a) => a.name)).toEqual(['error-rate', 'latency-p95 "quoted"', 'saturation', 'queue-depth'])
    expect(analysis[0]).toEqual({
      name: 'error-rate',
      status: 'failed',
      reason: 'error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)',
      dryRun: false,
      condition: { max: 0.005 },
      values: [0.001, 0.0051, 0.021, null, 0.03]
    })
    expect(analysis[3]?.dryRun).toBe(true)
  })

  test('values stay data (not escaped) and summary stays on one line', () => {
    const out = buildOutputs(maliciousVerify(), 'r.json')
    const rows = JSON.parse(out['failed-checks']!) as FailedCheckOutput[]
    expect(rows[0]?.actual).toBe('line1\nline2 `tick` **bold** [link](javascript:alert(1))')
    expect(out.summary).not.toMatch(/\n/)
  })

  test('dry run is marked in the summary line', () => {
    expect(buildOutputs(dryRun(), 'r.json').summary).toMatch(/^\[dry run\] deploy-guard verify failed/)
  })
})
