import { describe, expect, it } from '@jest/globals'
import { classifyRollback, type RollbackOutcomeInput } from '../../src/decide/rollback-outcome.js'
import type { RollbackState } from '../../src/model/rollback.js'

const ref = { kind: 'Deployment', name: 'api', namespace: 'shop' }

describe('classifyRollback', () => {
  it.each<[string, Partial<RollbackOutcomeInput>, RollbackState, RegExp, string[]]>([
    ['never attempted', { write: 'not-attempted' }, 'not-started', /nothing was changed/, []],
    [
      'landed and healthy',
      { write: 'landed', restoredVerdict: 'passed' },
      'rolled-back',
      /from revision 2 to revision 1; the restored version is healthy/,
      []
    ],
    [
      'half done: landed, restored version unhealthy',
      { write: 'landed', restoredVerdict: 'failed' },
      'rolled-back-unhealthy',
      /restored version is failed: the rollback is half done/,
      ['kubectl rollout status deployment/api -n shop', 'kubectl rollout history deployment/api -n shop']
    ],
    [
      'landed, inconclusive restored verdict is still half done',
      { write: 'landed', restoredVerdict: 'inconclusive' },
      'rolled-back-unhealthy',
      /inconclusive/,
      ['kubectl rollout status deployment/api -n shop', 'kubectl rollout history deployment/api -n shop']
    ],
    [
      'landed, wait cut short',
      { write: 'landed' },
      'rolled-back-unverified',
      /not verified before the run ended/,
      ['kubectl rollout status deployment/api -n shop', 'kubectl rollout history deployment/api -n shop']
    ],
    [
      'rejected: nothing changed, here is the undo to run',
      { write: 'rejected', writeError: 'forbidden: add patch on deployments' },
      'failed',
      /failed: forbidden.*nothing was changed/,
      ['kubectl rollout undo deployment/api -n shop --to-revision=1', 'kubectl rollout status deployment/api -n shop']
    ],
    [
      'unknown: check history before undoing',
      { write: 'unknown', writeError: 'connection reset' },
      'unknown',
      /may or may not have landed/,
      [
        'kubectl rollout history deployment/api -n shop',
        'kubectl rollout undo deployment/api -n shop --to-revision=1',
        'kubectl rollout status deployment/api -n shop'
      ]
    ]
  ])('%s', (_name, partial, state, summary, manual) => {
    const outcome = classifyRollback({ ref, toRevision: 1, fromRevision: 2, write: 'landed', ...partial })
    expect(outcome.state).toBe(state)
    expect(outcome.summary).toMatch(summary)
    expect(outcome.manual).toEqual(manual)
  })

  it('quotes anything that is not a plain name, so a copied command stays one argument', () => {
    const outcome = classifyRollback({ ref: { ...ref, name: "a b'; rm -rf /" }, toRevision: 3, write: 'rejected' })
    expect(outcome.manual[0]).toBe(`kubectl rollout undo 'deployment/a b'\\''; rm -rf /' -n shop --to-revision=3`)
  })
})
