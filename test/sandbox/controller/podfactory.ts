/** Builds a pod from a controller's template, as the ReplicaSet/StatefulSet/DaemonSet controllers do. */
import type { StoredObject } from '../store.js'
import { planPod } from './behaviour.js'
import { DEFAULT_NODE } from './pods.js'
import type { PodTemplate } from './types.js'
import { controllerRef } from './util.js'

export const UNMANAGED = 'sandbox.deploy-guard.dev/unmanaged'

/** Objects a scenario marked as hands-off keep whatever status it wrote. */
export const isUnmanaged = (o: StoredObject): boolean => o.metadata.annotations?.[UNMANAGED] === 'true'

export function podFromTemplate(
  owner: StoredObject,
  template: PodTemplate,
  name: string,
  extra: { labels?: Record<string, string>; spec?: Record<string, unknown>; generateName?: string } = {}
): StoredObject {
  const meta = template.metadata ?? {}
  const pod: StoredObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(extra.generateName ? { generateName: extra.generateName } : {}),
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}), ...(extra.labels ?? {}) },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [controllerRef(owner)]
    },
    spec: { ...structuredClone(template.spec ?? {}), ...(extra.spec ?? {}) }
  }
  // The scheduler's binding is folded into creation (saves a write per pod); unschedulable pods stay unbound.
  const spec = pod.spec as Record<string, unknown>
  if (!spec.nodeName && !planPod(pod).unschedulable) spec.nodeName = DEFAULT_NODE
  return pod
}
