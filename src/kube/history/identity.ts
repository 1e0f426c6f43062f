/**
 * Revisions as deploy-guard identifies them (model/rollback.ts RevisionRef): the number kubectl shows
 * plus a hash that survives renumbering. A Deployment undo re-uses the old ReplicaSet and gives it a
 * new number; a StatefulSet/DaemonSet undo re-uses an equal ControllerRevision and bumps its number. The
 * object itself stays, and its name is `<workload>-<hash>` for both kinds, so the hash is that suffix.
 * Pure.
 */
import type { KubeObject } from '../api.js'
import { statusViewerFor } from '../status/index.js'
import type { WorkloadKindName } from '../workload/kinds.js'
import { historyViewer } from './index.js'

export interface IdentifiedRevision {
  revision: number
  templateHash: string
  /** The ReplicaSet or ControllerRevision recording it. */
  owner: string
  createdAt?: string
}

export interface WorkloadRevisions {
  /** The revision the workload is on now (undefined while its owner object does not exist yet). */
  current?: IdentifiedRevision
  /** Every revision the workload still keeps, current included, in kubectl's order. */
  history: IdentifiedRevision[]
  /** What a guard compares to know nobody acted since the verdict. */
  state: { generation: number; templateHash?: string }
}

/** `api-7d9f8c6b5` of Deployment `api` → `7d9f8c6b5`; a name without the prefix is its own identity. */
export function hashOfHistoryObject(workloadName: string, historyObjectName: string): string {
  const prefix = `${workloadName}-`
  return historyObjectName.startsWith(prefix) ? historyObjectName.slice(prefix.length) : historyObjectName
}

export function workloadRevisions(
  kind: WorkloadKindName,
  workload: KubeObject,
  listed: KubeObject[]
): WorkloadRevisions {
  const name = workload.metadata.name
  const identify = (object: KubeObject, revision: number): IdentifiedRevision => ({
    revision,
    templateHash: hashOfHistoryObject(name, object.metadata.name),
    owner: object.metadata.name,
    ...(object.metadata.creationTimestamp ? { createdAt: object.metadata.creationTimestamp } : {})
  })
  const history = historyViewer(kind)
    .history(workload, listed)
    .map((entry) => identify(entry.object, entry.revision))
  const info = statusViewerFor(kind)?.currentRevision({ object: workload, owned: listed })
  const currentEntry = info ? history.find((h) => h.owner === info.owner.name) : undefined
  const current =
    currentEntry ??
    (info && Number(info.revision) > 0
      ? {
          revision: Number(info.revision),
          templateHash: hashOfHistoryObject(name, info.owner.name),
          owner: info.owner.name,
          ...(info.createdAt ? { createdAt: info.createdAt } : {})
        }
      : undefined)
  return {
    ...(current ? { current } : {}),
    history,
    state: {
      generation: workload.metadata.generation ?? 0,
      ...(current ? { templateHash: current.templateHash } : {})
    }
  }
}
