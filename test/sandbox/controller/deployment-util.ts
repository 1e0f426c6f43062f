/**
 * Pieces of kubernetes/pkg/controller/deployment/util that the deployment controller needs:
 * revisions and the annotations copied onto ReplicaSets, surge/unavailable arithmetic, and
 * finding the new ReplicaSet among the old ones.
 */
import type { StoredObject } from '../store.js'
import type { DeploymentSpec, PodTemplate, ReplicaSetSpec, ReplicaSetStatus } from './types.js'
import { specOf, statusOf } from './types.js'
import { byCreation, scaledValue, semanticEqual } from './util.js'

export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const POD_TEMPLATE_HASH = 'pod-template-hash'
const MAX_REV_HISTORY_CHARS = 2000

/** Annotations a Deployment never passes on to its ReplicaSets (annotationsToSkip). */
export const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to'
])

export const replicasOf = (o: StoredObject): number => specOf<ReplicaSetSpec>(o).replicas ?? 1
export const rsStatus = (o: StoredObject): ReplicaSetStatus => statusOf<ReplicaSetStatus>(o)

/** Revision number of a ReplicaSet; 0 when missing, undefined when not an integer. */
export function revisionOf(o: StoredObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION]
  if (v === undefined || v === '') return 0
  return /^\d+$/.test(v) ? Number(v) : undefined
}

export function maxRevision(rss: StoredObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs) ?? 0), 0)
}

export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  const strip = (t: PodTemplate | undefined): PodTemplate => {
    const copy = structuredClone(t ?? {})
    if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH]
    return copy
  }
  return semanticEqual(strip(a), strip(b))
}

/** The oldest ReplicaSet whose template matches the Deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: StoredObject, rss: StoredObject[]): StoredObject | undefined {
  const template = specOf<DeploymentSpec>(d).template
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(specOf<ReplicaSetSpec>(rs).template, template))
}

export const isRollingUpdate = (d: StoredObject): boolean =>
  (specOf<DeploymentSpec>(d).strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
export const deploymentReplicas = (d: StoredObject): number => specOf<DeploymentSpec>(d).replicas ?? 1

/** resolveFenceposts: surge rounds up, unavailable rounds down; both zero means unavailable 1. */
export function fenceposts(d: StoredObject): { surge: number; unavailable: number } {
  const spec = specOf<DeploymentSpec>(d)
  const replicas = deploymentReplicas(d)
  const ru = spec.strategy?.rollingUpdate
  const surge = scaledValue(ru?.maxSurge, '25%', replicas, true)
  let unavailable = scaledValue(ru?.maxUnavailable, '25%', replicas, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export function maxSurge(d: StoredObject): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0
}

export function maxUnavailable(d: StoredObject): number {
  const replicas = deploymentReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  return Math.min(fenceposts(d).unavailable, replicas)
}

/** SetReplicasAnnotations; returns whether anything changed. */
export function setReplicasAnnotations(rs: StoredObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {})
  const changed = a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max)
  a[DESIRED_REPLICAS] = String(desired)
  a[MAX_REPLICAS] = String(max)
  return changed
}

/** SetNewReplicaSetAnnotations: copies the Deployment's annotations and moves the revision on. */
export function setNewReplicaSetAnnotations(
  d: StoredObject,
  rs: StoredObject,
  newRevision: number,
  exists: boolean
): boolean {
  const a = (rs.metadata.annotations ??= {})
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(k) || a[k] === v) continue
    a[k] = v
    changed = true
  }
  const oldRevision = a[REVISION]
  const oldRevisionInt =
    oldRevision === undefined || oldRevision === '' ? 0 : /^\d+$/.test(oldRevision) ? Number(oldRevision) : undefined
  if (oldRevisionInt === undefined) return changed
  if (oldRevisionInt < newRevision) {
    a[REVISION] = String(newRevision)
    changed = true
    // A ReplicaSet that had a revision and gets a newer one is being rolled back to: keep its old numbers.
    if (oldRevision) {
      const history = a[REVISION_HISTORY]
      if (!history) a[REVISION_HISTORY] = oldRevision
      else {
        const old = history.split(',')
        let total = history.length + oldRevision.length + 1
        let start = 0
        while (total > MAX_REV_HISTORY_CHARS && start < old.length) {
          total -= old[start]!.length + 1
          start += 1
        }
        if (total <= MAX_REV_HISTORY_CHARS) a[REVISION_HISTORY] = [...old.slice(start), oldRevision].join(',')
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d))) changed = true
  return changed
}

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: StoredObject, all: StoredObject[], newRS: StoredObject): number {
  const replicas = deploymentReplicas(d)
  if (!isRollingUpdate(d)) return replicas
  const current = all.reduce((n, rs) => n + replicasOf(rs), 0)
  const maxTotal = replicas + maxSurge(d)
  if (current >= maxTotal) return replicasOf(newRS)
  const scaleUp = Math.min(maxTotal - current, replicas - replicasOf(newRS))
  return replicasOf(newRS) + scaleUp
}
