/**
 * kubectl's HistoryViewer verb (pkg/polymorphichelpers/history.go, and for Deployments
 * pkg/util/deployment): which objects record a workload's revisions, their numbers and templates, and
 * which revision `kubectl rollout undo` goes back to. One implementation per kind; pure.
 */
import type { KubeObject, ResourceType } from '../api.js'
import type { PodTemplate } from '../../evaluate/k8s-types.js'
import type { WorkloadKindName } from '../workload/kinds.js'

/** One revision of a workload: the object recording it, its number, and the pod template it holds. */
export interface HistoryEntry {
  /** A ReplicaSet (Deployment) or a ControllerRevision (StatefulSet, DaemonSet). */
  object: KubeObject
  revision: number
  template: PodTemplate | undefined
}

export interface HistoryViewer {
  kind: WorkloadKindName
  /** What records the revisions: ReplicaSets for Deployments, ControllerRevisions otherwise. */
  resource: ResourceType
  /** The label selector kubectl lists history objects with: the workload's own selector. */
  listSelector(workload: KubeObject): string
  /**
   * The history objects the workload controls (controller ownerReference), with their revisions, in
   * the order kubectl walks them. Objects whose revision kubectl cannot parse are left out, as it skips them.
   */
  history(workload: KubeObject, listed: KubeObject[]): HistoryEntry[]
  /** A history object's revision number as kubectl reads it; undefined when it cannot be parsed. */
  revisionOf(historyObject: KubeObject): number | undefined
  /** The pod template a history object records. */
  templateOf(historyObject: KubeObject): PodTemplate | undefined
  /** `kubectl rollout undo`'s default target (`--to-revision=0`), or undefined when there is none. */
  previous(history: HistoryEntry[]): HistoryEntry | undefined
  /** The entry with revision `revision` (`--to-revision=N`), as kubectl finds it. */
  find(history: HistoryEntry[], revision: number): HistoryEntry | undefined
}
