/**
 * Deletion with the garbage collector's effect, done synchronously: deleting an owner deletes the
 * objects whose ownerReferences point at it (recursively), or with `propagationPolicy: Orphan` strips
 * those references instead; deleting a namespace deletes everything in it. kubectl relies on this
 * when it deletes a Deployment and waits for it to be gone.
 */
import type { ResourceDef } from '../resources.js'
import { crdResource, crdResources } from './crd.js'
import type { ObjectStore, StoredObject } from '../store.js'

export type Propagation = 'Background' | 'Foreground' | 'Orphan'

function dependentsOf(
  store: ObjectStore,
  resources: readonly ResourceDef[],
  uid: string
): Array<[ResourceDef, StoredObject]> {
  const found: Array<[ResourceDef, StoredObject]> = []
  for (const r of resources) {
    for (const o of store.listShared(r)) {
      if (o.metadata.ownerReferences?.some((ref) => ref.uid === uid)) found.push([r, o])
    }
  }
  return found
}

/** Deletes `name` and, per policy, its dependents. Returns the deleted object. */
export function deleteWithDependents(
  store: ObjectStore,
  resources: readonly ResourceDef[],
  resource: ResourceDef,
  namespace: string | undefined,
  name: string,
  policy: Propagation
): StoredObject {
  if (crdResource(resource)) {
    // the CRD's finalizer deletes every object of its kinds before the CRD goes
    const crd = store.get(resource, undefined, name)
    for (const r of crd ? crdResources(crd) : [])
      if (!resources.some((x) => x !== r && x.group === r.group && x.resource === r.resource && !x.definedBy))
        for (const o of store.list(r)) deleteQuietly(store, resources, r, o, 'Background')
  }
  const deleted = store.delete(resource, namespace, name)
  const uid = deleted.metadata.uid
  if (resource.kind === 'Namespace' && resource.group === '') {
    for (const r of resources) {
      if (!r.namespaced) continue
      for (const o of store.list(r, deleted.metadata.name)) deleteQuietly(store, resources, r, o, 'Background')
    }
  }
  if (!uid) return deleted
  for (const [r, o] of dependentsOf(store, resources, uid)) {
    if (policy === 'Orphan') {
      const copy = structuredClone(o)
      copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter((ref) => ref.uid !== uid)
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences
      delete copy.metadata.resourceVersion
      store.update(r, copy)
    } else deleteQuietly(store, resources, r, o, policy)
  }
  return deleted
}

function deleteQuietly(
  store: ObjectStore,
  resources: readonly ResourceDef[],
  r: ResourceDef,
  o: StoredObject,
  policy: Propagation
): void {
  // it may already be gone through another owner chain
  if (!store.get(r, o.metadata.namespace, o.metadata.name)) return
  deleteWithDependents(store, resources, r, o.metadata.namespace, o.metadata.name, policy)
}
