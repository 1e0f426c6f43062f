/**
 * WATCH: a chunked stream of newline-delimited `{"type","object"}` events. Resumes from a
 * resourceVersion using the store's history (an ERROR event with a 410 Expired Status when that
 * version is too old, as kube-apiserver's watch cache does), starts with synthetic ADDED events when no
 * resourceVersion (or "0") is given, honours label/field selectors (objects moving out of a selector
 * are reported as DELETED, into it as ADDED), `timeoutSeconds` and BOOKMARK events.
 */
import type { ServerResponse } from 'node:http'
import { groupVersion, type ResourceDef } from '../resources.js'
import type { ObjectStore, StoreEvent, StoredObject } from '../store.js'
import { encodeJson } from './gofmt.js'
import type { SortedListCache } from './list.js'
import { fieldMatcher, labelMatcher } from './selectors.js'
import { failureStatus } from './status.js'
import { toTable, type IncludeObject } from './table.js'

export interface WatchRequest {
  resource: ResourceDef
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
  resourceVersion?: string
  timeoutSeconds?: number
  allowBookmarks: boolean
  sendInitialEvents: boolean
  /** Render objects as one-row Tables (kubectl get --watch). */
  table?: IncludeObject
  bookmarkIntervalMs: number
  /** Upper bound for a watch without timeoutSeconds (a real server picks 30–60 min). */
  maxDurationMs: number
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'

const keyOf = (o: StoredObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** Starts streaming; selectors must already be validated (parse errors answer before the stream). */
export function serveWatch(store: ObjectStore, cache: SortedListCache, res: ServerResponse, w: WatchRequest): void {
  const matchLabels = labelMatcher(w.labelSelector)
  const matchFields = fieldMatcher(w.fieldSelector, w.resource)
  const filtered = Boolean(w.labelSelector?.trim() || w.fieldSelector?.trim())
  const r = w.resource
  const inScope = (o: StoredObject): boolean =>
    !r.namespaced || w.namespace === undefined || o.metadata.namespace === w.namespace
  const matches = (o: StoredObject): boolean => inScope(o) && matchLabels(o.metadata.labels) && matchFields(o)
  const sameResource = (e: StoreEvent): boolean =>
    e.resource.resource === r.resource && e.resource.group === r.group && e.resource.version === r.version

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked'
  })
  res.flushHeaders()

  let closed = false
  const send = (type: EventType, object: object): void => {
    if (closed) return
    const rendered =
      w.table && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
        ? toTable(r, [object as StoredObject], {}, w.table)
        : object
    res.write(`${encodeJson({ type, object: rendered })}\n`)
  }

  const visible = new Set<string>()
  let lastSent = 0
  const deliver = (e: StoreEvent): void => {
    if (e.resourceVersion <= lastSent || !sameResource(e)) return
    lastSent = e.resourceVersion
    const key = keyOf(e.object)
    const now = matches(e.object)
    if (!filtered) {
      if (inScope(e.object)) send(e.type, e.object)
      return
    }
    if (e.type === 'DELETED') {
      if (visible.delete(key) || now) send('DELETED', e.object)
    } else if (now) {
      send(visible.has(key) ? e.type : 'ADDED', e.object)
      visible.add(key)
    } else if (visible.delete(key)) send('DELETED', e.object)
  }

  // Subscribe before replaying; both happen in this synchronous block, so no event falls in a gap.
  const buffered: StoreEvent[] = []
  let replaying = true
  const unsubscribe = store.subscribe((e) => (replaying ? buffered.push(e) : deliver(e)))
  const timers: NodeJS.Timeout[] = []
  const finish = (): void => {
    if (closed) return
    closed = true
    unsubscribe()
    for (const t of timers) clearTimeout(t)
    if (!res.writableEnded) res.end()
  }
  res.on('close', finish)

  const rv = w.resourceVersion
  const bookmark = (annotations?: Record<string, string>): void =>
    send('BOOKMARK', {
      kind: r.kind,
      apiVersion: groupVersion(r),
      metadata: { resourceVersion: String(store.resourceVersion), ...(annotations ? { annotations } : {}) }
    })

  if (rv === undefined || rv === '' || rv === '0' || w.sendInitialEvents) {
    for (const o of cache.get(r, w.namespace)) {
      if (!matches(o)) continue
      visible.add(keyOf(o))
      send('ADDED', o)
    }
    lastSent = store.resourceVersion
    if (w.sendInitialEvents && w.allowBookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' })
  } else {
    const from = Number(rv)
    const history = Number.isInteger(from) && from >= 0 ? store.eventsSince(from) : undefined
    if (!history) {
      send('ERROR', failureStatus(410, 'Expired', `too old resource version: ${rv} (${store.resourceVersion})`))
      replaying = false
      finish()
      return
    }
    if (filtered) for (const o of cache.get(r, w.namespace)) if (matches(o)) visible.add(keyOf(o))
    lastSent = from
    for (const e of history) deliver(e)
  }
  replaying = false
  for (const e of buffered) deliver(e)

  if (w.allowBookmarks) {
    const tick = (): void => {
      bookmark()
      timers[0] = setTimeout(tick, w.bookmarkIntervalMs)
    }
    timers[0] = setTimeout(tick, w.bookmarkIntervalMs)
  }
  const duration = w.timeoutSeconds !== undefined && w.timeoutSeconds > 0 ? w.timeoutSeconds * 1000 : w.maxDurationMs
  timers.push(setTimeout(finish, duration))
}
