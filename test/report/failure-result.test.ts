import { describe, expect, test } from '@jest/globals'
import { configIssueReasons, configIssuesAnnotation, failureResult } from '../../src/report/failure-result.js'
import { buildOutputs } from '../../src/report/outputs.js'

const issues = [
  { path: 'verify.timeout', message: 'expected a duration like 30s, got "ten"' },
  { path: 'inputs.target', message: 'expected kind/name' }
]

describe('failureResult', () => {
  test('a config error yields every output, failed-checks and analysis as []', () => {
    const result = failureResult('analyze', new Date('2025-01-01T00:00:00Z'), configIssueReasons(issues))
    const outputs = buildOutputs(result, '/tmp/r.json')
    expect(outputs).toEqual({
      verdict: 'inconclusive',
      action: 'none',
      'failed-checks': '[]',
      analysis: '[]',
      report: '/tmp/r.json',
      summary:
        'deploy-guard analyze inconclusive — invalid configuration, nothing was sent to the cluster or to Prometheus: verify.timeout: expected a duration like 30s, got "ten" (+1 more problem); next: fix verify.timeout in the config and re-run; action: no action',
      'rolled-back-from': '',
      'rolled-back-to': '',
      'restored-verdict': '',
      rollback: '[]',
      snapshot: '[]',
      'canary-step': '',
      'canary-state': ''
    })
  })

  test('the annotation has one header, then one line per issue', () => {
    expect(configIssuesAnnotation(issues).split('\n')).toEqual([
      'Invalid deploy-guard configuration (2 problems); nothing was sent to the cluster:',
      'verify.timeout: expected a duration like 30s, got "ten"',
      'inputs.target: expected kind/name'
    ])
  })
})
