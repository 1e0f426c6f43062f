/**
 * DaemonSet controller over the sandbox's nodes (`sandbox-node-1` .. `-N`, N from the
 * `sandbox.deploy-guard.dev/nodes` annotation, default 1): one pod per node, ControllerRevisions,
 * RollingUpdate within maxUnavailable, OnDelete, and status.
 */
import type { StoredObject } from '../store.js'
import { PREFIX } from './behaviour.js'
import type { Ctx } from './context.js'
import { isPodActive } from './context.js'
import { randomSuffix } from './hash.js'
import { isUnmanaged, podFromTemplate } from './podfactory.js'
import { revisionHash, syncUpdateRevision, templateOf, truncateHistory } from './revisions.js'
import type { DaemonSetSpec, PodSpec } from './types.js'
import { specOf } from './types.js'
import { sameJson, scaledValue } from './util.js'

const source = { component: 'daemonset-controller' }
export const DS_HASH_LABEL = 'controller-revision-hash'

export function nodeCount(ds: StoredObject): number {
  const n = Number(ds.metadata.annotations?.[`${PREFIX}nodes`] ?? '1')
  return Number.isInteger(n) && n >= 0 ? n : 1
}

export class DaemonSetController {
  reconcile(ctx: Ctx): void {
    for (const ds of [...ctx.cache.all('daemonsets')]) {
      if (!isUnmanaged(ds) && !ds.metadata.deletionTimestamp) this.sync(ctx, ds)
    }
  }

  private sync(ctx: Ctx, ds: StoredObject): void {
    const spec = specOf<DaemonSetSpec>(ds)
    const update = syncUpdateRevision(ctx, ds, spec.template)
    if (!update) return
    const hash = revisionHash(update)
    const nodes = Array.from({ length: nodeCount(ds) }, (_, i) => `sandbox-node-${i + 1}`)
    const byNode = new Map<string, StoredObject[]>()
    // a node whose daemon pod is still Terminating gets its new pod once the old one is gone
    const draining = new Set<string>()
    for (const pod of ctx.cache.ownedBy('pods', ds.metadata.uid)) {
      if (pod.metadata.deletionTimestamp) draining.add((pod.spec as PodSpec | undefined)?.nodeName ?? '')
      if (!isPodActive(pod)) continue
      const node = (pod.spec as PodSpec | undefined)?.nodeName ?? ''
      byNode.set(node, [...(byNode.get(node) ?? []), pod])
    }
    const remove = (pod: StoredObject): void => {
      ctx.remove('pods', pod)
      ctx.events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source)
    }
    // pods on nodes that do not exist, and duplicates on a node, go
    for (const [node, pods] of byNode) {
      const keep = nodes.includes(node) ? pods.slice(0, 1) : []
      for (const pod of pods) if (!keep.includes(pod)) remove(pod)
      if (keep.length) byNode.set(node, keep)
      else byNode.delete(node)
    }
    for (const node of nodes) {
      if (byNode.has(node) || draining.has(node)) continue
      const name = `${ds.metadata.name}-${randomSuffix()}`
      const created = ctx.create(
        'pods',
        podFromTemplate(ds, templateOf(update), name, {
          generateName: `${ds.metadata.name}-`,
          labels: { [DS_HASH_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
          spec: { nodeName: node }
        })
      )
      if (created) {
        byNode.set(node, [created])
        ctx.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, source)
      }
    }
    const pods = () => [...byNode.values()].flat()
    if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const maxUnavailable = Math.max(
        1,
        scaledValue(spec.updateStrategy?.rollingUpdate?.maxUnavailable, 1, nodes.length, true)
      )
      let unavailable =
        nodes.length - pods().filter((p) => ctx.podAvailability(p, spec.minReadySeconds ?? 0).available).length
      for (const pod of pods()) {
        if (pod.metadata.labels?.[DS_HASH_LABEL] === hash) continue
        const available = ctx.podAvailability(pod, spec.minReadySeconds ?? 0).available
        if (available && unavailable >= maxUnavailable) continue
        remove(pod)
        byNode.delete((pod.spec as PodSpec | undefined)?.nodeName ?? '')
        if (available) unavailable += 1
      }
    }
    const current = pods()
    let ready = 0
    let available = 0
    for (const p of current) {
      const a = ctx.podAvailability(p, spec.minReadySeconds ?? 0)
      if (a.ready) ready += 1
      if (a.available) available += 1
    }
    const updated = current.filter((p) => p.metadata.labels?.[DS_HASH_LABEL] === hash).length
    const status = {
      currentNumberScheduled: current.length,
      numberMisscheduled: 0,
      desiredNumberScheduled: nodes.length,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(available ? { numberAvailable: available } : {}),
      ...(nodes.length - available > 0 ? { numberUnavailable: nodes.length - available } : {})
    }
    const live = new Set([
      update.metadata.name,
      ...current.map((p) => `${ds.metadata.name}-${p.metadata.labels?.[DS_HASH_LABEL] ?? ''}`)
    ])
    truncateHistory(ctx, ds, live, spec.revisionHistoryLimit ?? 10)
    const latest = ctx.cache.get('daemonsets', ds.metadata.namespace, ds.metadata.name) ?? ds
    if (!sameJson(latest.status, status)) ctx.updateStatus('daemonsets', latest, status)
  }
}
