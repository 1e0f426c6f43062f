/**
 * Deployment controller, after kubernetes/pkg/controller/deployment (sync.go, rolling.go,
 * recreate.go, progress.go): ReplicaSets per template with revisions, rolling and recreate updates,
 * proportional scaling, history cleanup, and the status kubectl rollout status reads.
 */
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  deploymentReplicas,
  equalIgnoreHash,
  findNewReplicaSet,
  isRollingUpdate,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  revisionOf,
  rsStatus,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations
} from './deployment-util.js'
import { computeHash } from './hash.js'
import { isUnmanaged } from './podfactory.js'
import type { Condition, DeploymentSpec, DeploymentStatus, ReplicaSetSpec } from './types.js'
import { specOf, statusOf } from './types.js'
import { byCreation, controllerRef, controllerUid, getCondition, sameJson } from './util.js'

const source = { component: 'deployment-controller' }
const NO_DEADLINE = 2147483647

/** One sync of one Deployment: the object, the status being built, and its ReplicaSets. */
interface Sync {
  d: StoredObject
  spec: DeploymentSpec
  /** Status as stored when the sync began (DeploymentProgressing compares against it). */
  old: DeploymentStatus
  /** Conditions and collision count carried through the sync; counters are computed at the end. */
  status: DeploymentStatus
  rsList: StoredObject[]
}

export class DeploymentController {
  /** uid → the lastUpdateTime we wrote into Progressing, and its precise controller time. */
  private readonly progressAt = new Map<string, { stamp: string; at: number }>()

  forget(uid: string): void {
    this.progressAt.delete(uid)
  }

  reconcile(ctx: Ctx): void {
    for (const d of [...ctx.cache.all('deployments')]) {
      if (isUnmanaged(d) || d.metadata.deletionTimestamp || !specOf<DeploymentSpec>(d).template) continue
      this.sync(ctx, d)
    }
  }

  private sync(ctx: Ctx, d: StoredObject): void {
    const old = statusOf<DeploymentStatus>(d)
    const s: Sync = {
      d,
      spec: specOf<DeploymentSpec>(d),
      old,
      status: structuredClone({
        conditions: old.conditions ?? [],
        ...(old.collisionCount ? { collisionCount: old.collisionCount } : {})
      }),
      rsList: ctx.cache
        .ownedBy('replicasets', d.metadata.uid)
        .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'Deployment'))
    }
    this.checkPausedConditions(ctx, s)
    let result: { all: StoredObject[]; newRS?: StoredObject; rollout: boolean }
    if (s.spec.paused || this.isScalingEvent(ctx, s)) result = this.syncScale(ctx, s)
    else if (isRollingUpdate(d)) result = this.rolloutRolling(ctx, s)
    else result = this.rolloutRecreate(ctx, s)
    this.writeStatus(ctx, s, result.all, result.newRS, result.rollout)
  }

  // ---- ReplicaSets and revisions -------------------------------------------------------------

  private getAllReplicaSetsAndSyncRevision(
    ctx: Ctx,
    s: Sync,
    create: boolean
  ): { newRS?: StoredObject; oldRSs: StoredObject[] } {
    const found = findNewReplicaSet(s.d, s.rsList)
    const oldRSs = s.rsList.filter((rs) => rs !== found)
    const newRevision = maxRevision(oldRSs) + 1
    if (found) {
      const copy = structuredClone(found)
      const annotationsChanged = setNewReplicaSetAnnotations(s.d, copy, newRevision, true)
      const rsSpec = copy.spec as ReplicaSetSpec
      const minReadyChanged = (rsSpec.minReadySeconds ?? 0) !== (s.spec.minReadySeconds ?? 0)
      let newRS = found
      if (annotationsChanged || minReadyChanged) {
        if (s.spec.minReadySeconds) rsSpec.minReadySeconds = s.spec.minReadySeconds
        else delete rsSpec.minReadySeconds
        newRS = ctx.update('replicasets', copy) ?? found
        this.replace(s, found, newRS)
      }
      this.setDeploymentRevision(ctx, s, newRS.metadata.annotations?.[REVISION] ?? '')
      if (!getCondition(s.status.conditions, 'Progressing')) {
        this.setProgressing(ctx, s, 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`)
      }
      return { newRS, oldRSs }
    }
    if (!create) return { oldRSs }

    const template = structuredClone(s.spec.template ?? {})
    const hash = computeHash(template, s.status.collisionCount)
    template.metadata = {
      ...(template.metadata ?? {}),
      labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash }
    }
    const selector = structuredClone(
      s.spec.selector ?? { matchLabels: { ...(s.spec.template?.metadata?.labels ?? {}) } }
    )
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash }
    const name = `${s.d.metadata.name}-${hash}`
    const rs: StoredObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: s.d.metadata.namespace,
        labels: { ...template.metadata.labels },
        ownerReferences: [controllerRef(s.d)]
      },
      spec: {
        replicas: 0,
        ...(s.spec.minReadySeconds ? { minReadySeconds: s.spec.minReadySeconds } : {}),
        selector,
        template
      }
    }
    const replicas = newRSNewReplicas(s.d, [...oldRSs, rs], rs)
    ;(rs.spec as ReplicaSetSpec).replicas = replicas
    setNewReplicaSetAnnotations(s.d, rs, newRevision, false)

    const existing = ctx.cache.get('replicasets', s.d.metadata.namespace, name)
    if (existing) {
      if (
        controllerUid(existing) === s.d.metadata.uid &&
        equalIgnoreHash(specOf<ReplicaSetSpec>(existing).template, s.spec.template)
      ) {
        return { newRS: existing, oldRSs }
      }
      // A different template hashed to a taken name: bump collisionCount so the next hash differs.
      s.status.collisionCount = (s.status.collisionCount ?? 0) + 1
      ctx.due(ctx.now)
      return { oldRSs }
    }
    const created = ctx.create('replicasets', rs)
    if (!created) return { oldRSs }
    s.rsList.push(created)
    if (replicas > 0)
      ctx.events.record(
        s.d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${name} from 0 to ${replicas}`,
        source
      )
    this.setDeploymentRevision(ctx, s, String(newRevision))
    this.setProgressing(ctx, s, 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`)
    return { newRS: created, oldRSs }
  }

  private replace(s: Sync, before: StoredObject, after: StoredObject): void {
    const i = s.rsList.indexOf(before)
    if (i >= 0) s.rsList[i] = after
  }

  private setDeploymentRevision(ctx: Ctx, s: Sync, revision: string): void {
    if (s.d.metadata.annotations?.[REVISION] === revision) return
    const current = ctx.cache.get('deployments', s.d.metadata.namespace, s.d.metadata.name) ?? s.d
    const copy = structuredClone(current)
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [REVISION]: revision }
    s.d = ctx.update('deployments', copy) ?? s.d
  }

  /** scaleReplicaSet: sets replicas and the desired/max annotations, and records the event. */
  private scale(ctx: Ctx, s: Sync, rs: StoredObject, to: number): StoredObject {
    const from = replicasOf(rs)
    const copy = structuredClone(rs)
    const annotationsChanged = setReplicasAnnotations(
      copy,
      deploymentReplicas(s.d),
      deploymentReplicas(s.d) + maxSurge(s.d)
    )
    if (from === to && !annotationsChanged) return rs
    ;(copy.spec as ReplicaSetSpec).replicas = to
    const updated = ctx.update('replicasets', copy)
    if (!updated) return rs
    this.replace(s, rs, updated)
    if (from !== to) {
      ctx.events.record(
        s.d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`,
        source
      )
    }
    return updated
  }

  // ---- strategies ------------------------------------------------------------------------------

  private rolloutRolling(ctx: Ctx, s: Sync): { all: StoredObject[]; newRS?: StoredObject; rollout: boolean } {
    const got = this.getAllReplicaSetsAndSyncRevision(ctx, s, true)
    const newRS = got.newRS
    let oldRSs = got.oldRSs
    if (!newRS) return { all: oldRSs, rollout: true }
    const replicas = deploymentReplicas(s.d)
    // reconcileNewReplicaSet
    if (replicasOf(newRS) !== replicas) {
      const target = replicasOf(newRS) > replicas ? replicas : newRSNewReplicas(s.d, [...oldRSs, newRS], newRS)
      if (target !== replicasOf(newRS)) {
        const scaled = this.scale(ctx, s, newRS, target)
        return { all: [...oldRSs, scaled], newRS: scaled, rollout: true }
      }
    }
    // reconcileOldReplicaSets
    const before = oldRSs.map(replicasOf)
    oldRSs = this.reconcileOldReplicaSets(ctx, s, oldRSs, newRS)
    if (oldRSs.some((rs, i) => replicasOf(rs) !== before[i])) return { all: [...oldRSs, newRS], newRS, rollout: true }
    if (deploymentComplete(s.d, s.old)) this.cleanup(ctx, s, oldRSs)
    return { all: [...oldRSs, newRS], newRS, rollout: true }
  }

  private reconcileOldReplicaSets(ctx: Ctx, s: Sync, oldRSs: StoredObject[], newRS: StoredObject): StoredObject[] {
    const oldPods = oldRSs.reduce((n, rs) => n + replicasOf(rs), 0)
    if (oldPods === 0) return oldRSs
    const allPods = oldPods + replicasOf(newRS)
    const minAvailable = deploymentReplicas(s.d) - maxUnavailable(s.d)
    const newUnavailable = replicasOf(newRS) - (rsStatus(newRS).availableReplicas ?? 0)
    const maxScaledDown = allPods - minAvailable - newUnavailable
    if (maxScaledDown <= 0) return oldRSs
    let result = [...oldRSs]
    // cleanupUnhealthyReplicas: old pods that are not available go first
    let cleaned = 0
    for (const rs of [...result].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break
      const want = replicasOf(rs)
      const available = rsStatus(rs).availableReplicas ?? 0
      if (want === 0 || want === available) continue
      const down = Math.min(maxScaledDown - cleaned, want - available)
      const scaled = this.scale(ctx, s, rs, want - down)
      result = result.map((x) => (x === rs ? scaled : x))
      cleaned += down
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    const availableNow = [...result, newRS].reduce((n, rs) => n + (rsStatus(rs).availableReplicas ?? 0), 0)
    if (availableNow <= minAvailable) return result
    const total = availableNow - minAvailable
    let scaledDown = 0
    for (const rs of [...result].sort(byCreation)) {
      if (scaledDown >= total) break
      const want = replicasOf(rs)
      if (want === 0) continue
      const down = Math.min(want, total - scaledDown)
      const scaled = this.scale(ctx, s, rs, want - down)
      result = result.map((x) => (x === rs ? scaled : x))
      scaledDown += down
    }
    return result
  }

  private rolloutRecreate(ctx: Ctx, s: Sync): { all: StoredObject[]; newRS?: StoredObject; rollout: boolean } {
    let { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(ctx, s, false)
    const active = oldRSs.filter((rs) => replicasOf(rs) > 0)
    if (active.length > 0) {
      for (const rs of active) oldRSs = oldRSs.map((x) => (x === rs ? this.scale(ctx, s, rs, 0) : x))
      return { all: newRS ? [...oldRSs, newRS] : oldRSs, newRS, rollout: true }
    }
    const oldRunning =
      oldRSs.some((rs) => (rsStatus(rs).replicas ?? 0) > 0) ||
      // oldPodsRunning: any pod not Succeeded/Failed counts, Terminating ones included (Recreate means
      // the old version is gone before the new one starts)
      oldRSs.some((rs) => ctx.cache.ownedBy('pods', rs.metadata.uid).some(notFinished))
    if (oldRunning) return { all: newRS ? [...oldRSs, newRS] : oldRSs, newRS, rollout: true }
    if (!newRS) newRS = this.getAllReplicaSetsAndSyncRevision(ctx, s, true).newRS
    if (!newRS) return { all: oldRSs, rollout: true }
    newRS = this.scale(ctx, s, newRS, deploymentReplicas(s.d))
    if (deploymentComplete(s.d, s.old)) this.cleanup(ctx, s, oldRSs)
    return { all: [...oldRSs, newRS], newRS, rollout: true }
  }

  // ---- scaling and pausing ---------------------------------------------------------------------

  private isScalingEvent(ctx: Ctx, s: Sync): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(ctx, s, false)
    const replicas = deploymentReplicas(s.d)
    return [...(newRS ? [newRS] : []), ...oldRSs]
      .filter((rs) => replicasOf(rs) > 0)
      .some((rs) => {
        const desired = rs.metadata.annotations?.[DESIRED_REPLICAS]
        return desired !== undefined && /^\d+$/.test(desired) && Number(desired) !== replicas
      })
  }

  /** sync(): scaling and paused Deployments; no rollout progress is made. */
  private syncScale(ctx: Ctx, s: Sync): { all: StoredObject[]; newRS?: StoredObject; rollout: boolean } {
    const got = this.getAllReplicaSetsAndSyncRevision(ctx, s, false)
    const newRS = got.newRS
    const oldRSs = got.oldRSs
    this.proportionalScale(ctx, s, newRS, oldRSs)
    const current = (rs: StoredObject): StoredObject =>
      ctx.cache.get('replicasets', rs.metadata.namespace, rs.metadata.name) ?? rs
    const freshOld = oldRSs.map(current)
    const freshNew = newRS ? current(newRS) : undefined
    if (s.spec.paused) this.cleanup(ctx, s, freshOld)
    return { all: freshNew ? [...freshOld, freshNew] : freshOld, newRS: freshNew, rollout: false }
  }

  private proportionalScale(ctx: Ctx, s: Sync, newRS: StoredObject | undefined, oldRSs: StoredObject[]): void {
    const replicas = deploymentReplicas(s.d)
    const active = [...(newRS ? [newRS] : []), ...oldRSs].filter((rs) => replicasOf(rs) > 0)
    // FindActiveOrLatest
    let single: StoredObject | undefined
    if (active.length === 1) single = active[0]
    else if (active.length === 0 && (newRS || oldRSs.length > 0)) single = newRS ?? [...oldRSs].sort(byCreation).at(-1)
    if (single) {
      this.scale(ctx, s, single, replicas)
      return
    }
    const saturated =
      newRS !== undefined &&
      replicasOf(newRS) === replicas &&
      newRS.metadata.annotations?.[DESIRED_REPLICAS] === String(replicas) &&
      (rsStatus(newRS).availableReplicas ?? 0) === replicas
    if (saturated) {
      for (const rs of oldRSs) if (replicasOf(rs) > 0) this.scale(ctx, s, rs, 0)
      return
    }
    if (!isRollingUpdate(s.d)) return
    const allowed = replicas > 0 ? replicas + maxSurge(s.d) : 0
    const toAdd = allowed - active.reduce((n, rs) => n + replicasOf(rs), 0)
    const ordered = [...active].sort(
      (a, b) => (toAdd > 0 ? replicasOf(b) - replicasOf(a) : replicasOf(a) - replicasOf(b)) || byCreation(b, a)
    )
    let added = 0
    const sizes = new Map<StoredObject, number>()
    for (const rs of ordered) {
      let proportion = 0
      if (toAdd !== 0) {
        const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? s.old.replicas ?? 0)
        const fraction =
          replicas === 0
            ? -replicasOf(rs)
            : annotated > 0
              ? Math.ceil((replicasOf(rs) * allowed) / annotated) - replicasOf(rs)
              : 0
        const left = toAdd - added
        proportion = toAdd > 0 ? Math.min(fraction, left) : Math.max(fraction, left)
      }
      sizes.set(rs, replicasOf(rs) + proportion)
      added += proportion
    }
    if (ordered[0] && added !== toAdd) sizes.set(ordered[0], (sizes.get(ordered[0]) ?? 0) + toAdd - added)
    for (const [rs, size] of sizes) this.scale(ctx, s, rs, Math.max(0, size))
  }

  private checkPausedConditions(ctx: Ctx, s: Sync): void {
    if (!hasProgressDeadline(s.spec)) return
    const cond = getCondition(s.status.conditions, 'Progressing')
    if (cond?.reason === 'ProgressDeadlineExceeded') return
    const pausedExists = cond?.reason === 'DeploymentPaused'
    if (s.spec.paused && !pausedExists)
      this.setProgressing(ctx, s, 'Unknown', 'DeploymentPaused', 'Deployment is paused')
    else if (!s.spec.paused && pausedExists)
      this.setProgressing(ctx, s, 'Unknown', 'DeploymentResumed', 'Deployment is resumed')
  }

  /** Old ReplicaSets beyond revisionHistoryLimit that are fully scaled down are deleted, oldest revision first. */
  private cleanup(ctx: Ctx, s: Sync, oldRSs: StoredObject[]): void {
    const limit = s.spec.revisionHistoryLimit ?? 10
    const cleanable = oldRSs.filter(
      (rs) =>
        replicasOf(rs) === 0 &&
        (rs.metadata.generation ?? 1) <= (rsStatus(rs).observedGeneration ?? 0) &&
        !rs.metadata.deletionTimestamp
    )
    const diff = cleanable.length - limit
    if (diff <= 0) return
    cleanable.sort((a, b) => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) || byCreation(a, b))
    for (const rs of cleanable.slice(0, diff)) {
      if ((rsStatus(rs).replicas ?? 0) !== 0) continue
      ctx.remove('replicasets', rs)
      s.rsList = s.rsList.filter((x) => x.metadata.uid !== rs.metadata.uid)
    }
  }

  // ---- status ------------------------------------------------------------------------------------

  private newCondition(
    ctx: Ctx,
    type: string,
    status: Condition['status'],
    reason: string,
    message: string
  ): Condition {
    const now = ctx.timestamp()
    return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
  }

  /** SetDeploymentCondition for Progressing, remembering the precise time for the deadline. */
  private setProgressing(ctx: Ctx, s: Sync, status: Condition['status'], reason: string, message: string): void {
    const next = this.newCondition(ctx, 'Progressing', status, reason, message)
    const current = getCondition(s.status.conditions, 'Progressing')
    if (current && current.status === status && current.reason === reason) return
    if (current && current.status === status) next.lastTransitionTime = current.lastTransitionTime
    s.status.conditions = [...(s.status.conditions ?? []).filter((c) => c.type !== 'Progressing'), next]
    this.progressAt.set(s.d.metadata.uid ?? '', { stamp: next.lastUpdateTime ?? '', at: ctx.now })
  }

  private progressTime(ctx: Ctx, s: Sync, cond: Condition): number {
    const known = this.progressAt.get(s.d.metadata.uid ?? '')
    if (known && known.stamp === cond.lastUpdateTime) return known.at
    return ctx.controllerTimeOf(cond.lastUpdateTime) ?? ctx.now
  }

  private writeStatus(
    ctx: Ctx,
    s: Sync,
    allRSs: StoredObject[],
    newRS: StoredObject | undefined,
    rollout: boolean
  ): void {
    const fresh = (rs: StoredObject): StoredObject =>
      ctx.cache.get('replicasets', rs.metadata.namespace, rs.metadata.name) ?? rs
    const all = allRSs.map(fresh)
    const nrs = newRS ? fresh(newRS) : undefined
    const replicas = deploymentReplicas(s.d)
    const available = all.reduce((n, rs) => n + (rsStatus(rs).availableReplicas ?? 0), 0)
    const total = all.reduce((n, rs) => n + replicasOf(rs), 0)
    const next: DeploymentStatus = {
      observedGeneration: s.d.metadata.generation ?? 1,
      replicas: all.reduce((n, rs) => n + (rsStatus(rs).replicas ?? 0), 0),
      updatedReplicas: nrs ? (rsStatus(nrs).replicas ?? 0) : 0,
      readyReplicas: all.reduce((n, rs) => n + (rsStatus(rs).readyReplicas ?? 0), 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(total - available, 0)
    }
    let conditions = s.status.conditions ?? []
    const availableCond =
      available >= replicas - maxUnavailable(s.d)
        ? this.newCondition(
            ctx,
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.'
          )
        : this.newCondition(
            ctx,
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.'
          )
    conditions = setDeploymentCondition(conditions, availableCond)
    s.status.conditions = conditions

    if (rollout) {
      this.syncRolloutConditions(ctx, s, next, nrs)
      syncReplicaFailure(s, all, nrs)
    }
    const status: DeploymentStatus = {}
    for (const [k, v] of Object.entries(next) as Array<[keyof DeploymentStatus, number]>)
      if (v) (status as Record<string, unknown>)[k] = v
    if (s.status.conditions?.length) status.conditions = s.status.conditions
    if (s.status.collisionCount) status.collisionCount = s.status.collisionCount

    const current = ctx.cache.get('deployments', s.d.metadata.namespace, s.d.metadata.name) ?? s.d
    if (!sameJson(current.status ?? {}, status)) ctx.updateStatus('deployments', current, status)
    this.requeueStuck(ctx, s)
  }

  /** syncRolloutStatus: Progressing reasons, including the progress deadline. */
  private syncRolloutConditions(ctx: Ctx, s: Sync, next: DeploymentStatus, newRS: StoredObject | undefined): void {
    if (!hasProgressDeadline(s.spec)) {
      s.status.conditions = (s.status.conditions ?? []).filter((c) => c.type !== 'Progressing')
      return
    }
    const cond = getCondition(s.status.conditions, 'Progressing')
    const complete = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && cond?.reason === 'NewReplicaSetAvailable'
    if (complete) return
    const replicas = deploymentReplicas(s.d)
    const rsName = newRS?.metadata.name
    if (
      next.updatedReplicas === replicas &&
      next.replicas === replicas &&
      next.availableReplicas === replicas &&
      (next.observedGeneration ?? 0) >= (s.d.metadata.generation ?? 1)
    ) {
      this.setProgressing(
        ctx,
        s,
        'True',
        'NewReplicaSetAvailable',
        rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : 'Deployment has successfully progressed.'
      )
      return
    }
    const o = s.old
    const progressing =
      (next.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
      (next.replicas ?? 0) - (next.updatedReplicas ?? 0) < (o.replicas ?? 0) - (o.updatedReplicas ?? 0) ||
      (next.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
      (next.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
    if (progressing) {
      // Progressing is special: any progress refreshes lastUpdateTime even with an unchanged reason.
      const c = this.newCondition(
        ctx,
        'Progressing',
        'True',
        'ReplicaSetUpdated',
        rsName ? `ReplicaSet "${rsName}" is progressing.` : 'Deployment is progressing.'
      )
      if (cond?.status === 'True') c.lastTransitionTime = cond.lastTransitionTime
      s.status.conditions = [...(s.status.conditions ?? []).filter((x) => x.type !== 'Progressing'), c]
      this.progressAt.set(s.d.metadata.uid ?? '', { stamp: c.lastUpdateTime ?? '', at: ctx.now })
      return
    }
    if (cond && cond.reason !== 'NewReplicaSetAvailable' && cond.reason !== 'ProgressDeadlineExceeded') {
      const deadline = this.progressTime(ctx, s, cond) + (s.spec.progressDeadlineSeconds ?? 600) * 1000
      if (deadline < ctx.now) {
        this.setProgressing(
          ctx,
          s,
          'False',
          'ProgressDeadlineExceeded',
          rsName
            ? `ReplicaSet "${rsName}" has timed out progressing.`
            : `Deployment "${s.d.metadata.name}" has timed out progressing.`
        )
      }
    }
  }

  /** requeueStuckDeployment: wake up when the progress deadline would pass. */
  private requeueStuck(ctx: Ctx, s: Sync): void {
    if (!hasProgressDeadline(s.spec) || s.spec.paused) return
    const cond = getCondition(s.status.conditions, 'Progressing')
    if (!cond || cond.reason === 'NewReplicaSetAvailable' || cond.reason === 'ProgressDeadlineExceeded') return
    // +1 ms: the deadline is exceeded strictly after it
    ctx.due(this.progressTime(ctx, s, cond) + (s.spec.progressDeadlineSeconds ?? 600) * 1000 + 1)
  }
}

const hasProgressDeadline = (spec: DeploymentSpec): boolean => (spec.progressDeadlineSeconds ?? 600) !== NO_DEADLINE

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition (else an old one's) on the Deployment. */
function syncReplicaFailure(s: Sync, all: StoredObject[], newRS: StoredObject | undefined): void {
  const failureOf = (rs: StoredObject): Condition | undefined =>
    getCondition(rsStatus(rs).conditions as Condition[] | undefined, 'ReplicaFailure')
  const found = (newRS ? failureOf(newRS) : undefined) ?? all.map(failureOf).find((c) => c !== undefined)
  const conditions = s.status.conditions ?? []
  if (!found) {
    s.status.conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
    return
  }
  s.status.conditions = setDeploymentCondition(conditions, {
    type: 'ReplicaFailure',
    status: found.status,
    lastUpdateTime: found.lastTransitionTime,
    lastTransitionTime: found.lastTransitionTime,
    reason: found.reason,
    message: found.message
  })
}

function setDeploymentCondition(conditions: Condition[], next: Condition): Condition[] {
  const current = conditions.find((c) => c.type === next.type)
  if (current && current.status === next.status && current.reason === next.reason) return conditions
  if (current && current.status === next.status) next.lastTransitionTime = current.lastTransitionTime
  return [...conditions.filter((c) => c.type !== next.type), next]
}

function deploymentComplete(d: StoredObject, status: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d)
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  )
}

const notFinished = (pod: StoredObject): boolean => {
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  return phase !== 'Succeeded' && phase !== 'Failed'
}
