/**
 * core/v1 Events the way client-go's recorder writes them: one object per involved object + type +
 * reason + message, whose `count` and `lastTimestamp` grow when the same thing happens again.
 */
import type { ControllerClock } from '../clock.js'
import { StoreError, type ObjectStore, type StoredObject } from '../store.js'
import { R } from './cache.js'

export type EventType = 'Normal' | 'Warning'

export interface EventSource {
  component: string
  host?: string
}

export class EventRecorder {
  /** Dedup index: involved object uid → (type, reason, message, component) → event name. */
  private readonly known = new Map<string, Map<string, { namespace: string; name: string }>>()
  private sequence = 0

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: ControllerClock
  ) {}

  /** Records `times` occurrences (a pass may cover several, e.g. restarts while time ran fast). */
  record(object: StoredObject, type: EventType, reason: string, message: string, source: EventSource, times = 1): void {
    if (times <= 0) return
    const namespace = object.metadata.namespace ?? 'default'
    const uid = object.metadata.uid ?? ''
    const key = `${type}\u0000${reason}\u0000${message}\u0000${source.component}`
    const now = this.clock.timestamp()
    let perObject = this.known.get(uid)
    if (!perObject) this.known.set(uid, (perObject = new Map()))
    const seen = perObject.get(key)
    if (seen) {
      const current = this.store.get(R.events, seen.namespace, seen.name)
      if (current) {
        current.count = Number(current.count ?? 1) + times
        current.lastTimestamp = now
        try {
          this.store.update(R.events, current)
          return
        } catch (error) {
          if (!(error instanceof StoreError)) throw error
        }
      }
    }
    this.sequence += 1
    const name = `${object.metadata.name}.${(BigInt(Date.now()) * 1000000n + BigInt(this.sequence)).toString(16)}`
    const event: StoredObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace,
        uid,
        resourceVersion: object.metadata.resourceVersion
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: times,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? ''
    }
    try {
      this.store.create(R.events, event)
      perObject.set(key, { namespace, name })
    } catch (error) {
      if (!(error instanceof StoreError)) throw error
    }
  }

  /** Forgets dedup keys of a deleted object (its events stay, as they would until their TTL). */
  forget(uid: string): void {
    this.known.delete(uid)
  }
}
