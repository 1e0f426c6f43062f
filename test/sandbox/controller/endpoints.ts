/**
 * Endpoints and EndpointSlice controllers: for each Service with a selector, the matching pods that
 * have an IP, split into ready and not-ready addresses (Endpoints) or conditions (EndpointSlice).
 * Recomputed only when pods, services or endpoint objects changed.
 */
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import { isPodReady } from './context.js'
import { isUnmanaged } from './podfactory.js'
import type { ContainerSpec, PodSpec, PodStatus, ServicePort, ServiceSpec } from './types.js'
import { specOf } from './types.js'
import { controllerRef, mapSelectorMatches, sameJson } from './util.js'

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
const MANAGER = 'endpointslice-controller.k8s.io'

interface Address {
  ip: string
  nodeName?: string
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string }
}

export class EndpointsController {
  private dirty = true
  /** Endpoints objects this controller created, deleted again with their Service. */
  private readonly owned = new Set<string>()

  touch(): void {
    this.dirty = true
  }

  reconcile(ctx: Ctx): void {
    if (!this.dirty) return
    this.dirty = false
    const podsByNamespace = new Map<string, StoredObject[]>()
    for (const pod of ctx.cache.all('pods')) {
      const ns = pod.metadata.namespace ?? ''
      const list = podsByNamespace.get(ns)
      if (list) list.push(pod)
      else podsByNamespace.set(ns, [pod])
    }
    for (const svc of [...ctx.cache.all('services')]) {
      const spec = specOf<ServiceSpec>(svc)
      if (isUnmanaged(svc) || !spec.selector || Object.keys(spec.selector).length === 0) continue
      const selector = spec.selector
      const pods = (podsByNamespace.get(svc.metadata.namespace ?? '') ?? [])
        .filter((p) => mapSelectorMatches(selector, p.metadata.labels))
        .filter((p) => {
          const status = (p.status ?? {}) as PodStatus
          return (
            status.podIP && !p.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed'
          )
        })
        .sort((a, b) => ipKey((a.status as PodStatus).podIP!) - ipKey((b.status as PodStatus).podIP!))
      this.syncEndpoints(ctx, svc, spec, pods)
      this.syncSlice(ctx, svc, spec, pods)
    }
    for (const key of [...this.owned]) {
      const [namespace, name] = key.split('/') as [string, string]
      if (ctx.cache.get('services', namespace, name)) continue
      const orphan = ctx.cache.get('endpoints', namespace, name)
      if (orphan) ctx.remove('endpoints', orphan)
      this.owned.delete(key)
    }
  }

  private syncEndpoints(ctx: Ctx, svc: StoredObject, spec: ServiceSpec, pods: StoredObject[]): void {
    const ready: Address[] = []
    const notReady: Address[] = []
    for (const pod of pods) (isPodReady(pod.status as PodStatus) ? ready : notReady).push(address(pod))
    const ports = (spec.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: targetPort(p, pods[0]),
      protocol: p.protocol ?? 'TCP'
    }))
    const subsets =
      ready.length + notReady.length > 0
        ? [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports
            }
          ]
        : undefined
    const labels = { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/skip-mirror': 'true' }
    const existing = ctx.cache.get('endpoints', svc.metadata.namespace, svc.metadata.name)
    this.owned.add(`${svc.metadata.namespace}/${svc.metadata.name}`)
    if (!existing) {
      ctx.create('endpoints', {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace, labels },
        ...(subsets ? { subsets } : {})
      })
      return
    }
    if (sameJson(existing.subsets, subsets) && sameJson(existing.metadata.labels, labels)) return
    const next = structuredClone(existing)
    next.metadata.labels = labels
    if (subsets) next.subsets = subsets
    else delete next.subsets
    ctx.update('endpoints', next)
  }

  private syncSlice(ctx: Ctx, svc: StoredObject, spec: ServiceSpec, pods: StoredObject[]): void {
    const endpoints = pods.map((pod) => {
      const ready = isPodReady(pod.status as PodStatus)
      const a = address(pod)
      return {
        addresses: [a.ip],
        conditions: { ready, serving: ready, terminating: false },
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        targetRef: a.targetRef
      }
    })
    const ports = (spec.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: targetPort(p, pods[0]),
      protocol: p.protocol ?? 'TCP'
    }))
    const labels = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY]: MANAGER }
    const [slice, ...extra] = ctx.cache.ownedBy('endpointslices', svc.metadata.uid)
    for (const e of extra) ctx.remove('endpointslices', e)
    if (!slice) {
      ctx.create('endpointslices', {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: '',
          generateName: `${svc.metadata.name}-`,
          namespace: svc.metadata.namespace,
          labels,
          ownerReferences: [controllerRef(svc)]
        },
        addressType: 'IPv4',
        endpoints,
        ports
      })
      return
    }
    if (sameJson(slice.endpoints, endpoints) && sameJson(slice.ports, ports) && sameJson(slice.metadata.labels, labels))
      return
    ctx.update('endpointslices', {
      ...structuredClone(slice),
      metadata: { ...structuredClone(slice.metadata), labels },
      endpoints,
      ports
    })
  }
}

function address(pod: StoredObject): Address {
  const nodeName = (pod.spec as PodSpec | undefined)?.nodeName
  return {
    ip: (pod.status as PodStatus).podIP!,
    ...(nodeName ? { nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      name: pod.metadata.name,
      namespace: pod.metadata.namespace ?? 'default',
      uid: pod.metadata.uid ?? ''
    }
  }
}

/** A named targetPort resolves through the first pod's container ports (pods of one Service agree). */
function targetPort(port: ServicePort, pod: StoredObject | undefined): number {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  const containers: ContainerSpec[] = (pod?.spec as PodSpec | undefined)?.containers ?? []
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort
  return port.port
}

function ipKey(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}
