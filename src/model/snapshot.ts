/**
 * What `command: snapshot` records about each target before the user's deploy step: the "last good
 * version" a rollback returns to, and the baselines verify compares against. Plain data only.
 * (Not to be confused with `WorkloadSnapshot` in src/evaluate/snapshot.ts, which is one gather of a
 * workload for verification.)
 */
import type { TargetRef } from './result.js'

/** The annotation a target's snapshot is stored under on the workload itself (a metadata patch: no rollout). */
export const SNAPSHOT_ANNOTATION = 'deploy-guard.io/snapshot'

/** Restart counts of one pod at snapshot time, by container name. */
export interface PodRestarts {
  pod: string
  /** The pod's uid: restart baselines are per pod instance, and a name can be reused. */
  uid?: string
  containers: Record<string, number>
}

export interface TargetSnapshot {
  ref: TargetRef
  /** Deployment revision annotation or ControllerRevision.revision at snapshot time. */
  revision: number
  /** `pod-template-hash` / `controller-revision-hash`: the identity that survives renumbering. */
  templateHash?: string
  /** Images of the pod template, by container name. */
  images: Record<string, string>
  /** Desired replicas (spec.replicas; DaemonSets: desired scheduled). */
  replicas?: number
  /** Restart counts per pod; may be dropped from the annotation when it would be too large (see `restartsOmitted`). */
  restarts: PodRestarts[]
  /** True when `restarts` was left out to keep the annotation within its size bound. */
  restartsOmitted?: boolean
  /** The Argo CD Application's synced revision, when the workload is Argo CD-managed. */
  argocd?: { application: string; namespace?: string; syncedRevision: string }
  /** The Helm release and its deployed revision, when the workload is Helm-managed. */
  helm?: { release: string; namespace?: string; revision: number }
  /** ISO-8601 time of the snapshot. */
  takenAt: string
  /** The workflow run that took it, when known. */
  runUrl?: string
}
