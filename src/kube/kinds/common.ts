/** Helpers shared by the per-kind files. Pure. */
import type { KubeObject } from '../api.js'
import type { LabelSelector, Pod, PodTemplate } from '../../evaluate/k8s-types.js'
import { selectorToString } from '../../evaluate/selector.js'

interface WithTemplate {
  spec?: { selector?: LabelSelector; template?: PodTemplate }
}

export const specOf = (obj: KubeObject): WithTemplate['spec'] => (obj as WithTemplate).spec

/** Objects whose controller ownerReference points at `owner` (by uid when known, else by kind and name). */
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

export function templateImages(obj: KubeObject): Record<string, string> {
  const images: Record<string, string> = {}
  for (const c of specOf(obj)?.template?.spec?.containers ?? []) images[c.name] = c.image ?? ''
  return images
}

export const templateLabels = (obj: KubeObject): Record<string, string> => specOf(obj)?.template?.metadata?.labels ?? {}

/** The workload selector plus one label: `app=web,pod-template-hash=abc`. */
export function selectorWith(obj: KubeObject, key: string, value: string): string {
  const base = selectorToString(specOf(obj)?.selector)
  return base ? `${base},${key}=${value}` : `${key}=${value}`
}

/** Oldest first by creationTimestamp, then by name (kubectl's ReplicaSetsByCreationTimestamp). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.metadata.name.localeCompare(b.metadata.name)
}

/** Deep equality of JSON values ignoring object key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => jsonEqual(v, b[i]))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
    if (ka.length !== kb.length) return false
    return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  }
  return false
}
