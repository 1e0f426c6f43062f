import { describe, expect, it } from '@jest/globals'
import { applyCancellation, CANCELLED_REASON } from '../../src/decide/cancellation.js'
import type { Decision } from '../../src/decide/verdict.js'

describe('applyCancellation', () => {
  it.each<[string, Decision, boolean, Decision]>([
    ['not cancelled: unchanged', { verdict: 'passed', reasons: [] }, false, { verdict: 'passed', reasons: [] }],
    [
      'a cancelled run never passes',
      { verdict: 'passed', reasons: [] },
      true,
      { verdict: 'inconclusive', reasons: [CANCELLED_REASON] }
    ],
    [
      'what failed before the cancellation still failed',
      { verdict: 'failed', reasons: ['crash'] },
      true,
      { verdict: 'failed', reasons: [CANCELLED_REASON, 'crash'] }
    ],
    [
      'inconclusive stays inconclusive, cancellation named first',
      { verdict: 'inconclusive', reasons: ['API down'] },
      true,
      { verdict: 'inconclusive', reasons: [CANCELLED_REASON, 'API down'] }
    ]
  ])('%s', (_name, decision, cancelled, expected) => {
    expect(applyCancellation(decision, cancelled)).toEqual(expected)
  })
})
