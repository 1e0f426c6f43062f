/**
 * Graceful pod deletion as kube-apiserver does it (pkg/registry/core/pod/strategy.go
 * CheckGracefulDelete, apimachinery rest.BeforeDelete): a pod bound to a node and not finished is not
 * removed by DELETE; it gets `metadata.deletionTimestamp` (now + grace period) and
 * `deletionGracePeriodSeconds`, shows as Terminating, and is removed when the kubelet has stopped it
 * (the sandbox controller's kubelet, after the grace period in controller time). The grace period is
 * the request's (`gracePeriodSeconds`), else the pod's `terminationGracePeriodSeconds` (default 30); 0
 * deletes at once. A second DELETE may only shorten the grace period.
 */
import type { StoredObject } from '../store.js'

type Obj = Record<string, unknown>

/** The grace period this deletion gets, or 0 when the pod goes at once. */
export function podGracePeriod(pod: StoredObject, requested?: number): number {
  const spec = (pod.spec ?? {}) as Obj
  const phase = ((pod.status ?? {}) as Obj).phase
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0
  const own = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30
  const grace = requested ?? own
  const current = pod.metadata.deletionGracePeriodSeconds
  return typeof current === 'number' ? Math.min(current, grace) : Math.max(0, grace)
}

/** The pod marked Terminating (a copy), deletionTimestamp in wall time like a real server. */
export function markTerminating(pod: StoredObject, grace: number, nowMs = Date.now()): StoredObject {
  const next = structuredClone(pod)
  const at = new Date(nowMs + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  next.metadata.deletionTimestamp = at
  next.metadata.deletionGracePeriodSeconds = grace
  return next
}

/** `gracePeriodSeconds` from the query or the DeleteOptions body. */
export function requestedGrace(query: URLSearchParams, options: Obj): number | undefined {
  const raw = query.get('gracePeriodSeconds') ?? options.gracePeriodSeconds
  if (raw === undefined || raw === null || raw === '') return undefined
  const n = Number(raw)
  return Number.isFinite(n) ? n : undefined
}
