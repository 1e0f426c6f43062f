/**
 * Where a rollback stands, recorded at each phase so that a step that is killed half-way (the job
 * cancelled or timed out) still leaves behind what was and was not done. The main step writes it
 * through a ProgressJournal (src/act/rollback/journal.ts); the `post:` step reads it back and
 * reports it (src/commands/post.ts). Plain JSON-serialisable data; no behaviour.
 */

/**
 * In order of a rollback's life: `decided` (policy said undo; nothing written yet), `patching` (the
 * undo write is in flight: it may or may not land), `patched` (the write landed), `waiting` (waiting
 * for the restored revision to become healthy); then one end: `verified` (restored and healthy),
 * `unhealthy` (restored, but judged failed or inconclusive), `failed` (the write was rejected),
 * `refused` (a guard rail stopped it), `skipped` (already at the target revision).
 */
export type RollbackPhase =
  'decided' | 'patching' | 'patched' | 'waiting' | 'verified' | 'unhealthy' | 'failed' | 'refused' | 'skipped'

export const ROLLBACK_PHASES: readonly RollbackPhase[] = [
  'decided',
  'patching',
  'patched',
  'waiting',
  'verified',
  'unhealthy',
  'failed',
  'refused',
  'skipped'
]

/** Phases after which the rollback still has work outstanding: the run was stopped in the middle. */
export const IN_FLIGHT_PHASES: readonly RollbackPhase[] = ['decided', 'patching', 'patched', 'waiting']

export interface RollbackProgress {
  phase: RollbackPhase
  target: { kind: string; name: string; namespace: string }
  method: 'kubectl' | 'helm' | 'argocd'
  /** The revision being rolled back from (the failed one), when known. */
  fromRevision?: string
  /** The revision being restored, when known. */
  toRevision?: string
  /** Why the rollback was decided / what happened. */
  reason: string
  /**
   * The exact command to finish or check it by hand, e.g. `kubectl rollout status deployment/api -n prod`
   * or `kubectl rollout undo deployment/api -n prod --to-revision=3`.
   */
  manualCommand: string
  /** ISO-8601 time of this record. */
  at: string
}
