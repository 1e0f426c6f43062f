/**
 * In-memory object storage for the sandbox, with the bookkeeping the API server does: uid,
 * resourceVersion (one global counter, like etcd's revision), generation bumps on spec changes,
 * creationTimestamp, optimistic concurrency and a change feed for watches. The HTTP layer
 * (server.ts) and the controller (controller/) both work through this class only.
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { groupVersion, type ResourceDef } from './resources.js'

export interface ObjectMeta {
  name: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: Array<{
    apiVersion: string
    kind: string
    name: string
    uid: string
    controller?: boolean
    blockOwnerDeletion?: boolean
  }>
  [key: string]: unknown
}

export interface StoredObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: Record<string, unknown>
  status?: Record<string, unknown>
  [key: string]: unknown
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface StoreEvent {
  type: WatchEventType
  resource: ResourceDef
  object: StoredObject
  /** The resourceVersion this event produced. */
  resourceVersion: number
}

/** Thrown for API-level failures; server.ts turns them into Kubernetes Status bodies. */
export class StoreError extends Error {
  constructor(
    readonly code: 404 | 409 | 422 | 400,
    readonly reason: 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest',
    message: string
  ) {
    super(message)
  }
}

/** Watch history kept for resuming from a resourceVersion: at least HISTORY_LIMIT, at most + HISTORY_SLACK events. */
export const HISTORY_LIMIT = 20000
export const HISTORY_SLACK = 1000

const clone = <T>(value: T): T => structuredClone(value)
const resourceKey = (r: ResourceDef): string => `${groupVersion(r)}/${r.resource}`
const objectKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`
/** Byte-order comparison, like etcd's key order (and several times faster than localeCompare). */
const byKey = (a: StoredObject, b: StoredObject): number => {
  const ka = objectKey(a.metadata.namespace, a.metadata.name)
  const kb = objectKey(b.metadata.namespace, b.metadata.name)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** Fields whose change is not a spec change (generation stays). */
const nonSpecTopLevel = new Set(['apiVersion', 'kind', 'metadata', 'status'])

export class ObjectStore {
  private revision = 1
  private readonly tables = new Map<string, Map<string, StoredObject>>()
  private readonly feed = new EventEmitter()
  /** Recent events for watches that resume from a resourceVersion. */
  private readonly history: StoreEvent[] = []
  private readonly historyLimit = HISTORY_LIMIT

  constructor() {
    this.feed.setMaxListeners(0)
  }

  get resourceVersion(): number {
    return this.revision
  }

  private table(resource: ResourceDef): Map<string, StoredObject> {
    const key = resourceKey(resource)
    let table = this.tables.get(key)
    if (!table) {
      table = new Map()
      this.tables.set(key, table)
    }
    return table
  }

  private emit(type: WatchEventType, resource: ResourceDef, object: StoredObject): void {
    const event: StoreEvent = { type, resource, object: clone(object), resourceVersion: this.revision }
    this.history.push(event)
    // Trim in batches: a splice per write is O(history) and dominated large rollouts.
    if (this.history.length > this.historyLimit + HISTORY_SLACK)
      this.history.splice(0, this.history.length - this.historyLimit)
    this.feed.emit('event', event)
  }

  get(resource: ResourceDef, namespace: string | undefined, name: string): StoredObject | undefined {
    const object = this.table(resource).get(objectKey(resource.namespaced ? namespace : undefined, name))
    return object ? clone(object) : undefined
  }

  /** Objects sorted by namespace then name (the order the API server lists in). */
  list(resource: ResourceDef, namespace?: string): StoredObject[] {
    const items = [...this.table(resource).values()].filter(
      (o) => !resource.namespaced || namespace === undefined || o.metadata.namespace === namespace
    )
    items.sort(byKey)
    return items.map(clone)
  }

  /** Same as list, without copying: for the controller's hot loops and large LISTs. Do not mutate. */
  listShared(resource: ResourceDef, namespace?: string): readonly StoredObject[] {
    const items = [...this.table(resource).values()].filter(
      (o) => !resource.namespaced || namespace === undefined || o.metadata.namespace === namespace
    )
    items.sort(byKey)
    return items
  }

  create(resource: ResourceDef, input: StoredObject): StoredObject {
    const object = clone(input)
    object.apiVersion = groupVersion(resource)
    object.kind = resource.kind
    const meta = object.metadata ?? ({} as ObjectMeta)
    object.metadata = meta
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`
    if (!meta.name)
      throw new StoreError(
        422,
        'Invalid',
        `${resource.kind} "" is invalid: metadata.name: Required value: name or generateName is required`
      )
    if (resource.namespaced) meta.namespace = meta.namespace ?? 'default'
    else delete meta.namespace
    const table = this.table(resource)
    const key = objectKey(meta.namespace, meta.name)
    if (table.has(key)) {
      throw new StoreError(
        409,
        'AlreadyExists',
        `${resource.resource}${resource.group ? '.' + resource.group : ''} "${meta.name}" already exists`
      )
    }
    this.revision += 1
    meta.uid = randomUUID()
    meta.resourceVersion = String(this.revision)
    meta.generation = 1
    meta.creationTimestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    table.set(key, object)
    this.emit('ADDED', resource, object)
    return clone(object)
  }

  /**
   * Replaces an object. When `input.metadata.resourceVersion` is set it must match (409 otherwise),
   * as for a PUT. `subresource: 'status'` keeps everything but status; otherwise status is kept from
   * the stored object and generation is bumped when anything outside metadata/status changed.
   */
  update(resource: ResourceDef, input: StoredObject, options: { subresource?: 'status' } = {}): StoredObject {
    const table = this.table(resource)
    const namespace = resource.namespaced ? (input.metadata.namespace ?? 'default') : undefined
    const key = objectKey(namespace, input.metadata.name)
    const current = table.get(key)
    if (!current) {
      throw new StoreError(
        404,
        'NotFound',
        `${resource.resource}${resource.group ? '.' + resource.group : ''} "${input.metadata.name}" not found`
      )
    }
    const expected = input.metadata.resourceVersion
    if (expected !== undefined && expected !== '' && expected !== current.metadata.resourceVersion) {
      throw new StoreError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${resource.resource}${resource.group ? '.' + resource.group : ''} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`
      )
    }
    let next: StoredObject
    if (options.subresource === 'status') {
      next = clone(current)
      if (input.status === undefined) delete next.status
      else next.status = clone(input.status)
    } else {
      next = clone(input)
      next.apiVersion = current.apiVersion
      next.kind = current.kind
      next.metadata = {
        ...clone(input.metadata),
        name: current.metadata.name,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation: current.metadata.generation
      }
      if (resource.namespaced) next.metadata.namespace = current.metadata.namespace
      // only the server sets deletionTimestamp; an update cannot take it away (rest.BeforeUpdate)
      if (current.metadata.deletionTimestamp && !input.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = current.metadata.deletionTimestamp
        if (current.metadata.deletionGracePeriodSeconds !== undefined)
          next.metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds
      }
      // status is only written through the status subresource for kinds that have one
      if (resource.subresources?.includes('status')) {
        if (current.status === undefined) delete next.status
        else next.status = clone(current.status)
      }
      if (specChanged(current, next)) next.metadata.generation = (current.metadata.generation ?? 1) + 1
    }
    if (JSON.stringify(next) === JSON.stringify(current)) return clone(current)
    this.revision += 1
    next.metadata.resourceVersion = String(this.revision)
    table.set(key, next)
    this.emit('MODIFIED', resource, next)
    return clone(next)
  }

  delete(resource: ResourceDef, namespace: string | undefined, name: string): StoredObject {
    const table = this.table(resource)
    const key = objectKey(resource.namespaced ? namespace : undefined, name)
    const current = table.get(key)
    if (!current) {
      throw new StoreError(
        404,
        'NotFound',
        `${resource.resource}${resource.group ? '.' + resource.group : ''} "${name}" not found`
      )
    }
    table.delete(key)
    this.revision += 1
    current.metadata.resourceVersion = String(this.revision)
    this.emit('DELETED', resource, current)
    return clone(current)
  }

  /** Subscribes to every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.feed.on('event', listener)
    return () => this.feed.off('event', listener)
  }

  /**
   * Events after `resourceVersion`, or undefined when that version is older than the kept history
   * (the server answers 410 Gone, as a real API server does for a compacted revision).
   */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion >= this.revision) return []
    const first = this.history[0]
    if (first && first.resourceVersion > resourceVersion + 1) return undefined
    return this.history.filter((e) => e.resourceVersion > resourceVersion)
  }
}

function specChanged(before: StoredObject, after: StoredObject): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    if (nonSpecTopLevel.has(key)) continue
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) return true
  }
  return false
}
