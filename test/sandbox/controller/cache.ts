/**
 * The controller's informer: a copy of the objects it manages, kept current from the store's change
 * feed (which is synchronous, so the cache also reflects the controller's own writes at once), with
 * an index of dependents by controller-owner uid so a reconcile never scans all pods.
 */
import { builtinResources, type ResourceDef } from '../resources.js'
import type { ObjectStore, StoreEvent, StoredObject } from '../store.js'
import { controllerUid, nsName } from './util.js'

const find = (group: string, resource: string): ResourceDef => {
  const def = builtinResources.find((r) => r.group === group && r.resource === resource)
  if (!def) throw new Error(`sandbox resource ${group}/${resource} is not defined`)
  return def
}

export const R = {
  namespaces: find('', 'namespaces'),
  pods: find('', 'pods'),
  services: find('', 'services'),
  endpoints: find('', 'endpoints'),
  events: find('', 'events'),
  deployments: find('apps', 'deployments'),
  replicasets: find('apps', 'replicasets'),
  statefulsets: find('apps', 'statefulsets'),
  daemonsets: find('apps', 'daemonsets'),
  controllerrevisions: find('apps', 'controllerrevisions'),
  endpointslices: find('discovery.k8s.io', 'endpointslices')
} as const

export type Kind = keyof typeof R
const kinds = Object.keys(R) as Kind[]
const tracked: Kind[] = kinds.filter((k) => k !== 'events')

function kindOf(resource: ResourceDef): Kind | undefined {
  return tracked.find((k) => R[k].group === resource.group && R[k].resource === resource.resource)
}

export class Cache {
  private readonly objects = new Map<Kind, Map<string, StoredObject>>()
  private readonly owned = new Map<Kind, Map<string, Map<string, StoredObject>>>()
  private readonly uids = new Map<string, StoredObject>()

  constructor() {
    for (const k of tracked) {
      this.objects.set(k, new Map())
      this.owned.set(k, new Map())
    }
  }

  /** Loads what the store already holds (objects created before start()). */
  prime(store: ObjectStore): void {
    for (const k of tracked) for (const o of store.listShared(R[k])) this.put(k, structuredClone(o))
  }

  /** Applies a store event; returns the kind when it is one the controller tracks. */
  apply(event: StoreEvent): { kind: Kind; previous: StoredObject | undefined } | undefined {
    const kind = kindOf(event.resource)
    if (!kind) return undefined
    const previous = this.objects.get(kind)!.get(nsName(event.object))
    if (previous) this.remove(kind, previous)
    if (event.type !== 'DELETED') this.put(kind, event.object)
    return { kind, previous }
  }

  private put(kind: Kind, o: StoredObject): void {
    this.objects.get(kind)!.set(nsName(o), o)
    if (o.metadata.uid) this.uids.set(o.metadata.uid, o)
    const owner = controllerUid(o)
    if (owner) {
      const byOwner = this.owned.get(kind)!
      let set = byOwner.get(owner)
      if (!set) byOwner.set(owner, (set = new Map()))
      set.set(nsName(o), o)
    }
  }

  private remove(kind: Kind, o: StoredObject): void {
    this.objects.get(kind)!.delete(nsName(o))
    if (o.metadata.uid && this.uids.get(o.metadata.uid) === o) this.uids.delete(o.metadata.uid)
    const owner = controllerUid(o)
    if (owner) {
      const set = this.owned.get(kind)!.get(owner)
      set?.delete(nsName(o))
      if (set && set.size === 0) this.owned.get(kind)!.delete(owner)
    }
  }

  all(kind: Kind): IterableIterator<StoredObject> {
    return this.objects.get(kind)!.values()
  }

  count(kind: Kind): number {
    return this.objects.get(kind)!.size
  }

  get(kind: Kind, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.objects.get(kind)!.get(`${namespace ?? ''}/${name}`)
  }

  byUid(uid: string): StoredObject | undefined {
    return this.uids.get(uid)
  }

  /** Objects of `kind` whose controller ownerReference points at `ownerUid`. */
  ownedBy(kind: Kind, ownerUid: string | undefined): StoredObject[] {
    if (!ownerUid) return []
    const set = this.owned.get(kind)!.get(ownerUid)
    return set ? [...set.values()] : []
  }

  /** Owner uids that have dependents of `kind` (for garbage collection). */
  owners(kind: Kind): IterableIterator<string> {
    return this.owned.get(kind)!.keys()
  }
}
