import { describe, expect, it, test } from '@jest/globals'
import {
  checkOneRollbackPerRun,
  checkTargetPodsHealthy,
  checkUnchangedSinceVerdict,
  stepAfterConflict,
  type ConflictRetryInput,
  type ConflictStep,
  type GuardResult
} from '../../src/decide/guards.js'
import type { WorkloadState } from '../../src/model/rollback.js'

describe('checkUnchangedSinceVerdict', () => {
  it.each<[string, WorkloadState, WorkloadState, boolean, RegExp | undefined]>([
    [
      'unchanged: proceed',
      { generation: 4, templateHash: 'bbb' },
      { generation: 4, templateHash: 'bbb' },
      true,
      undefined
    ],
    ['status-only updates do not count', { generation: 4 }, { generation: 4, templateHash: 'bbb' }, true, undefined],
    [
      'a new generation: someone else is acting',
      { generation: 4, templateHash: 'bbb' },
      { generation: 5, templateHash: 'bbb' },
      false,
      /generation 4 → 5.*someone else is acting/
    ],
    [
      'a new template: someone else is acting',
      { generation: 4, templateHash: 'bbb' },
      { generation: 4, templateHash: 'ccc' },
      false,
      /template changed.*bbb → ccc/
    ]
  ])('%s', (_name, judged, live, proceed, reason) => {
    const result: GuardResult = checkUnchangedSinceVerdict(judged, live)
    expect(result.proceed).toBe(proceed)
    if (!result.proceed && reason) expect(result.reason).toMatch(reason)
  })
})

describe('checkOneRollbackPerRun', () => {
  it.each<[string, string[], string, boolean]>([
    ['first rollback of the run', [], 'Deployment/shop/api', true],
    ['another workload in the same run', ['Deployment/shop/web'], 'Deployment/shop/api', true],
    ['a second rollback of the same workload', ['Deployment/shop/api'], 'Deployment/shop/api', false]
  ])('%s', (_name, done, key, proceed) => {
    const result = checkOneRollbackPerRun(done, key)
    expect(result.proceed).toBe(proceed)
    if (!result.proceed) expect(result.reason).toMatch(/at most one rollback per run/)
  })
})

describe('stepAfterConflict', () => {
  const base: ConflictRetryInput = {
    attempts: 1,
    maxAttempts: 3,
    judged: { generation: 4, templateHash: 'bbb' },
    live: { generation: 4, templateHash: 'bbb' },
    target: { revision: 1, templateHash: 'aaa' }
  }
  it.each<[string, Partial<ConflictRetryInput>, ConflictStep['next'], string | undefined]>([
    // Every row has all four columns: jest.each passes a `done` callback when a row is shorter than the function.
    ['a status update raced us: retry', {}, 'retry', undefined],
    ['second conflict still within budget', { attempts: 2 }, 'retry', undefined],
    ['budget spent: give up, nothing changed', { attempts: 3 }, 'stop', 'gave-up'],
    ['someone else deployed: stop', { live: { generation: 5, templateHash: 'ccc' } }, 'stop', 'changed'],
    [
      'another run (or our lost write) already restored the target',
      { live: { generation: 5, templateHash: 'aaa' } },
      'stop',
      'already-at-target'
    ],
    [
      'target marked failed meanwhile',
      { targetMark: { revision: 1, templateHash: 'aaa', reason: 'crash', at: '2026-01-01T00:00:00Z' } },
      'stop',
      'marked-failed'
    ]
  ])('%s', (_name, partial, next, outcome) => {
    const step = stepAfterConflict({ ...base, ...partial })
    expect(step.next).toBe(next)
    if (step.next === 'retry') expect(step.attempts).toBe((partial.attempts ?? base.attempts) + 1)
    else expect(step.outcome).toBe(outcome)
  })
})

describe('checkTargetPodsHealthy', () => {
  const target = { revision: 2, templateHash: 'bbb' }
  test.each([
    ['no pods of the target revision', [{ name: 'a', templateHash: 'ccc', signals: ['CrashLoopBackOff'] }], true],
    ['healthy pods of the target revision', [{ name: 'a', templateHash: 'bbb', signals: [] }], true],
    [
      'a crash-looping pod of the target revision',
      [{ name: 'db-2', templateHash: 'bbb', signals: ['CrashLoopBackOff'] }],
      false
    ]
  ])('%s', (_name, pods, proceed) => {
    expect(checkTargetPodsHealthy(target, pods).proceed).toBe(proceed)
  })

  test('names the pod and its signal', () => {
    const result = checkTargetPodsHealthy(target, [
      { name: 'db-2', templateHash: 'bbb', signals: ['CrashLoopBackOff'] }
    ])
    expect(result).toEqual({ proceed: false, reason: expect.stringContaining('pod db-2 shows CrashLoopBackOff') })
  })

  test('a target without a hash cannot be matched: proceed', () => {
    expect(
      checkTargetPodsHealthy({ revision: 2 }, [{ name: 'x', templateHash: 'bbb', signals: ['OOMKilled'] }]).proceed
    ).toBe(true)
  })
})
