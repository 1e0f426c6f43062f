import { describe, expect, it } from '@jest/globals'
import { decideAnalysisVerdict } from '../../src/decide/analysis-verdict.js'
import type { MetricCheckResult } from '../../src/model/result.js'

const check = (name: string, status: MetricCheckResult['status'], dryRun = false): MetricCheckResult => ({
  name,
  query: 'up',
  condition: { max: 1 },
  measurements: [],
  status,
  reason: `${name} is ${status}`,
  dryRun
})

describe('decideAnalysisVerdict', () => {
  it.each([
    ['all passed', [check('a', 'passed'), check('b', 'passed')], 'passed', ['a is passed', 'b is passed']],
    [
      'a failure wins, inconclusive reasons follow',
      [check('a', 'inconclusive'), check('b', 'failed')],
      'failed',
      ['b is failed', 'a is inconclusive']
    ],
    [
      'inconclusive when nothing failed',
      [check('a', 'passed'), check('b', 'inconclusive')],
      'inconclusive',
      ['b is inconclusive']
    ],
    [
      'dry-run failures never move the verdict',
      [check('a', 'passed'), check('shadow', 'failed', true)],
      'passed',
      ['a is passed', 'dry run (not enforced): shadow would be failed: shadow is failed']
    ],
    [
      'only dry-run checks',
      [check('shadow', 'passed', true)],
      'passed',
      ['no enforced checks: all 1 checks are dry run']
    ]
  ] as const)('%s', (_name, checks, verdict, reasons) => {
    expect(decideAnalysisVerdict([...checks])).toEqual({ verdict, reasons })
  })
})
