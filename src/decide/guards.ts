/**
 * The guard rails every rollback write passes. Pure: the Rollbacker reads the live object and asks.
 *
 * - The workload must be as it was judged: a different generation or template means someone else (a
 *   new deploy, a human, another run's rollback) acted after the verdict; undoing their change would
 *   be wrong, so stop and report.
 * - At most one rollback per workload per run: a run never undoes its own undo.
 * - A 409 Conflict re-reads the object, re-checks the rules above (plus the failed mark, which another
 *   run may have written meanwhile) and retries, up to a bound; status-only updates (same generation,
 *   same template) are what a retry is for.
 */
import type { FailedRevisionMark, RevisionRef, WorkloadState } from '../model/rollback.js'
import { describeRevision } from './revision-match.js'

export type GuardResult = { proceed: true } | { proceed: false; reason: string }

const PROCEED: GuardResult = { proceed: true }

export function checkUnchangedSinceVerdict(judged: WorkloadState, live: WorkloadState): GuardResult {
  if (live.generation !== judged.generation)
    return {
      proceed: false,
      reason: `the workload changed since the verdict (generation ${judged.generation} → ${live.generation}): someone else is acting; not undoing their change`
    }
  if (judged.templateHash !== undefined && live.templateHash !== undefined && judged.templateHash !== live.templateHash)
    return {
      proceed: false,
      reason: `the workload's pod template changed since the verdict (${judged.templateHash} → ${live.templateHash}): someone else is acting; not undoing their change`
    }
  return PROCEED
}

/** `rolledBack`: keys (`kind/namespace/name`) of workloads this run already rolled back. */
export function checkOneRollbackPerRun(rolledBack: readonly string[], workloadKey: string): GuardResult {
  return rolledBack.includes(workloadKey)
    ? { proceed: false, reason: `${workloadKey} was already rolled back in this run; at most one rollback per run` }
    : PROCEED
}

export interface ConflictRetryInput {
  /** Writes tried so far, the one that got the 409 included (≥ 1). */
  attempts: number
  maxAttempts: number
  judged: WorkloadState
  /** The object as re-read after the 409. */
  live: WorkloadState
  /** The revision the rollback goes to. */
  target: RevisionRef
  /** The failed mark for `target` on the re-read object, if another run wrote one meanwhile. */
  targetMark?: FailedRevisionMark
}

export type ConflictStep =
  /** `attempts`: the count the next write will make (pass it back in after its 409). */
  | { next: 'retry'; attempts: number }
  | { next: 'stop'; outcome: 'already-at-target' | 'changed' | 'marked-failed' | 'gave-up'; reason: string }

/**
 * The step after a 409. Checks, in order: the live template is already the target's (another run, or
 * our own earlier write whose response was lost, got there first: nothing left to do); the workload
 * changed since the verdict; the target was marked failed meanwhile; the retry budget; else retry with
 * the fresh resourceVersion.
 */
export function stepAfterConflict(input: ConflictRetryInput): ConflictStep {
  const { live, target } = input
  if (live.templateHash !== undefined && target.templateHash !== undefined && live.templateHash === target.templateHash)
    return {
      next: 'stop',
      outcome: 'already-at-target',
      reason: `the workload is already at ${describeRevision(target)}: the rollback happened (another writer got there first)`
    }
  const unchanged = checkUnchangedSinceVerdict(input.judged, live)
  if (!unchanged.proceed) return { next: 'stop', outcome: 'changed', reason: unchanged.reason }
  if (input.targetMark)
    return {
      next: 'stop',
      outcome: 'marked-failed',
      reason: `revision ${target.revision} was marked failed meanwhile (${input.targetMark.reason}); not rolling back to it`
    }
  if (input.attempts >= input.maxAttempts)
    return {
      next: 'stop',
      outcome: 'gave-up',
      reason: `the workload kept changing under the rollback (${input.attempts} conflicts); nothing was changed`
    }
  return { next: 'retry', attempts: input.attempts + 1 }
}

/** A pod of the workload as the target-health guard sees it. */
export interface RevisionPod {
  name: string
  /** The revision it runs (pod-template-hash / controller-revision-hash, as a history hash). */
  templateHash?: string
  /** Terminal signals it shows now (CrashLoopBackOff, ImagePullBackOff, OOMKilled, …). */
  signals: string[]
}

/**
 * Never roll back to a revision whose own pods are failing right now: without a snapshot the
 * "revision before the rollout" may itself be a bad one (a deploy made on top of a broken version,
 * or an undo that left a broken pod of the older revision behind); undoing to it cannot help.
 */
export function checkTargetPodsHealthy(
  target: { revision: number; templateHash?: string },
  pods: readonly RevisionPod[]
): GuardResult {
  if (target.templateHash === undefined) return PROCEED
  const failing = pods.filter((p) => p.templateHash === target.templateHash && p.signals.length > 0)
  if (failing.length === 0) return PROCEED
  const example = failing[0] as RevisionPod
  return {
    proceed: false,
    reason: `revision ${target.revision} is failing too: its pod ${example.name} shows ${example.signals.join(', ')} now${failing.length > 1 ? ` (and ${failing.length - 1} more of its pods)` : ''}; rolling back to it would not help`
  }
}
