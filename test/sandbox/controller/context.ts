/**
 * What every reconcile function gets: the store and cache, the clock, the event recorder, and a way to
 * ask for a later pass. Writes go through here so conflicts (a client wrote in between) just cause
 * another pass instead of an exception, as a requeue would in a real controller.
 */
import { markTerminating, podGracePeriod } from '../api/graceful.js'
import type { ControllerClock } from '../clock.js'
import { StoreError, type ObjectStore, type StoredObject } from '../store.js'
import { R, type Cache, type Kind } from './cache.js'
import type { EventRecorder } from './events.js'
import type { Condition, PodStatus } from './types.js'
import { getCondition } from './util.js'

export class Ctx {
  /** Controller time (ms) when the current pass started; every decision in a pass uses it. */
  now = 0
  private nextDue = Infinity
  private retry = false
  private readonly wallOrigin: number
  /** Precise controller time a pod became Ready (timestamps in objects only have second precision). */
  readonly readySince = new Map<string, number>()

  constructor(
    readonly store: ObjectStore,
    readonly cache: Cache,
    readonly clock: ControllerClock,
    readonly events: EventRecorder
  ) {
    this.wallOrigin = Date.now() - clock.toWall(clock.now())
  }

  beginPass(): void {
    this.now = this.clock.now()
    this.nextDue = Infinity
    this.retry = false
  }

  /** Ends a pass: the controller time of the next time-based transition (Infinity when none). */
  endPass(): { nextDue: number; retry: boolean } {
    return { nextDue: this.nextDue, retry: this.retry }
  }

  /** Asks for a pass at controller time `at`. */
  due(at: number): void {
    if (at < this.nextDue) this.nextDue = at
  }

  /** The wall-clock timestamp of a controller instant (second precision, like the API server). */
  timestamp(at: number = this.now): string {
    return this.clock.timestamp(new Date(this.wallOrigin + this.clock.toWall(at)))
  }

  /** Controller time of a wall timestamp written into an object. */
  controllerTimeOf(timestamp: string | undefined): number | undefined {
    if (!timestamp) return undefined
    const wall = Date.parse(timestamp)
    return Number.isNaN(wall) ? undefined : this.now - this.clock.elapsedSince(wall)
  }

  create(kind: Kind, object: StoredObject): StoredObject | undefined {
    return this.guard(() => this.store.create(R[kind], object))
  }

  update(kind: Kind, object: StoredObject): StoredObject | undefined {
    return this.guard(() => this.store.update(R[kind], object))
  }

  updateStatus(kind: Kind, object: StoredObject, status: object): StoredObject | undefined {
    return this.guard(() =>
      this.store.update(R[kind], { ...object, status: status as Record<string, unknown> }, { subresource: 'status' })
    )
  }

  /** Deletes as a controller's DELETE does: a pod on a node goes Terminating for its grace period. */
  remove(kind: Kind, object: StoredObject): void {
    if (kind === 'pods') {
      if (object.metadata.deletionTimestamp) return
      const grace = podGracePeriod(object)
      if (grace > 0) {
        this.guard(() => this.store.update(R.pods, markTerminating(object, grace)))
        return
      }
    }
    this.guard(() => this.store.delete(R[kind], object.metadata.namespace, object.metadata.name))
  }

  /** The kubelet's final delete of a pod it has stopped. */
  purge(kind: Kind, object: StoredObject): void {
    this.guard(() => this.store.delete(R[kind], object.metadata.namespace, object.metadata.name))
  }

  private guard<T>(write: () => T): T | undefined {
    try {
      return write()
    } catch (error) {
      if (error instanceof StoreError && (error.code === 409 || error.code === 404)) {
        this.retry = true
        return undefined
      }
      throw error
    }
  }

  /** Whether a pod is Ready, and available after `minReadySeconds` (asks for a pass when it will be). */
  podAvailability(pod: StoredObject, minReadySeconds = 0): { ready: boolean; available: boolean } {
    const status = (pod.status ?? {}) as PodStatus
    const ready = isPodReady(status)
    if (!ready) return { ready, available: false }
    if (minReadySeconds <= 0) return { ready, available: true }
    const since =
      this.readySince.get(pod.metadata.uid ?? '') ??
      this.controllerTimeOf(getCondition(status.conditions, 'Ready')?.lastTransitionTime) ??
      this.now
    const availableAt = since + minReadySeconds * 1000
    if (availableAt > this.now) {
      this.due(availableAt)
      return { ready, available: false }
    }
    return { ready, available: true }
  }
}

export function isPodReady(status: PodStatus): boolean {
  const c: Condition | undefined = getCondition(status.conditions, 'Ready')
  return c?.status === 'True'
}

/** Pods that count for a controller: not terminated and not being deleted (controller.FilterActivePods). */
export function isPodActive(pod: StoredObject): boolean {
  const phase = (pod.status as PodStatus | undefined)?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}
