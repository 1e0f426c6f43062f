import { describe, expect, test } from '@jest/globals'
import { rollbackScope } from '../../src/decide/rollback-scope.js'
import type { CheckResult, RunResult, TargetRef, TargetResult } from '../../src/model/result.js'

const api: TargetRef = { kind: 'Deployment', name: 'api', namespace: 'prod' }
const web: TargetRef = { kind: 'Deployment', name: 'web', namespace: 'prod' }
const row = (status: CheckResult['status']): CheckResult => ({
  id: 'pods',
  title: 'Pods',
  expected: 'ready',
  actual: 'x',
  status
})
const target = (ref: TargetRef, status: CheckResult['status']): TargetResult => ({ ref, checks: [row(status)] })
type Input = Pick<RunResult, 'verdict' | 'targets' | 'checks' | 'analysis'>

describe('rollbackScope', () => {
  test.each<[string, Input, TargetRef[]]>([
    ['a passed run undoes nothing', { verdict: 'passed', targets: [target(api, 'passed')], checks: [] }, []],
    [
      'only the target that failed',
      { verdict: 'failed', targets: [target(api, 'failed'), target(web, 'passed')], checks: [] },
      [api]
    ],
    [
      'a failed smoke check implicates every target',
      { verdict: 'failed', targets: [target(api, 'passed'), target(web, 'passed')], checks: [row('failed')] },
      [api, web]
    ],
    [
      'a failed analysis implicates every target',
      {
        verdict: 'failed',
        targets: [target(api, 'passed')],
        checks: [],
        analysis: { startedAt: '', finishedAt: '', checks: [], verdict: 'failed', reasons: [] }
      },
      [api, web]
    ],
    ['analyze (no target results) implicates every target', { verdict: 'failed', targets: [], checks: [] }, [api, web]],
    [
      'inconclusive: the inconclusive target',
      { verdict: 'inconclusive', targets: [target(api, 'inconclusive'), target(web, 'passed')], checks: [] },
      [api]
    ],
    [
      'failed: an inconclusive target is not implicated',
      { verdict: 'failed', targets: [target(api, 'failed'), target(web, 'inconclusive')], checks: [] },
      [api]
    ]
  ])('%s', (_name, input, expected) => {
    expect(rollbackScope(input, [api, web])).toEqual(expected)
  })
})
