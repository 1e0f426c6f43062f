/**
 * kubectl's Rollbacker verb (pkg/polymorphichelpers/rollback.go), one implementation per kind. Planning
 * is pure (`plan`: what kubectl would decide for this object and history); `rollback` is the thin I/O
 * around it (list the history, plan, patch). This folder is the only code that writes to a cluster.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import type { WorkloadKindName } from '../../kube/workload/kinds.js'

export interface RollbackOptions {
  /** kubectl's `--to-revision`: 0 means the previous revision. */
  toRevision: number
  /**
   * Decide and report the exact patch without sending it. Unlike kubectl's `--dry-run=client`, which
   * stops before the paused and already-at-target checks, every check runs (as with `--dry-run=server`).
   */
  dryRun: boolean
  /**
   * Annotations to set on the workload in the same write (deploy-guard's failed-revision mark and
   * bookkeeping). Not part of kubectl's undo; empty or absent for the kubectl-identical patch.
   */
  annotations?: Record<string, string>
  /**
   * The history objects already listed by the workload's selector for this very object (the caller
   * read them to decide): spares a second LIST. Omitted: the Rollbacker lists them, as kubectl does.
   */
  listed?: KubeObject[]
}

/** One JSON-patch (RFC 6902) operation, as the undo sends them. */
export interface JsonPatchOperation {
  op: 'replace' | 'test' | 'add' | 'remove'
  path: string
  value?: unknown
}

/** The PATCH an undo sends: type and body, so a dry run can print exactly what would be sent. */
export type RollbackPatch =
  { type: 'json'; body: JsonPatchOperation[] } | { type: 'strategic'; body: Record<string, unknown> }

/** Why kubectl refuses an undo (its message is in `message`). */
export type RollbackRefusal = 'revision-not-found' | 'no-history' | 'paused'

/** What kubectl would do for one workload and its history objects: pure, table-testable. */
export type RollbackPlan =
  | { action: 'patch'; fromRevision?: number; toRevision: number; patch: RollbackPatch }
  /** Already at the target: kubectl's `skipped rollback (...)`, no write. */
  | { action: 'skip'; fromRevision?: number; toRevision: number; message: string }
  | { action: 'refuse'; fromRevision?: number; reason: RollbackRefusal; message: string }

export interface RollbackOutcome {
  result: 'rolled-back' | 'skipped' | 'error'
  /** The revision running before the undo (undefined when the history does not say). */
  fromRevision?: number
  /** The revision restored (resolved: never 0), or undefined when kubectl found none. */
  toRevision?: number
  /** The patch sent, or in a dry run the one that would have been sent. */
  patch?: RollbackPatch
  /** True when nothing was written because the caller asked for a dry run. */
  dryRun: boolean
  /**
   * kubectl's words: `rolled back`, `skipped rollback (current template already matches revision N)`, or its
   * error text (`unable to find specified revision N in history`, `no last revision to roll back to`, …).
   */
  message: string
  /** Set when result is `error`. */
  reason?: RollbackRefusal
}

export interface Rollbacker {
  kind: WorkloadKindName
  /**
   * kubectl's decision for `workload` given the history objects listed by its selector (ownership is
   * checked here). The patch carries the workload's resourceVersion, so it fails with 409 Conflict
   * if the object changed after it was read.
   */
  plan(workload: KubeObject, listed: KubeObject[], toRevision: number): RollbackPlan
  /**
   * Lists the history, plans, and (unless dry run) patches. kubectl's refusals come back as
   * `result: 'error'`; API failures are thrown as KubeApiError (a moved object: reason `conflict`, see
   * isRollbackConflict — re-read the object and decide again).
   */
  rollback(api: KubeApi, workload: KubeObject, options: RollbackOptions): Promise<RollbackOutcome>
}
