/**
 * kubectl's StatusViewer verb (pkg/polymorphichelpers/rollout_status.go), one implementation per kind,
 * plus what deploy-guard needs beyond `rollout status` to judge a rollout: the revision being rolled
 * out, the pods that belong to it, and the conditions that stop it for good. Everything here is pure:
 * it reads plain objects.
 */
import type { KubeObject, ResourceType } from '../api.js'
import type { Pod } from '../../evaluate/k8s-types.js'
import type { WorkloadKindName } from '../workload/kinds.js'

/** One evaluation of `kubectl rollout status`: its message, whether it is done, and the error it would exit with. */
export interface RolloutStatus {
  done: boolean
  /** kubectl's message without the trailing newline (the error text when `error` is set). */
  message: string
  /** Set when kubectl would fail (progress deadline, unsupported strategy, revision mismatch). */
  error?: string
}

/** The revision the workload is rolling out to, and how its pods are recognised. */
export interface RevisionInfo {
  /** The object that owns this revision's pods or records it: the new ReplicaSet, or a ControllerRevision. */
  owner: { kind: 'ReplicaSet' | 'ControllerRevision'; name: string; uid?: string }
  /** Deployment revision annotation or ControllerRevision.revision, as a string ('' when unknown). */
  revision: string
  /** The label every pod of this revision carries. */
  podLabel: { key: string; value: string }
  /** When this revision's owner object was created (an upper bound for the rollout start). */
  createdAt?: string
}

/** The workload plus the objects it controls (ReplicaSets or ControllerRevisions). */
export interface OwnedSnapshot {
  object: KubeObject
  owned: KubeObject[]
}

export interface StatusViewer {
  kind: WorkloadKindName
  resource: ResourceType
  /** kubectl `rollout status` for this kind, same order of checks and same messages. */
  rolloutStatus(obj: KubeObject, revision?: number): RolloutStatus
  /**
   * Why an unfinished rollout cannot progress until someone acts (a paused Deployment), as the
   * error to fail with; undefined when it can. kubectl would wait forever; a verify need not.
   */
  blocked?(obj: KubeObject): string | undefined
  /**
   * A failure the workload's controller reports that waiting rarely cures (a Deployment's
   * `ReplicaFailure=True`, e.g. FailedCreate on an exceeded quota): fail-fast material, like a pod signal.
   */
  controllerFailure?(obj: KubeObject): { reason: string; message?: string } | undefined
  /** The revision being rolled out, or undefined when its owner object does not exist yet. */
  currentRevision(snapshot: OwnedSnapshot): RevisionInfo | undefined
  /**
   * True when the controller waits for every pod, of any revision, to be Running and Ready before it
   * replaces the next one (a StatefulSet with OrderedReady): a broken pod of an earlier revision then
   * blocks the rollout for good, even after a rollback (Kubernetes' "forced rollback").
   */
  olderPodsBlock?(obj: KubeObject): boolean
  /** Label selector (string form) for the pods of one revision. */
  podSelectorForRevision(obj: KubeObject, revision: RevisionInfo): string
  /** True when the pod belongs to this revision (label and controller reference). */
  ownsPod(obj: KubeObject, revision: RevisionInfo, pod: Pod): boolean
  /**
   * Pods the workload wants on its current revision (DaemonSet: status.desiredNumberScheduled;
   * StatefulSet: replicas above a RollingUpdate partition).
   */
  desiredReplicas(obj: KubeObject): number
}
