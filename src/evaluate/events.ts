/**
 * Warning events that concern one rollout: filtered client-side by involved object and by time (field
 * selectors cannot express either), de-duplicated, ignored reasons removed. Pure.
 */
import type { KubeEvent } from './k8s-types.js'

/** How far before the verify start a rollout may have begun and still be "this deploy" (see rolloutSince). */
export const ROLLOUT_LOOKBACK_MS = 15 * 60_000

/**
 * When "since the rollout began" starts. The rollout began when its revision's owner (new ReplicaSet or
 * ControllerRevision) was created, which is usually a little before the verify step starts; problems
 * from that gap (a crash before we looked) belong to this deploy, so the earlier of the two is used.
 * But an owner may be old: a no-op deploy keeps the old ReplicaSet, and `rollout undo` re-uses one.
 * Then its creation time says nothing about this deploy, and old events would fail a healthy
 * rollout, so the look-back is capped at ROLLOUT_LOOKBACK_MS before the verify start. (The Deployment's
 * Progressing lastUpdateTime moves on every progress step, so it cannot mark the start.)
 */
export function rolloutSince(verifyStart: Date, revisionCreatedAt?: string): Date {
  const start = verifyStart.getTime()
  const created = revisionCreatedAt ? Date.parse(revisionCreatedAt) : Number.NaN
  if (Number.isNaN(created) || created >= start) return verifyStart
  return new Date(Math.max(created, start - ROLLOUT_LOOKBACK_MS))
}

/** The time an event last happened: series.lastObservedTime, lastTimestamp, eventTime, then creation (kubectl events order). */
export function eventLastSeen(e: KubeEvent): string | undefined {
  return e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? undefined
}

export interface EventSubject {
  kind: string
  name: string
  uid?: string
}

export interface GroupedEvent {
  reason: string
  message: string
  /** `Pod/api-7d9f-abc` */
  object: string
  count: number
  lastSeen?: string
}

export interface EventFilter {
  subjects: EventSubject[]
  since: Date
  ignoreReasons: string[]
}

function concerns(e: KubeEvent, subjects: EventSubject[]): boolean {
  const io = e.involvedObject
  if (!io) return false
  return subjects.some((s) => {
    // uid is exact; name+kind also catches events recorded before the uid was known.
    if (io.uid && s.uid) return io.uid === s.uid
    return io.kind === s.kind && io.name === s.name
  })
}

/** Warning events about the subjects since `since`, grouped by reason+message+object, newest first. */
export function warningEventsSince(events: KubeEvent[], filter: EventFilter): GroupedEvent[] {
  const ignored = new Set(filter.ignoreReasons)
  const since = filter.since.getTime()
  const groups = new Map<string, GroupedEvent>()
  for (const e of events) {
    if (e.type !== 'Warning' || ignored.has(e.reason ?? '')) continue
    if (!concerns(e, filter.subjects)) continue
    const seen = eventLastSeen(e)
    // Timestamps have second precision; compare at that precision so an event in the start second counts.
    if (!seen || Date.parse(seen) < Math.floor(since / 1000) * 1000) continue
    const object = `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`
    const key = `${e.reason ?? ''}\u0000${e.message ?? ''}\u0000${object}`
    const count = e.series?.count ?? e.count ?? 1
    const prev = groups.get(key)
    if (prev) {
      prev.count += count
      if (seen > (prev.lastSeen ?? '')) prev.lastSeen = seen
    } else {
      groups.set(key, { reason: e.reason ?? '', message: (e.message ?? '').trim(), object, count, lastSeen: seen })
    }
  }
  return [...groups.values()].sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
}
