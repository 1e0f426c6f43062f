import { describe, expect, it } from '@jest/globals'
import {
  chooseRollbackTarget,
  type RollbackRefusal,
  type RollbackTargetInput
} from '../../src/decide/rollback-target.js'
import type { FailedRevisionMark, HistoryRevision } from '../../src/model/rollback.js'

const rev = (revision: number, templateHash: string, failedMark?: FailedRevisionMark): HistoryRevision =>
  failedMark ? { revision, templateHash, failedMark } : { revision, templateHash }

const mark = (revision: number, templateHash: string): FailedRevisionMark => ({
  revision,
  templateHash,
  reason: 'CrashLoopBackOff',
  runUrl: 'https://github.com/o/r/actions/runs/1',
  at: '2026-01-01T00:00:00Z'
})

// v1 (hash aaa) was live, the deploy made v2 (hash bbb), which fails.
const history = [rev(1, 'aaa'), rev(2, 'bbb')]
const base: RollbackTargetInput = {
  to: 'recorded',
  recorded: { source: 'snapshot', revision: 1, templateHash: 'aaa' },
  current: { revision: 2, templateHash: 'bbb' },
  history
}

type Expected = { revision: number; reason?: RegExp } | { refusal: RollbackRefusal; reason: RegExp }

describe('chooseRollbackTarget', () => {
  it.each<[string, Partial<RollbackTargetInput>, Expected]>([
    [
      'recorded (default): the snapshot revision',
      {},
      { revision: 1, reason: /from revision 2 to revision 1, the revision recorded by the snapshot/ }
    ],
    [
      'recorded without a snapshot: the revision live before the rollout began',
      { recorded: { source: 'pre-rollout', revision: 1, templateHash: 'aaa' } },
      { revision: 1, reason: /live before the rollout began/ }
    ],
    [
      'recorded is matched by template hash after renumbering (old number gone)',
      {
        // An earlier undo restored aaa as revision 3; the deploy then made ccc (revision 4).
        recorded: { source: 'snapshot', revision: 1, templateHash: 'aaa' },
        current: { revision: 4, templateHash: 'ccc' },
        history: [rev(2, 'bbb'), rev(3, 'aaa'), rev(4, 'ccc')]
      },
      { revision: 3 }
    ],
    [
      'a same-numbered revision with another hash is not the recorded one',
      {
        recorded: { source: 'snapshot', revision: 1, templateHash: 'aaa' },
        current: { revision: 3, templateHash: 'ccc' },
        history: [rev(1, 'zzz'), rev(3, 'ccc')]
      },
      { refusal: 'recorded-not-in-history', reason: /no longer in the workload's history/ }
    ],
    [
      'no recorded revision: refuse and say what to do',
      { recorded: undefined },
      { refusal: 'no-recorded', reason: /command: snapshot/ }
    ],
    [
      'no-op deploy: the failing revision is the recorded one → leave it alone',
      { current: { revision: 1, templateHash: 'aaa' } },
      {
        refusal: 'no-op-deploy',
        reason:
          /the failing revision 1 is the one that was running before the deploy; deploy-guard does not roll back past it/
      }
    ],
    [
      'no-op deploy refuses even with to: previous',
      {
        to: 'previous',
        current: { revision: 2, templateHash: 'bbb' },
        recorded: { source: 'pre-rollout', revision: 2, templateHash: 'bbb' }
      },
      { refusal: 'no-op-deploy', reason: /does not roll back past it/ }
    ],
    [
      'no-op deploy detected by hash after renumbering',
      { current: { revision: 3, templateHash: 'aaa' }, history: [rev(2, 'bbb'), rev(3, 'aaa')] },
      { refusal: 'no-op-deploy', reason: /failing revision 3/ }
    ],
    [
      'previous: the highest revision below the current one',
      {
        to: 'previous',
        history: [rev(1, 'aaa'), rev(2, 'bbb'), rev(3, 'ccc')],
        current: { revision: 3, templateHash: 'ccc' },
        recorded: undefined
      },
      { revision: 2, reason: /the previous revision/ }
    ],
    [
      'previous stops at the recorded revision when it is newer than older history',
      {
        to: 'previous',
        recorded: { source: 'snapshot', revision: 3, templateHash: 'ccc' },
        current: { revision: 5, templateHash: 'eee' },
        history: [rev(1, 'aaa'), rev(2, 'bbb'), rev(4, 'ccc'), rev(5, 'eee')]
      },
      { revision: 4 }
    ],
    [
      'previous older than a pruned pre-deploy revision is refused',
      {
        to: 'previous',
        // The recorded revision 3 was pruned; what is left below the current one is older than it.
        recorded: { source: 'snapshot', revision: 3, templateHash: 'ccc' },
        current: { revision: 5, templateHash: 'eee' },
        history: [rev(1, 'aaa'), rev(2, 'bbb'), rev(5, 'eee')]
      },
      { refusal: 'past-pre-deploy', reason: /revision 2 is older than revision 3 that was running before the deploy/ }
    ],
    [
      'an explicit revision older than the pre-deploy one is refused after a verdict',
      {
        to: 1,
        recorded: { source: 'snapshot', revision: 2, templateHash: 'bbb' },
        current: { revision: 3, templateHash: 'ccc' },
        history: [rev(1, 'aaa'), rev(2, 'bbb'), rev(3, 'ccc')]
      },
      { refusal: 'past-pre-deploy', reason: /revision 1 is older than revision 2 that was running before the deploy/ }
    ],
    [
      "manual: an explicit older revision is the engineer's choice",
      {
        to: 1,
        trigger: 'manual',
        recorded: { source: 'snapshot', revision: 2, templateHash: 'bbb' },
        current: { revision: 3, templateHash: 'ccc' },
        history: [rev(1, 'aaa'), rev(2, 'bbb'), rev(3, 'ccc')]
      },
      { revision: 1, reason: /requested revision/ }
    ],
    [
      'manual rollback of the running recorded version: previous is allowed',
      { to: 'previous', trigger: 'manual', current: { revision: 1, templateHash: 'aaa' }, history: [rev(1, 'aaa')] },
      { refusal: 'no-previous', reason: /no revision before the current revision 1/ }
    ],
    ['explicit revision', { to: 1 }, { revision: 1 }],
    [
      "explicit revision missing: kubectl's text",
      { to: 7 },
      { refusal: 'not-in-history', reason: /^unable to find specified revision 7 in history$/ }
    ],
    ['explicit revision 0 or negative is invalid', { to: -1 }, { refusal: 'invalid-revision', reason: /revision -1/ }],
    [
      'explicit revision already running',
      { to: 2, trigger: 'manual' },
      { refusal: 'already-at-target', reason: /already running/ }
    ],
    [
      'never TO a revision marked failed',
      { to: 'previous', recorded: undefined, history: [rev(1, 'aaa', mark(1, 'aaa')), rev(2, 'bbb')] },
      {
        refusal: 'marked-failed',
        reason: /revision 1 was marked failed by https:\/\/github.com\/o\/r\/actions\/runs\/1 .*CrashLoopBackOff/
      }
    ],
    [
      'loop safety: after an undo, a second failing run does not flip back to the bad version',
      {
        // Run 1 rolled bbb (rev 2, marked) back to aaa, now revision 3; run 2 judges aaa failed too.
        to: 'previous',
        recorded: undefined,
        current: { revision: 3, templateHash: 'aaa' },
        history: [rev(2, 'bbb', mark(2, 'bbb')), rev(3, 'aaa')]
      },
      { refusal: 'marked-failed', reason: /never rolls back to a revision marked failed/ }
    ],
    [
      'loop safety with a recorded target: the restored version is the recorded one → no-op',
      { current: { revision: 3, templateHash: 'aaa' }, history: [rev(2, 'bbb', mark(2, 'bbb')), rev(3, 'aaa')] },
      { refusal: 'no-op-deploy', reason: /does not roll back past it/ }
    ],
    [
      'no previous revision',
      { to: 'previous', recorded: undefined, current: { revision: 1, templateHash: 'aaa' }, history: [rev(1, 'aaa')] },
      { refusal: 'no-previous', reason: /no revision before/ }
    ],
    [
      'without hashes, revisions match by number',
      {
        recorded: { source: 'pre-rollout', revision: 1 },
        current: { revision: 2 },
        history: [{ revision: 1 }, { revision: 2 }]
      },
      { revision: 1 }
    ]
  ])('%s', (_name, partial, expected) => {
    const choice = chooseRollbackTarget({ ...base, ...partial })
    if ('refusal' in expected) {
      expect(choice).toEqual({ ok: false, refusal: expected.refusal, reason: expect.stringMatching(expected.reason) })
    } else {
      expect(choice).toMatchObject({ ok: true, revision: expected.revision })
      if (expected.reason && choice.ok) expect(choice.reason).toMatch(expected.reason)
    }
  })

  it('returns the target template hash so the Rollbacker can match it', () => {
    expect(chooseRollbackTarget(base)).toEqual({
      ok: true,
      revision: 1,
      templateHash: 'aaa',
      reason: 'rolling back from revision 2 to revision 1, the revision recorded by the snapshot'
    })
  })
})
