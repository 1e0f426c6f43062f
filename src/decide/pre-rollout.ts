/**
 * Which revision was live before the rollout verify is judging, when no snapshot recorded it. Pure.
 *
 * The current revision's owner (ReplicaSet / ControllerRevision) is created when the rollout begins. If
 * it is older than the look-back before verify started, this deploy did not create it: the deploy
 * changed nothing (or re-applied the same template), so the revision live before is the current one —
 * and a failing verdict must not roll back past it. Otherwise the rollout is fresh and the revision
 * before it is the highest one below the current (what `kubectl rollout undo` would pick).
 * A snapshot (`command: snapshot` before the deploy) makes this exact; this is the fallback.
 */
import type { RevisionRef } from '../model/rollback.js'

export interface PreRolloutInput {
  current?: RevisionRef & { createdAt?: string }
  history: ReadonlyArray<RevisionRef>
  /** When verify started. */
  verifyStartedAt: Date
  /** How far before the verify a rollout may have begun and still belong to this deploy. */
  lookbackMs: number
}

export function inferPreRolloutRevision(input: PreRolloutInput): RevisionRef | undefined {
  const { current } = input
  if (!current) return undefined
  const created = current.createdAt ? Date.parse(current.createdAt) : Number.NaN
  const ref = (r: RevisionRef): RevisionRef => ({
    revision: r.revision,
    ...(r.templateHash !== undefined ? { templateHash: r.templateHash } : {})
  })
  if (!Number.isNaN(created) && created < input.verifyStartedAt.getTime() - input.lookbackMs) return ref(current)
  let best: RevisionRef | undefined
  for (const h of input.history) if (h.revision < current.revision && (!best || h.revision > best.revision)) best = h
  return best ? ref(best) : undefined
}
