/** ReplicaSet controller: keeps `spec.replicas` active pods per ReplicaSet and reports their state. */
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import { isPodActive, isPodReady } from './context.js'
import { randomSuffix } from './hash.js'
import { isUnmanaged, podFromTemplate } from './podfactory.js'
import type { PodSpec, PodStatus, ReplicaSetSpec, ReplicaSetStatus } from './types.js'
import { specOf, statusOf } from './types.js'
import { sameJson } from './util.js'

const source = { component: 'replicaset-controller' }

export class ReplicaSetController {
  /** uid → whether the controller runs this ReplicaSet (decided when first seen). */
  private readonly managed = new Map<string, boolean>()

  forget(uid: string): void {
    this.managed.delete(uid)
  }

  reconcile(ctx: Ctx): void {
    for (const rs of [...ctx.cache.all('replicasets')]) this.sync(ctx, rs)
  }

  private sync(ctx: Ctx, rs: StoredObject): void {
    const uid = rs.metadata.uid ?? ''
    let managed = this.managed.get(uid)
    if (managed === undefined) {
      // Scenario ReplicaSets without an owner that arrive with a status are fixtures: leave them as written.
      managed =
        !isUnmanaged(rs) && (rs.metadata.ownerReferences?.some((r) => r.controller) === true || rs.status === undefined)
      this.managed.set(uid, managed)
    }
    if (!managed || rs.metadata.deletionTimestamp) return
    const spec = specOf<ReplicaSetSpec>(rs)
    const want = spec.replicas ?? 1
    let pods = ctx.cache.ownedBy('pods', uid).filter(isPodActive)
    const diff = pods.length - want
    if (diff < 0 && spec.template) {
      for (let i = 0; i < -diff; i += 1) {
        let name = `${rs.metadata.name}-${randomSuffix()}`
        while (ctx.cache.get('pods', rs.metadata.namespace, name)) name = `${rs.metadata.name}-${randomSuffix()}`
        const created = ctx.create(
          'pods',
          podFromTemplate(rs, spec.template, name, { generateName: `${rs.metadata.name}-` })
        )
        if (created) ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, source)
      }
    } else if (diff > 0) {
      for (const pod of rankForDeletion(ctx, pods).slice(0, diff)) {
        ctx.remove('pods', pod)
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source)
      }
    }
    pods = ctx.cache.ownedBy('pods', uid).filter(isPodActive)
    const templateLabels = spec.template?.metadata?.labels ?? {}
    let fullyLabeled = 0
    let ready = 0
    let available = 0
    for (const pod of pods) {
      const labels = pod.metadata.labels ?? {}
      if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled += 1
      const a = ctx.podAvailability(pod, spec.minReadySeconds ?? 0)
      if (a.ready) ready += 1
      if (a.available) available += 1
    }
    const current = statusOf<ReplicaSetStatus>(rs)
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
      ...(ready ? { readyReplicas: ready } : {}),
      ...(available ? { availableReplicas: available } : {}),
      observedGeneration: rs.metadata.generation ?? 1,
      ...(current.conditions?.length ? { conditions: current.conditions } : {})
    }
    if (!sameJson(rs.status, status))
      ctx.updateStatus(
        'replicasets',
        ctx.cache.get('replicasets', rs.metadata.namespace, rs.metadata.name) ?? rs,
        status
      )
  }
}

const phaseRank = (phase: string | undefined): number =>
  phase === 'Pending' || !phase ? 0 : phase === 'Unknown' ? 1 : 2

/** controller.ActivePodsWithRanks, simplified: the pods least worth keeping come first. */
function rankForDeletion(ctx: Ctx, pods: StoredObject[]): StoredObject[] {
  const key = (p: StoredObject): number[] => {
    const status = (p.status ?? {}) as PodStatus
    const restarts = (status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0)
    return [
      (p.spec as PodSpec | undefined)?.nodeName ? 1 : 0,
      phaseRank(status.phase),
      isPodReady(status) ? 1 : 0,
      -(ctx.readySince.get(p.metadata.uid ?? '') ?? 0),
      -restarts,
      -Date.parse(p.metadata.creationTimestamp ?? '') || 0
    ]
  }
  return pods
    .map((p) => ({ p, k: key(p) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i += 1) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!
      return 0
    })
    .map((x) => x.p)
}
