/**
 * Row 5: every Service that selects the workload's pods has ready endpoints on the current pods: at
 * least `minReady` (`require: any`) or every current pod (`require: all`); skipped when the workload
 * wants no pods. EndpointSlices first (label
 * kubernetes.io/service-name), the legacy Endpoints object when a Service has no slice. Pure.
 */
import type { CheckDetail, CheckResult } from '../../model/result.js'
import { serviceSelects } from '../selector.js'
import type { Pod, Service } from '../k8s-types.js'
import type { CheckContext } from './context.js'
import { templateLabels } from '../../kube/workload/template.js'

interface ReadyEndpoint {
  ip?: string
  podUid?: string
  podName?: string
}

function readyEndpoints(ctx: CheckContext, service: Service): ReadyEndpoint[] {
  const name = service.metadata.name
  const slices = ctx.snapshot.endpointSlices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name)
  if (slices.length > 0) {
    // `ready` unset means ready (EndpointConditions API doc); terminating endpoints are not ready.
    return slices.flatMap((s) =>
      (s.endpoints ?? [])
        .filter((e) => e.conditions?.ready !== false)
        .map((e) => ({ ip: e.addresses?.[0], podUid: e.targetRef?.uid, podName: e.targetRef?.name }))
    )
  }
  const legacy = ctx.snapshot.endpoints.find((e) => e.metadata.name === name)
  return (legacy?.subsets ?? []).flatMap((s) =>
    (s.addresses ?? []).map((a) => ({ ip: a.ip, podUid: a.targetRef?.uid, podName: a.targetRef?.name }))
  )
}

export function endpointsCheck(ctx: CheckContext): CheckResult {
  const labels = templateLabels(ctx.snapshot.object)
  const services = ctx.snapshot.services.filter((s) => serviceSelects(s.spec?.selector, labels))
  const { require, minReady } = ctx.settings.endpoints
  const expected = require === 'all' ? 'every current pod ready in each Service' : `≥ ${minReady} ready per Service`
  const row = { id: 'endpoints', title: 'Service endpoints', expected }
  const blind = unreadableSource(ctx, services)
  if (blind !== undefined) {
    return { ...row, actual: 'not checked', status: 'inconclusive', reason: `Service endpoints: ${blind}` }
  }
  if (services.length === 0) {
    return {
      ...row,
      actual: 'no Service selects this workload',
      status: 'skipped',
      reason: 'no Service selects this workload'
    }
  }
  // A workload scaled to zero has nothing to put behind its Services; demanding endpoints would fail
  // every deploy of a parked or standby workload.
  const wanted = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object)
  if (wanted === 0) {
    return { ...row, actual: 'no pods wanted', status: 'skipped', reason: 'the workload wants 0 pods' }
  }
  const currentPods = ctx.snapshot.pods.filter((p) => !p.metadata.deletionTimestamp)
  // Only endpoints of this workload's current pods count: a Service shared with other workloads (or
  // still holding the previous revision's pods) can have ready endpoints while the new pods get no traffic.
  const own = (e: ReadyEndpoint): boolean => currentPods.some((p) => matches(e, p))
  const failing: CheckDetail[] = []
  const actual: string[] = []
  for (const service of services) {
    const ready = readyEndpoints(ctx, service)
    const mine = ready.filter(own)
    const others = ready.length - mine.length
    const name = service.metadata.name
    actual.push(`${name}: ${mine.length} ready${others > 0 ? ` (+${others} of other pods)` : ''}`)
    const otherFact = others > 0 ? [{ label: 'ready endpoints of other pods', value: String(others) }] : []
    if (require === 'all') {
      const missing = currentPods.filter((p) => !mine.some((e) => matches(e, p)))
      if (missing.length > 0 || currentPods.length === 0) {
        failing.push({
          title: `Service ${name}`,
          facts: [
            { label: 'ready endpoints of current pods', value: String(mine.length) },
            ...otherFact,
            {
              label: 'pods not ready in endpoints',
              value:
                missing
                  .slice(0, 10)
                  .map((p) => p.metadata.name)
                  .join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '')
            }
          ]
        })
      }
    } else if (mine.length < minReady) {
      failing.push({
        title: `Service ${name}`,
        facts: [
          { label: 'ready endpoints of current pods', value: `${mine.length} (minimum ${minReady})` },
          ...otherFact
        ]
      })
    }
  }
  if (failing.length === 0) return { ...row, actual: actual.join(', '), status: 'passed' }
  const names = failing.map((d) => d.title.replace(/^Service /, '')).join(', ')
  return {
    ...row,
    actual: actual.join(', '),
    status: 'failed',
    reason: `Service${failing.length > 1 ? 's' : ''} ${names} ${failing.length > 1 ? 'do' : 'does'} not have the required ready endpoints on the pods of ${ctx.revisionLabel}.`,
    details: failing.slice(0, 10)
  }
}

/**
 * Why the endpoints cannot be judged, if a source they need could not be read: the Services (then we
 * cannot tell which select the workload), or both kinds of endpoint objects for a selecting Service.
 * A workload that wants no pods needs none of them.
 */
function unreadableSource(ctx: CheckContext, services: Service[]): string | undefined {
  const unavailable = ctx.snapshot.unavailable
  if (!unavailable) return undefined
  const wanted = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object)
  if (wanted === 0) return undefined
  if (unavailable.services !== undefined) return unavailable.services
  const hasSlice = (s: Service): boolean =>
    ctx.snapshot.endpointSlices.some((e) => e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name)
  if (unavailable.endpoints !== undefined && services.some((s) => !hasSlice(s))) return unavailable.endpoints
  return undefined
}

/** An endpoint is a pod's when its targetRef (uid, else name) or its address says so. */
const matches = (e: ReadyEndpoint, p: Pod): boolean =>
  (e.podUid !== undefined && e.podUid === p.metadata.uid) ||
  (e.podName !== undefined && e.podName === p.metadata.name) ||
  (e.ip !== undefined && e.ip === p.status?.podIP)
