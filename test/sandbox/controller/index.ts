/**
 * The sandbox's controller manager: makes stored objects behave as Kubernetes controllers and the
 * kubelet would (see README.md). It is driven by the store's change feed, coalesced into passes on
 * the next macrotask, plus one timer for the next time-based transition on the controller clock;
 * an idle controller has nothing scheduled and uses no CPU.
 */
import type { ControllerClock } from '../clock.js'
import type { ObjectStore, StoreEvent } from '../store.js'
import { Cache, R, type Kind } from './cache.js'
import { Ctx } from './context.js'
import { DaemonSetController } from './daemonset.js'
import { DeploymentController } from './deployment.js'
import { EndpointsController } from './endpoints.js'
import { EventRecorder } from './events.js'
import { Kubelet } from './pods.js'
import { ReplicaSetController } from './replicaset.js'
import { StatefulSetController } from './statefulset.js'

export { PREFIX, behaviours, imageConventions, type Behaviour } from './behaviour.js'
export { UNMANAGED } from './podfactory.js'

/** Owner kinds whose deletion cascades to their dependents (the garbage collector's job). */
const owners: Kind[] = ['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'services']
const dependents: Kind[] = ['replicasets', 'pods', 'controllerrevisions', 'endpointslices']
/** Minimum wall time between timer-driven passes, so a high time scale cannot spin the CPU. */
const MIN_TIMER_MS = 2

export class Controller {
  private readonly cache = new Cache()
  private readonly ctx: Ctx
  private readonly kubelet = new Kubelet()
  private readonly deployments = new DeploymentController()
  private readonly replicasets = new ReplicaSetController()
  private readonly statefulsets = new StatefulSetController()
  private readonly daemonsets = new DaemonSetController()
  private readonly endpoints = new EndpointsController()
  private readonly deletedOwners: string[] = []
  private unsubscribe?: () => void
  private immediate?: NodeJS.Immediate
  private timer?: NodeJS.Timeout
  private lastPassWallMs = 0
  private running = false

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: ControllerClock
  ) {
    this.ctx = new Ctx(store, this.cache, clock, new EventRecorder(store, clock))
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.cache.prime(this.store)
    for (const pod of this.cache.all('pods')) if (pod.metadata.uid) this.kubelet.touch(pod.metadata.uid)
    this.unsubscribe = this.store.subscribe((event) => this.onEvent(event))
    this.schedule()
  }

  async stop(): Promise<void> {
    this.running = false
    this.unsubscribe?.()
    this.unsubscribe = undefined
    if (this.immediate) clearImmediate(this.immediate)
    if (this.timer) clearTimeout(this.timer)
    this.immediate = undefined
    this.timer = undefined
  }

  /** Log text for a container; undefined when the pod/container has none. */
  podLog(namespace: string, pod: string, container: string | undefined, previous: boolean): string | undefined {
    const object = this.cache.get('pods', namespace, pod) ?? this.store.get(R.pods, namespace, pod)
    if (!object) return undefined
    return this.kubelet.log(this.ctx, object, container, previous)
  }

  private onEvent(event: StoreEvent): void {
    const applied = this.cache.apply(event)
    if (!applied) return
    const uid = event.object.metadata.uid ?? ''
    const { kind } = applied
    if (kind === 'pods') {
      if (event.type === 'DELETED') this.kubelet.forget(this.ctx, uid)
      else this.kubelet.touch(uid)
    }
    if (kind === 'pods' || kind === 'services' || kind === 'endpoints' || kind === 'endpointslices')
      this.endpoints.touch()
    if (event.type === 'DELETED' && owners.includes(kind)) {
      this.deletedOwners.push(uid)
      if (kind === 'deployments') this.deployments.forget(uid)
      if (kind === 'replicasets') this.replicasets.forget(uid)
    }
    this.schedule()
  }

  private schedule(): void {
    if (!this.running || this.immediate) return
    this.immediate = setImmediate(() => {
      this.immediate = undefined
      this.pass()
    })
  }

  /** Reconcile passes run so far: an idle cluster must not keep running them. */
  passes = 0

  private pass(): void {
    if (!this.running) return
    this.passes++
    const started = Date.now()
    const ctx = this.ctx
    ctx.beginPass()
    for (const step of [
      () => this.deployments.reconcile(ctx),
      () => this.replicasets.reconcile(ctx),
      () => this.statefulsets.reconcile(ctx),
      () => this.daemonsets.reconcile(ctx),
      () => this.kubelet.reconcile(ctx),
      () => this.endpoints.reconcile(ctx),
      () => this.collectGarbage()
    ]) {
      try {
        step()
      } catch (error) {
        // one broken object must not stop the sandbox; the next pass retries
        console.error('sandbox controller:', error)
      }
    }
    const { nextDue, retry } = ctx.endPass()
    this.lastPassWallMs = Date.now() - started
    if (retry) this.schedule()
    this.arm(nextDue)
  }

  private arm(nextDue: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (!this.running || !Number.isFinite(nextDue)) return
    const wall = Math.max(this.clock.toWall(nextDue - this.clock.now()), MIN_TIMER_MS, this.lastPassWallMs * 2)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.pass()
    }, Math.ceil(wall))
  }

  /** Deletes the dependents of deleted owners (background cascading deletion). */
  private collectGarbage(): void {
    while (this.deletedOwners.length > 0) {
      const uid = this.deletedOwners.shift()!
      for (const kind of dependents)
        for (const dependent of this.cache.ownedBy(kind, uid)) this.ctx.remove(kind, dependent)
    }
  }
}
