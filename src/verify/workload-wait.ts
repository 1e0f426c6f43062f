/**
 * The wait for a workload rollout: poll (GET the object, LIST its current pods) until kubectl's rollout
 * status is done or failed, the rollout is blocked until someone acts (a paused Deployment), a terminal
 * pod signal has persisted longer than failFastAfter, or the timeout.
 * Polling, not watching: a poll survives dropped watches and proxies, and the cost is 2–3 requests a poll.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import type { RevisionInfo, StatusViewer } from '../kube/status/types.js'
import { gatherRevision, type RevisionState } from '../kube/gather.js'
import { podHealth } from '../evaluate/pod-signals.js'
import type { WaitOutcome, WorkloadVerifySettings } from '../evaluate/snapshot.js'
import { formatDuration } from '../evaluate/format.js'
import { ProgressLog } from './workload-progress.js'

export interface WaitContext {
  api: KubeApi
  kind: StatusViewer
  object: KubeObject
  settings: Pick<WorkloadVerifySettings, 'timeout' | 'failFastAfter'> & { pollInterval: number }
  /** When this target's wait began: its timeout and the elapsed times logged run from here. */
  startedAt: Date
  log: (line: string) => void
  sleep: (ms: number) => Promise<void>
  now: () => number
}

/** Result of the wait with the last poll's state (fresh, so gathering can reuse it); `deleted` when the object went away. */
export type WaitResult = { outcome: WaitOutcome; state: RevisionState } | { end: 'deleted' }

interface Sighting {
  firstSeen: number
  subject?: string
  message?: string
  pod: string
  reason: string
  container?: string
  olderRevision: boolean
}

export async function waitForRollout(ctx: WaitContext): Promise<WaitResult> {
  const { api, kind, settings } = ctx
  const start = ctx.startedAt.getTime()
  const deadline = start + settings.timeout
  const progress = new ProgressLog(ctx.log, `${kind.kind.toLowerCase()} "${ctx.object.metadata.name}"`)
  const sightings = new Map<string, Sighting>()
  // The current revision only changes with a new generation; reuse it while the generation stands.
  let cached: { generation: number; owned: KubeObject[]; revision?: RevisionInfo } | undefined
  let object: KubeObject | undefined = ctx.object
  let polls = 0

  for (;;) {
    const generation = object.metadata.generation ?? 0
    const observed = (object as { status?: { observedGeneration?: number } }).status?.observedGeneration ?? 0
    const reuse = cached && cached.generation === generation && cached.revision ? cached : undefined
    const state = await gatherRevision(api, kind, object, reuse)
    if (!reuse && state.revision && observed >= generation)
      cached = { generation, owned: state.owned, revision: state.revision }

    const now = ctx.now()
    const status = kind.rolloutStatus(object)
    progress.update(status.message, now - start, now)
    const seen = new Set<string>()
    const stillUnready = new Set<string>()
    const watched = [
      ...state.pods.map((pod) => ({ pod, olderRevision: false })),
      // A broken pod of an earlier revision blocks a StatefulSet rollout as surely as a new one failing.
      ...(state.olderPods ?? []).map((pod) => ({ pod, olderRevision: true }))
    ]
    for (const { pod, olderRevision } of watched.map((w) => ({ ...w, pod: podHealth(w.pod) }))) {
      if (pod.terminating) continue
      for (const c of pod.containers) if (!c.ready) stillUnready.add(`${pod.name}\u0000${c.name}`)
      for (const signal of pod.signals) {
        const key = `${pod.name}\u0000${signal.reason}\u0000${signal.container ?? ''}`
        seen.add(key)
        if (!sightings.has(key)) {
          sightings.set(key, {
            firstSeen: now,
            pod: pod.name,
            reason: signal.reason,
            container: signal.container,
            olderRevision
          })
          ctx.log(
            `pod ${pod.name}${olderRevision ? ' (earlier revision)' : ''}: ${signal.reason}${signal.container ? ` (container ${signal.container})` : ''}${signal.message ? `: ${signal.message}` : ''}; failing in ${formatDuration(settings.failFastAfter)} unless it recovers`
          )
        }
      }
    }
    const controllerFailure = kind.controllerFailure?.(object)
    if (controllerFailure) {
      const key = `\u0000controller\u0000${controllerFailure.reason}`
      seen.add(key)
      if (!sightings.has(key)) {
        const subject = `${kind.kind.toLowerCase()} "${object.metadata.name}"`
        sightings.set(key, { firstSeen: now, subject, pod: '', olderRevision: false, ...controllerFailure })
        ctx.log(
          `${subject}: ${controllerFailure.reason}${controllerFailure.message ? `: ${controllerFailure.message}` : ''}; failing in ${formatDuration(settings.failFastAfter)} unless it clears`
        )
      }
    }
    // A signal that went away because the pod recovered (its container is ready) or was replaced starts
    // from zero if it comes back. A crash-looping container is briefly Running between back-offs:
    // while it has not become ready, its sighting keeps its age, or flapping would defer fail-fast.
    for (const [key, s] of [...sightings.entries()]) {
      if (seen.has(key)) continue
      if (s.container && stillUnready.has(`${s.pod}\u0000${s.container}`)) continue
      sightings.delete(key)
    }

    const elapsedMs = now - start
    if (status.error) return { outcome: { end: 'error', status, elapsedMs }, state }
    if (status.done) return { outcome: { end: 'done', status, elapsedMs }, state }
    const blocked = kind.blocked?.(object)
    if (blocked) return { outcome: { end: 'error', status: { ...status, error: blocked }, elapsedMs }, state }
    const persisting = [...sightings.values()].find((s) => now - s.firstSeen >= settings.failFastAfter)
    if (persisting) {
      const failFast = {
        ...(persisting.subject ? { subject: persisting.subject, message: persisting.message } : {}),
        pod: persisting.pod,
        reason: persisting.reason,
        container: persisting.container,
        forMs: now - persisting.firstSeen,
        ...(persisting.olderRevision ? { olderRevision: true } : {})
      }
      return { outcome: { end: 'fail-fast', status, elapsedMs, failFast }, state }
    }
    if (now >= deadline) return { outcome: { end: 'timeout', status, elapsedMs }, state }

    await ctx.sleep(Math.max(0, Math.min(rampedPollInterval(settings.pollInterval, polls++), deadline - now)))
    object = await api.get(kind.resource, object.metadata.namespace, object.metadata.name)
    if (!object) return { end: 'deleted' }
  }
}

/** The first wait between polls; each next one doubles, up to `pollInterval`. */
const FIRST_POLL_MS = 250

/**
 * The wait before poll `n + 1`: 250 ms, 500 ms, 1 s … up to `pollInterval`. Most rollouts a gate
 * waits for (a rollback to a known-good ReplicaSet, a small Deployment) finish within a second or two;
 * `kubectl rollout status` watches and sees that at once, and a fixed 2 s poll would add up to 2 s to
 * every such wait. The ramp costs at most three extra GETs per target, then polls as configured.
 */
export function rampedPollInterval(pollInterval: number, n: number): number {
  return Math.min(pollInterval, FIRST_POLL_MS * 2 ** Math.min(n, 30))
}
