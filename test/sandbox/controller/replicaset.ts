/** ReplicaSet controller: keeps `spec.replicas` active pods per ReplicaSet and reports their state. */
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import { isPodActive, isPodReady } from './context.js'
import { PREFIX } from './behaviour.js'
import { randomSuffix } from './hash.js'
import { isUnmanaged, podFromTemplate } from './podfactory.js'
import type { Condition, PodSpec, PodStatus, PodTemplate, ReplicaSetSpec, ReplicaSetStatus } from './types.js'
import { specOf, statusOf } from './types.js'
import { getCondition, sameJson } from './util.js'

const source = { component: 'replicaset-controller' }
export const QUOTA_EXCEEDED = `${PREFIX}quota-exceeded`
/** Retries of a failing pod creation back off like the controller's work queue (controller time). */
const RETRY_BASE_MS = 1000
const RETRY_MAX_MS = 300000

/** The sum of the containers' CPU requests as the quota message prints it (`1` when none are set). */
function requestedCpu(template: PodTemplate): string {
  let milli = 0
  for (const c of template.spec?.containers ?? []) {
    const cpu = (c.resources as { requests?: Record<string, unknown> } | undefined)?.requests?.cpu
    const text = typeof cpu === 'number' ? String(cpu) : typeof cpu === 'string' ? cpu : ''
    if (/^\d+m$/.test(text)) milli += Number(text.slice(0, -1))
    else if (/^\d+(\.\d+)?$/.test(text)) milli += Math.round(Number(text) * 1000)
  }
  if (milli === 0) return '1'
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`
}

/**
 * Why the API server would refuse this ReplicaSet's pods, if it would: the quota annotation on the
 * pod template or on the namespace. `"true"` gives a default quota `compute` at its cpu limit; any
 * other value is the quota part of the message (`compute, requested: memory=2Gi, used: ..., limited: ...`).
 */
function createFailure(ctx: Ctx, rs: StoredObject, template: PodTemplate): string | undefined {
  const value =
    template.metadata?.annotations?.[QUOTA_EXCEEDED] ??
    ctx.cache.get('namespaces', undefined, rs.metadata.namespace ?? 'default')?.metadata.annotations?.[QUOTA_EXCEEDED]
  if (value === undefined || value === '' || value === 'false') return undefined
  const quota =
    value === 'true'
      ? `compute, requested: cpu=${requestedCpu(template)}, used: cpu=4, limited: cpu=4`
      : value.replace(/^exceeded quota:\s*/, '')
  return `pods "${rs.metadata.name}-" is forbidden: exceeded quota: ${quota}`
}

export class ReplicaSetController {
  /** uid → whether the controller runs this ReplicaSet (decided when first seen). */
  private readonly managed = new Map<string, boolean>()
  /** uid → failed pod creations so far and when the next attempt is due. */
  private readonly failing = new Map<string, { attempts: number; nextAt: number }>()

  forget(uid: string): void {
    this.managed.delete(uid)
    this.failing.delete(uid)
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
    const failure = diff < 0 && spec.template ? createFailure(ctx, rs, spec.template) : undefined
    if (failure) {
      // slowStartBatch stops at the first refused pod; the work queue retries with back-off
      const state = this.failing.get(uid) ?? { attempts: 0, nextAt: ctx.now }
      if (state.nextAt <= ctx.now) {
        ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${failure}`, source)
        state.nextAt = ctx.now + Math.min(RETRY_BASE_MS * 2 ** state.attempts, RETRY_MAX_MS)
        state.attempts += 1
        this.failing.set(uid, state)
      }
      ctx.due(state.nextAt)
    } else if (diff < 0 && spec.template) {
      this.failing.delete(uid)
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
    // calculateStatus: ReplicaFailure is set on a failed create and dropped once creating works again
    let conditions: Condition[] = current.conditions ?? []
    const failureCond = getCondition(conditions, 'ReplicaFailure')
    if (failure && (!failureCond || failureCond.message !== failure)) {
      conditions = [
        ...conditions.filter((c) => c.type !== 'ReplicaFailure'),
        {
          type: 'ReplicaFailure',
          status: 'True',
          lastTransitionTime: failureCond?.lastTransitionTime ?? ctx.timestamp(),
          reason: 'FailedCreate',
          message: failure
        }
      ]
    } else if (!failure && failureCond) conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
      ...(ready ? { readyReplicas: ready } : {}),
      ...(available ? { availableReplicas: available } : {}),
      observedGeneration: rs.metadata.generation ?? 1,
      ...(conditions.length ? { conditions } : {})
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
