import { describe, expect, it } from '@jest/globals'
import { decideAnalysisSkip } from '../../src/decide/skip-analysis.js'
import type { CheckStatus, TargetResult } from '../../src/model/result.js'

const target = (...statuses: CheckStatus[]): TargetResult => ({
  ref: { kind: 'Deployment', name: 'api', namespace: 'shop' },
  checks: statuses.map((status, i) => ({ id: `c${i}`, title: `check ${i}`, expected: 'x', actual: 'y', status }))
})

describe('decideAnalysisSkip', () => {
  it.each<[string, number, TargetResult[], boolean, boolean]>([
    ['no metric checks configured: nothing to skip', 0, [target('failed')], false, false],
    ['rollout healthy: analysis runs', 2, [target('passed', 'skipped')], false, false],
    ['an inconclusive rollout still measures', 2, [target('inconclusive')], false, false],
    ['rollout checks failed: skip', 2, [target('passed'), target('failed')], false, true],
    ['a dry run measures even a failed rollout', 2, [target('failed')], true, false],
    ['no targets: analysis runs', 1, [], false, false]
  ])('%s', (_name, configured, targets, dryRun, skipped) => {
    const skip = decideAnalysisSkip(configured, targets, dryRun)
    expect(skip !== undefined).toBe(skipped)
    if (skip) {
      expect(skip.row).toMatchObject({ id: 'analysis', status: 'skipped', expected: `${configured} metric check(s)` })
      expect(skip.row.reason).toMatch(/rollout checks already failed/)
    }
  })
})
