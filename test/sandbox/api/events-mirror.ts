/**
 * `events.k8s.io/v1` Events: on a real cluster the same objects as core/v1 Events, served in the
 * newer shape (kubernetes pkg/apis/events/v1 conversion). The sandbox's controllers and kubelet write
 * core Events; this mirror keeps an events.k8s.io copy of each, converted field by field:
 * message → note, involvedObject → regarding, source → deprecatedSource, count → deprecatedCount,
 * firstTimestamp/lastTimestamp → deprecatedFirstTimestamp/deprecatedLastTimestamp, reportingComponent
 * → reportingController, reportingInstance, series {count, lastObservedTime}, action, related. Limits:
 * the copy has its own uid and resourceVersion, and events created through events.k8s.io stay there.
 */
import type { ResourceDef } from '../resources.js'
import type { ObjectStore, StoreEvent, StoredObject } from '../store.js'

type Obj = Record<string, unknown>

export function toEventsV1(core: StoredObject): StoredObject {
  const e = core as Obj
  const { name, namespace, labels, annotations } = core.metadata
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined
  const out: Obj = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: {
      name,
      namespace,
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
      creationTimestamp: core.metadata.creationTimestamp
    },
    eventTime: e.eventTime ?? null,
    ...(series ? { series: { count: series.count, lastObservedTime: series.lastObservedTime } } : {}),
    reportingController: e.reportingComponent ?? (e.source as Obj | undefined)?.component ?? '',
    reportingInstance: e.reportingInstance ?? (e.source as Obj | undefined)?.host ?? '',
    action: e.action,
    reason: e.reason,
    regarding: e.involvedObject,
    related: e.related,
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count
  }
  for (const [k, v] of Object.entries(out)) if (v === undefined || v === '') delete out[k]
  return out as StoredObject
}

/** Starts mirroring; returns the unsubscribe function. */
export function mirrorEvents(store: ObjectStore, core: ResourceDef, v1: ResourceDef): () => void {
  const upsert = (event: StoredObject): void => {
    const copy = toEventsV1(event)
    const existing = store.get(v1, event.metadata.namespace, event.metadata.name)
    if (existing) store.update(v1, { ...copy, metadata: { ...copy.metadata, resourceVersion: undefined } })
    else store.create(v1, copy)
  }
  for (const e of store.list(core)) upsert(e)
  return store.subscribe((change: StoreEvent) => {
    const r = change.resource
    if (r.group !== core.group || r.resource !== core.resource) return
    const object = change.object
    // after the change has reached every listener, so that watchers see core first
    queueMicrotask(() => {
      if (change.type === 'DELETED') {
        if (store.get(v1, object.metadata.namespace, object.metadata.name))
          store.delete(v1, object.metadata.namespace, object.metadata.name)
      } else {
        const current = store.get(core, object.metadata.namespace, object.metadata.name)
        if (current) upsert(current)
      }
    })
  })
}
