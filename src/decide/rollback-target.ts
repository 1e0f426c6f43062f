/**
 * Which revision a rollback returns to. Pure: the Rollbacker (src/act/rollback/) is handed the answer.
 *
 * Targets (`rollback.to`, or the manual workflow's `revision`):
 * - `recorded` (default): the revision the snapshot recorded, else the one live before the rollout
 *   began. Found in the history by template hash, because a Deployment undo renumbers revisions.
 * - `previous`: kubectl's default — the highest revision the workload keeps below the current one.
 * - a number: that revision, as `kubectl rollout undo --to-revision=N` (current numbering).
 *
 * Guard rails, in this order:
 * 1. A rollback after a verdict never goes past the pre-deploy revision. When the failing revision IS
 *    the recorded one (the deploy changed nothing; the running version was already bad) it refuses and
 *    leaves the workload alone, whatever the target; and it never picks a revision older than the
 *    recorded one. A manual rollback (`trigger: 'manual'`) is a human's explicit choice: these two
 *    rules do not apply to it.
 * 2. It never rolls back *to* a revision marked failed by an earlier run (manual included: clear the
 *    mark first if the engineer really wants it), and never "to" the revision already running.
 * A refusal is not an error: it is reported, and nothing is changed.
 */
import type { HistoryRevision, RecordedRevision, RevisionRef, RollbackTo } from '../model/rollback.js'
import { describeRevision, sameRevision } from './revision-match.js'

export interface RollbackTargetInput {
  to: RollbackTo
  /** `verdict` (default): decided by verify/analyze/canary. `manual`: `command: rollback`. */
  trigger?: 'verdict' | 'manual'
  /** From the snapshot annotation, else the revision live before the rollout began. */
  recorded?: RecordedRevision
  /** The failing revision (the one running now). */
  current: RevisionRef
  /** Revisions the workload still keeps (ReplicaSets / ControllerRevisions), with their failed marks. */
  history: readonly HistoryRevision[]
}

export type RollbackRefusal =
  | 'invalid-revision'
  | 'no-op-deploy'
  | 'no-recorded'
  | 'recorded-not-in-history'
  | 'no-previous'
  | 'not-in-history'
  | 'already-at-target'
  | 'marked-failed'
  | 'past-pre-deploy'

export type RollbackTargetChoice =
  | { ok: true; revision: number; templateHash?: string; reason: string }
  | { ok: false; refusal: RollbackRefusal; reason: string }

const refuse = (refusal: RollbackRefusal, reason: string): RollbackTargetChoice => ({ ok: false, refusal, reason })

function recordedSource(recorded: RecordedRevision): string {
  return recorded.source === 'snapshot' ? 'recorded by the snapshot' : 'live before the rollout began'
}

/** The history entry a target names, or the refusal saying why there is none. */
function resolve(input: RollbackTargetInput): HistoryRevision | RollbackTargetChoice {
  const { to, current, history, recorded } = input
  if (to === 'recorded') {
    if (!recorded)
      return refuse(
        'no-recorded',
        'no recorded revision: run `command: snapshot` before the deploy step, or set rollback.to to previous or a revision number'
      )
    const entry = history.find((h) => sameRevision(h, recorded))
    if (!entry && sameRevision(recorded, current)) return { ...current }
    return (
      entry ??
      refuse(
        'recorded-not-in-history',
        `the recorded ${describeRevision(recorded)} is no longer in the workload's history (revisionHistoryLimit may have pruned it)`
      )
    )
  }
  if (to === 'previous') {
    let best: HistoryRevision | undefined
    for (const h of history) {
      if (h.revision < current.revision && !sameRevision(h, current) && (!best || h.revision > best.revision)) best = h
    }
    return (
      best ??
      refuse('no-previous', `no revision before the current revision ${current.revision} in the workload's history`)
    )
  }
  // kubectl's text for a revision it cannot find.
  return (
    history.find((h) => h.revision === to) ??
    refuse('not-in-history', `unable to find specified revision ${to} in history`)
  )
}

export function chooseRollbackTarget(input: RollbackTargetInput): RollbackTargetChoice {
  const { to, current, recorded } = input
  const automatic = (input.trigger ?? 'verdict') === 'verdict'
  if (typeof to === 'number' && !(Number.isInteger(to) && to > 0))
    return refuse('invalid-revision', `unable to find specified revision ${to} in history`)

  if (automatic && recorded && sameRevision(current, recorded))
    return refuse(
      'no-op-deploy',
      `the failing revision ${current.revision} is the one that was running before the deploy; deploy-guard does not roll back past it`
    )

  const resolved = resolve(input)
  if ('ok' in resolved) return resolved
  const target = resolved

  if (sameRevision(target, current))
    return refuse('already-at-target', `${describeRevision(current)} is already running: nothing to undo`)

  if (target.failedMark) {
    const mark = target.failedMark
    const by = mark.runUrl ? ` by ${mark.runUrl}` : ''
    return refuse(
      'marked-failed',
      `revision ${target.revision} was marked failed${by} at ${mark.at} (${mark.reason}); deploy-guard never rolls back to a revision marked failed`
    )
  }

  if (automatic && recorded) {
    // The recorded entry's number now (it may have been renumbered upwards); without it, the recorded
    // number is a lower bound, since renumbering only ever moves a revision up.
    const preDeploy = input.history.find((h) => sameRevision(h, recorded))?.revision ?? recorded.revision
    if (target.revision < preDeploy)
      return refuse(
        'past-pre-deploy',
        `revision ${target.revision} is older than revision ${preDeploy} that was running before the deploy; deploy-guard does not roll back past it`
      )
  }

  const why =
    to === 'recorded' && recorded
      ? `the revision ${recordedSource(recorded)}`
      : to === 'previous'
        ? 'the previous revision'
        : 'the requested revision'
  return {
    ok: true,
    revision: target.revision,
    ...(target.templateHash !== undefined ? { templateHash: target.templateHash } : {}),
    reason: `rolling back from revision ${current.revision} to revision ${target.revision}, ${why}`
  }
}
