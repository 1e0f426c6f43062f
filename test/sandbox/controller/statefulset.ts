/**
 * StatefulSet controller (OrderedReady or Parallel): pods `<name>-<ordinal>`, ControllerRevisions,
 * RollingUpdate from the highest ordinal down to `partition`, OnDelete, and status.
 */
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import { isPodActive } from './context.js'
import { isUnmanaged, podFromTemplate } from './podfactory.js'
import { ownedRevisions, syncUpdateRevision, templateOf, truncateHistory } from './revisions.js'
import type { PodStatus, StatefulSetSpec } from './types.js'
import { specOf, statusOf } from './types.js'
import { sameJson } from './util.js'

export const REVISION_LABEL = 'controller-revision-hash'
const source = { component: 'statefulset-controller' }

interface StatefulSetStatus {
  currentRevision?: string
  updateRevision?: string
  collisionCount?: number
}

export class StatefulSetController {
  reconcile(ctx: Ctx): void {
    for (const sts of [...ctx.cache.all('statefulsets')]) {
      if (!isUnmanaged(sts) && !sts.metadata.deletionTimestamp) this.sync(ctx, sts)
    }
  }

  private sync(ctx: Ctx, sts: StoredObject): void {
    const spec = specOf<StatefulSetSpec>(sts)
    const old = statusOf<StatefulSetStatus>(sts)
    const update = syncUpdateRevision(ctx, sts, spec.template, old.collisionCount)
    if (!update) return
    const revisions = ownedRevisions(ctx, sts)
    const current = revisions.find((r) => r.metadata.name === old.currentRevision) ?? update
    const replicas = spec.replicas ?? 1
    const ordered = (spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady'
    const rolling = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0
    const name = sts.metadata.name
    const ordinalOf = (pod: StoredObject): number => {
      const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(pod.metadata.name)
      return m ? Number(m[1]) : -1
    }
    const byOrdinal = new Map<number, StoredObject>()
    // a Terminating pod keeps its name until the kubelet is done: its ordinal waits (OrderedReady stops there)
    const terminating = new Map<number, StoredObject>()
    for (const pod of ctx.cache.ownedBy('pods', sts.metadata.uid)) {
      if (isPodActive(pod)) byOrdinal.set(ordinalOf(pod), pod)
      else if (pod.metadata.deletionTimestamp) terminating.set(ordinalOf(pod), pod)
    }
    const removePod = (i: number, pod: StoredObject): void => {
      ctx.remove('pods', pod)
      byOrdinal.delete(i)
      const left = ctx.cache.get('pods', pod.metadata.namespace, pod.metadata.name)
      if (left?.metadata.deletionTimestamp) terminating.set(i, left)
    }
    const healthy = (pod: StoredObject | undefined): boolean =>
      pod !== undefined && (pod.status as PodStatus | undefined)?.phase === 'Running' && ctx.podAvailability(pod).ready

    const currentCount = [...byOrdinal.values()].filter(
      (p) => p.metadata.labels?.[REVISION_LABEL] === current.metadata.name
    ).length
    // create missing ordinals, in order; OrderedReady waits for each to be Running and Ready
    for (let i = 0; i < replicas; i += 1) {
      const pod = byOrdinal.get(i)
      if (!pod && terminating.has(i)) {
        if (ordered) break
        continue
      }
      if (!pod) {
        const useCurrent = rolling && (spec.updateStrategy?.rollingUpdate ? i < partition : i < currentCount)
        const revision = useCurrent ? current : update
        const podName = `${name}-${i}`
        const created = ctx.create(
          'pods',
          podFromTemplate(sts, templateOf(revision), podName, {
            labels: {
              [REVISION_LABEL]: revision.metadata.name,
              'statefulset.kubernetes.io/pod-name': podName,
              'apps.kubernetes.io/pod-index': String(i)
            },
            spec: { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}) }
          })
        )
        if (created) {
          byOrdinal.set(i, created)
          ctx.events.record(
            sts,
            'Normal',
            'SuccessfulCreate',
            `create Pod ${podName} in StatefulSet ${name} successful`,
            source
          )
        }
        if (ordered) break
      } else if (ordered && !healthy(pod)) break
    }
    // scale down from the highest ordinal, one at a time when ordered
    const surplus = [...byOrdinal.keys()].filter((i) => i >= replicas || i < 0).sort((a, b) => b - a)
    const allHealthy = [...byOrdinal.entries()].every(([, p]) => healthy(p))
    for (const i of surplus) {
      if (ordered && !allHealthy) break
      const pod = byOrdinal.get(i)!
      removePod(i, pod)
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
        source
      )
      if (ordered) break
    }
    // rolling update (updateStatefulSet): from the highest ordinal down to the partition, delete the
    // first outdated pod and wait for an unhealthy updated one. OrderedReady gets here only when every
    // pod is healthy; Parallel gets here regardless, so a broken old pod is replaced rather than waited on.
    const all = [...byOrdinal.entries()]
    const mayUpdate = ordered
      ? surplus.length === 0 && terminating.size === 0 && all.length === replicas && all.every(([, p]) => healthy(p))
      : true
    if (rolling && mayUpdate) {
      for (let i = replicas - 1; i >= partition; i -= 1) {
        const pod = byOrdinal.get(i)
        if (!pod) break
        if (pod.metadata.labels?.[REVISION_LABEL] !== update.metadata.name) {
          removePod(i, pod)
          ctx.events.record(
            sts,
            'Normal',
            'SuccessfulDelete',
            `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
            source
          )
          break
        }
        if (!healthy(pod)) break
      }
    }

    const pods = [...byOrdinal.values()]
    let ready = 0
    let available = 0
    for (const p of pods) {
      const a = ctx.podAvailability(p, spec.minReadySeconds ?? 0)
      if (a.ready) ready += 1
      if (a.available) available += 1
    }
    const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === update.metadata.name).length
    let currentRevision = current.metadata.name
    let currentReplicas = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length
    // completeRollingUpdate compares with status.replicas, which counts Terminating pods
    for (const p of terminating.values()) if (ctx.podAvailability(p).ready) ready += 1
    if (rolling && terminating.size === 0 && updated === pods.length && ready === pods.length) {
      currentRevision = update.metadata.name
      currentReplicas = updated
    }
    // computeReplicaStatus: a Terminating pod still counts as created (and ready while it is), but
    // never as current or updated
    const status = {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: pods.length + terminating.size,
      ...(ready ? { readyReplicas: ready } : {}),
      ...(currentReplicas ? { currentReplicas } : {}),
      ...(updated ? { updatedReplicas: updated } : {}),
      currentRevision,
      updateRevision: update.metadata.name,
      collisionCount: old.collisionCount ?? 0,
      availableReplicas: available
    }
    const live = new Set([
      currentRevision,
      update.metadata.name,
      ...pods.map((p) => p.metadata.labels?.[REVISION_LABEL] ?? '')
    ])
    truncateHistory(ctx, sts, live, spec.revisionHistoryLimit ?? 10)
    const latest = ctx.cache.get('statefulsets', sts.metadata.namespace, sts.metadata.name) ?? sts
    if (!sameJson(latest.status, status)) ctx.updateStatus('statefulsets', latest, status)
  }
}
