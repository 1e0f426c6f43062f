import { describe, expect, test } from '@jest/globals'
import { inferPreRolloutRevision } from '../../src/decide/pre-rollout.js'

const start = new Date('2026-11-30T10:00:00Z')
const lookbackMs = 15 * 60_000
const history = [
  { revision: 1, templateHash: 'aaa' },
  { revision: 2, templateHash: 'bbb' },
  { revision: 3, templateHash: 'ccc' }
]

describe('inferPreRolloutRevision', () => {
  test.each([
    [
      'a fresh rollout: the revision below the current one',
      '2026-11-30T09:59:50Z',
      3,
      { revision: 2, templateHash: 'bbb' }
    ],
    [
      'a rollout begun within the look-back still belongs to this deploy',
      '2026-11-30T09:50:00Z',
      3,
      { revision: 2, templateHash: 'bbb' }
    ],
    [
      'an owner older than the look-back: the deploy changed nothing',
      '2026-11-30T08:00:00Z',
      3,
      { revision: 3, templateHash: 'ccc' }
    ],
    ['no creation time: treated as fresh', undefined, 3, { revision: 2, templateHash: 'bbb' }],
    ['the first revision of a fresh workload has nothing before it', '2026-11-30T09:59:50Z', 1, undefined]
  ])('%s', (_name, createdAt, revision, expected) => {
    const current = { ...history[revision - 1], ...(createdAt ? { createdAt } : {}) }
    expect(inferPreRolloutRevision({ current, history, verifyStartedAt: start, lookbackMs })).toEqual(expected)
  })

  test('no current revision: unknown', () => {
    expect(inferPreRolloutRevision({ history, verifyStartedAt: start, lookbackMs })).toBeUndefined()
  })
})
