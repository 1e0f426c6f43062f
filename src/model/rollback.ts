/**
 * Plain data the rollback policy (src/decide/) and the Rollbackers (src/act/rollback/) share. Types and
 * annotation keys only; JSON-serialisable.
 */
import type { TargetRef, TargetResult, Verdict } from './result.js'

/**
 * The annotation on a workload that lists revisions an earlier run judged failed. A rollback never goes
 * *to* one of them (loop safety: a second failing run must not flip back to the bad version).
 *
 * Why a list in one key: the workload remembers several bad revisions (v2 failed, then v3 failed); one
 * key keeps the Rollbacker's annotation bookkeeping to one entry. Note for Rollbackers: kubectl's
 * Deployment undo replaces `metadata.annotations` wholesale with the target ReplicaSet's, so the undo
 * patch must carry the Deployment's current `deploy-guard.io/*` values (and the new mark) itself.
 */
export const FAILED_REVISION_ANNOTATION = 'deploy-guard.io/failed-revision'

/** Every annotation key deploy-guard writes starts with this. */
export const DEPLOY_GUARD_ANNOTATION_PREFIX = 'deploy-guard.io/'

/**
 * A revision as deploy-guard identifies it. The number alone is not enough: after a Deployment undo
 * the restored ReplicaSet gets a new (max+1) number and its old one disappears, so matching prefers
 * the template hash (`pod-template-hash` of the ReplicaSet, or the ControllerRevision's
 * `controller-revision-hash` / name) whenever both sides have one.
 */
export interface RevisionRef {
  revision: number
  templateHash?: string
}

/** One entry of the failed-revision annotation. */
export interface FailedRevisionMark extends RevisionRef {
  /** Why the run judged it failed (first verdict reason), bounded. */
  reason: string
  /** The workflow run that judged it, when known. */
  runUrl?: string
  /** ISO-8601 time of the verdict. */
  at: string
}

/** Where the rollback should go: `rollback.to` in the config, or the manual workflow's input. */
export type RollbackTo = 'recorded' | 'previous' | number

/** The revision that was live before the deploy, and where we learnt it. */
export interface RecordedRevision extends RevisionRef {
  /** `snapshot`: written by `command: snapshot`; `pre-rollout`: what verify saw live before the rollout began. */
  source: 'snapshot' | 'pre-rollout'
}

/** One revision the workload still keeps (a ReplicaSet or a ControllerRevision), with its failed mark if any. */
export interface HistoryRevision extends RevisionRef {
  failedMark?: FailedRevisionMark
}

/** Generation and template hash of a workload: what was judged, and what is live now. */
export interface WorkloadState {
  generation: number
  /** Opaque identity of the pod template (same value ⇔ same template); compared only when both sides have it. */
  templateHash?: string
}

/** How a rollback ended, for reports and the `post:` step. */
export type RollbackState =
  /** Nothing was written: the undo never started. */
  | 'not-started'
  /** The undo was refused by a guard rail; nothing was changed. */
  | 'refused'
  /** Dry run: the undo was described, nothing was changed. */
  | 'dry-run'
  /** The write was rejected (definite error): nothing was changed. */
  | 'failed'
  /** The write may or may not have landed (connection dropped, timeout after sending). */
  | 'unknown'
  /** The patch landed and the restored revision was judged healthy. */
  | 'rolled-back'
  /** The patch landed, but the restored revision was judged failed or inconclusive. */
  | 'rolled-back-unhealthy'
  /** The patch landed, but the wait for the restored revision ended before a verdict (cancelled, budget). */
  | 'rolled-back-unverified'

/** A rollback's state with what a human should do next. */
export interface RollbackOutcome {
  ref: TargetRef
  state: RollbackState
  /** One sentence for the summary. */
  summary: string
  /** Commands to run by hand to finish or check the rollback; empty when nothing is left to do. */
  manual: string[]
}

/** What a rollback changed (or, in a dry run, would change): the exact write or command. */
export type RollbackChange = { kind: 'patch'; patchType: string; body: unknown } | { kind: 'command'; command: string }

/** One target's rollback, as every report shows it. */
export interface TargetRollbackReport extends RollbackOutcome {
  /** How the undo is done: a plain undo through the API, `helm rollback`, or an Argo CD sync operation. */
  method: 'kubectl' | 'helm' | 'argocd'
  fromRevision?: number
  toRevision?: number
  /** The exact write sent (or, dry run, that would be sent). */
  change?: RollbackChange
  /** The tool's own words: kubectl's `rolled back` / `skipped rollback (...)`, helm's, Argo CD's. */
  message?: string
  /** The restored version's checks (the verify checklist), when the undo landed and was waited for. */
  restored?: TargetResult
  restoredVerdict?: Verdict
  /** Side notes for the record: assumptions made, marks that could not be read, retries. */
  notes: string[]
  /** True when nothing was changed because the run is a dry run. */
  dryRun: boolean
}

/** The act stage of a run: what the policy decided, and each target's rollback. */
export interface RollbackReport {
  decision: 'none' | 'rollback' | 'dry-run-rollback'
  /** Why (policy words: "the verdict is failed and rollback.onFailure is on"). */
  reason: string
  /** Who asked, for a manual rollback (GITHUB_ACTOR), and their reason. */
  requestedBy?: string
  targets: TargetRollbackReport[]
}
