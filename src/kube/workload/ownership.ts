/** Who controls what: ownerReferences and kubectl's ordering of owned objects. Pure. */
import type { KubeObject } from '../api.js'
import type { Pod } from '../../evaluate/k8s-types.js'

/**
 * Objects whose controller ownerReference points at `owner` (by uid when known, else by kind and name);
 * apimachinery's metav1.IsControlledBy, which kubectl's history and undo filter on.
 */
export function controlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true)
  if (!ref) return false
  if (owner.metadata.uid && ref.uid) return ref.uid === owner.metadata.uid
  return ref.name === owner.metadata.name && (owner.kind === undefined || ref.kind === owner.kind)
}

/** Whether a pod's controller is the object identified by uid (or, without uids, by kind and name). */
export function podControlledBy(pod: Pod, owner: { kind: string; name: string; uid?: string }): boolean {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true)
  if (!ref) return false
  if (owner.uid && ref.uid) return ref.uid === owner.uid
  return ref.kind === owner.kind && ref.name === owner.name
}

/** Oldest first by creationTimestamp, then by name (kubectl's ReplicaSetsByCreationTimestamp). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.metadata.name.localeCompare(b.metadata.name)
}
