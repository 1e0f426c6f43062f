/**
 * The kubelet and scheduler stand-in: binds pods to a sandbox node, plays each pod's behaviour
 * timeline (behaviour.ts) into `status`, and records the kubelet's events. Only pods that are
 * dirty (changed since the last pass) or whose next transition is due are looked at.
 */
import { createHash } from 'node:crypto'
import type { StoredObject } from '../store.js'
import {
  PREFIX,
  planPod,
  podView,
  pullErrorMessage,
  type ContainerPlan,
  type ContainerView,
  type Counters,
  type PodPlan,
  type RawState
} from './behaviour.js'
import type { Ctx } from './context.js'
import type { EventType } from './events.js'
import type { Condition, ContainerState, ContainerStatus, PodSpec, PodStatus } from './types.js'
import { sameJson } from './util.js'

export const DEFAULT_NODE = 'sandbox-node-1'
const UNSCHEDULABLE_MESSAGE = '0/1 nodes are available: 1 Insufficient cpu.'

interface PodRuntime {
  managed: boolean
  t0: number
  plan?: PodPlan
  ip?: string
  counters: Array<Partial<Counters>>
  scheduledEvents: number
  failedSchedulingEvents: number
  /** Controller time the pod was first seen Terminating. */
  terminatingSince?: number
  killed?: boolean
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

export function nodeIP(node: string): string {
  const n = Number(/(\d+)$/.exec(node)?.[1] ?? '1')
  return `172.18.0.${(n % 250) + 1}`
}

function imageID(image: string): string {
  const repo = (image.split('@')[0] ?? image).replace(/:[^/:]+$/, '')
  const first = repo.split('/')[0] ?? ''
  const full = !repo.includes('/')
    ? `docker.io/library/${repo}`
    : /[.:]/.test(first) || first === 'localhost'
      ? repo
      : `docker.io/${repo}`
  return `${full}@sha256:${sha(image)}`
}

export class Kubelet {
  private readonly runtimes = new Map<string, PodRuntime>()
  private readonly dirty = new Set<string>()
  private readonly dueAt = new Map<string, number>()
  private ipCounter = 0

  touch(uid: string): void {
    this.dirty.add(uid)
  }

  forget(ctx: Ctx, uid: string): void {
    this.runtimes.delete(uid)
    this.dirty.delete(uid)
    this.dueAt.delete(uid)
    ctx.readySince.delete(uid)
    ctx.events.forget(uid)
  }

  reconcile(ctx: Ctx): void {
    const work = new Set(this.dirty)
    this.dirty.clear()
    for (const [uid, at] of this.dueAt) {
      if (at <= ctx.now) work.add(uid)
      else ctx.due(at)
    }
    if (work.size === 0) return
    const pods = new Map<string, StoredObject>()
    for (const uid of work) {
      const pod = ctx.cache.byUid(uid)
      if (pod && pod.kind === 'Pod') pods.set(uid, pod)
      else this.dueAt.delete(uid)
    }
    for (const pod of pods.values()) this.sync(ctx, pod)
  }

  /**
   * A Terminating pod: the kubelet stops its containers (event `Killing`) and the pod object is
   * removed when its grace period (`deletionGracePeriodSeconds`, controller time) has passed.
   */
  private terminate(ctx: Ctx, pod: StoredObject, runtime: PodRuntime): void {
    const uid = pod.metadata.uid ?? ''
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 0
    runtime.terminatingSince ??= ctx.now
    if (!runtime.killed && runtime.managed) {
      runtime.killed = true
      const node = (pod.spec as PodSpec | undefined)?.nodeName ?? DEFAULT_NODE
      for (const c of ((pod.spec as PodSpec | undefined)?.containers ?? []) as Array<{ name: string }>)
        ctx.events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, {
          component: 'kubelet',
          host: node
        })
    }
    const goneAt = runtime.terminatingSince + grace * 1000
    if (goneAt <= ctx.now) {
      this.dueAt.delete(uid)
      ctx.purge('pods', pod)
      return
    }
    this.dueAt.set(uid, goneAt)
    ctx.due(goneAt)
  }

  private sync(ctx: Ctx, pod: StoredObject): void {
    const uid = pod.metadata.uid ?? ''
    let runtime = this.runtimes.get(uid)
    if (!runtime) {
      const annotated = Object.keys(pod.metadata.annotations ?? {}).some((k) => k.startsWith(PREFIX))
      // Scenario pods that arrive with a status are left as written, unless they ask for a behaviour.
      const managed = annotated || !(pod.status as PodStatus | undefined)?.phase
      runtime = { managed, t0: ctx.now, counters: [], scheduledEvents: 0, failedSchedulingEvents: 0 }
      this.runtimes.set(uid, runtime)
    }
    if (pod.metadata.deletionTimestamp) return this.terminate(ctx, pod, runtime)
    if (!runtime.managed) return
    const plan = planPod(pod)
    if (runtime.plan && runtime.plan.key !== plan.key) {
      // a changed container spec restarts the containers, as the kubelet does for an image update
      runtime.t0 = ctx.now
      runtime.counters = []
    }
    runtime.plan = plan
    const spec = (pod.spec ?? {}) as PodSpec
    const node = spec.nodeName ?? DEFAULT_NODE
    const source = { component: 'kubelet', host: node }

    if (plan.unschedulable && !spec.nodeName) {
      this.writeStatus(ctx, pod, {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: ctx.timestamp(runtime.t0),
            reason: 'Unschedulable',
            message: UNSCHEDULABLE_MESSAGE
          }
        ],
        qosClass: 'BestEffort'
      })
      if (runtime.failedSchedulingEvents === 0)
        ctx.events.record(pod, 'Warning', 'FailedScheduling', UNSCHEDULABLE_MESSAGE, { component: 'default-scheduler' })
      runtime.failedSchedulingEvents = 1
      this.dueAt.delete(uid)
      return
    }

    let current = pod
    if (!spec.nodeName) {
      const bound = ctx.update('pods', { ...pod, spec: { ...spec, nodeName: node } })
      if (!bound) return
      current = bound
    }
    if (runtime.scheduledEvents === 0) {
      ctx.events.record(
        current,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
        { component: 'default-scheduler' }
      )
      runtime.scheduledEvents = 1
    }
    runtime.ip ??= this.allocateIP()

    const podRef = `${pod.metadata.namespace}(${uid})`
    const view = podView(plan, ctx.now - runtime.t0, pod.metadata.name, podRef)
    const at = (rel: number): string => ctx.timestamp(runtime.t0 + rel)
    const containerStatuses = plan.containers.map((c, i) => renderContainer(c, view.containers[i]!, uid, at))
    const notReady = plan.containers.filter((_, i) => !view.containers[i]!.ready).map((c) => c.name)
    const readyCondition = (type: string): Condition =>
      view.ready
        ? { type, status: 'True', lastProbeTime: null, lastTransitionTime: at(view.readySince ?? 0) }
        : {
            type,
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: at(view.initializedAt ?? 0),
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${notReady.join(' ')}]`
          }
    const incomplete = plan.initContainers.filter((_, i) => view.initContainers[i]!.state.kind !== 'terminated')
    const initialized: Condition = view.initialized
      ? { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(view.initializedAt ?? 0) }
      : {
          type: 'Initialized',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: at(0),
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: [${incomplete.map((c) => c.name).join(' ')}]`
        }
    const status: PodStatus = {
      phase: view.phase,
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: at(0) },
        initialized,
        readyCondition('Ready'),
        readyCondition('ContainersReady'),
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(0) }
      ],
      hostIP: nodeIP(node),
      hostIPs: [{ ip: nodeIP(node) }],
      podIP: runtime.ip,
      podIPs: [{ ip: runtime.ip }],
      startTime: at(0),
      ...(plan.initContainers.length > 0
        ? {
            initContainerStatuses: plan.initContainers.map((c, i) =>
              renderContainer(c, view.initContainers[i]!, uid, at, 'init')
            )
          }
        : {}),
      containerStatuses,
      qosClass: 'BestEffort'
    }
    this.writeStatus(ctx, current, status)

    if (view.ready) ctx.readySince.set(uid, runtime.t0 + (view.readySince ?? 0))
    else ctx.readySince.delete(uid)
    plan.initContainers.forEach((c, i) =>
      this.emit(ctx, current, c, view.initContainers[i]!, runtime, plan.containers.length + i, source)
    )
    plan.containers.forEach((c, i) => this.emit(ctx, current, c, view.containers[i]!, runtime, i, source))
    if (view.next !== undefined) {
      this.dueAt.set(uid, runtime.t0 + view.next)
      ctx.due(runtime.t0 + view.next)
    } else this.dueAt.delete(uid)
  }

  private writeStatus(ctx: Ctx, pod: StoredObject, status: PodStatus): void {
    if (!sameJson(pod.status, status)) ctx.updateStatus('pods', pod, status)
  }

  private allocateIP(): string {
    this.ipCounter += 1
    const n = this.ipCounter
    return `10.${244 + ((n >> 16) & 0x0f)}.${(n >> 8) & 0xff}.${n & 0xff}`
  }

  /** Records the kubelet events that happened since the last pass (one event object per message). */
  private emit(
    ctx: Ctx,
    pod: StoredObject,
    c: ContainerPlan,
    view: ContainerView,
    runtime: PodRuntime,
    index: number,
    source: { component: string; host: string }
  ): void {
    const seen = (runtime.counters[index] ??= {})
    const delta = (key: keyof Counters): number => {
      const d = view.counters[key] - (seen[key] ?? 0)
      seen[key] = view.counters[key]
      return d
    }
    const record = (type: EventType, reason: string, message: string, times: number): void =>
      ctx.events.record(pod, type, reason, message, source, times)
    const pulling = delta('pulling')
    const pullFailed = delta('pullFailed')
    record('Normal', 'Pulling', `Pulling image "${c.image}"`, pulling)
    record('Warning', 'Failed', `Failed to pull image "${c.image}": ${pullErrorMessage(c.image)}`, pullFailed)
    record('Warning', 'Failed', 'Error: ErrImagePull', pullFailed)
    const pullBackOff = delta('pullBackOff')
    record('Normal', 'BackOff', `Back-off pulling image "${c.image}"`, pullBackOff)
    record('Warning', 'Failed', 'Error: ImagePullBackOff', pullBackOff)
    record(
      'Normal',
      'Pulled',
      `Successfully pulled image "${c.image}" in 500ms (500ms including waiting). Image size: 0 bytes.`,
      delta('pulledFirst')
    )
    record('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, delta('pulledAgain'))
    record('Warning', 'Failed', `Error: ${c.configError}`, delta('configFailed'))
    record('Normal', 'Created', `Created container: ${c.name}`, delta('created'))
    record('Normal', 'Started', `Started container ${c.name}`, delta('started'))
    record('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', delta('unhealthy'))
    record(
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
      delta('backOff')
    )
  }

  /** Log text for `kubectl logs` (see Controller.podLog); init containers are found by name too. */
  log(ctx: Ctx, pod: StoredObject, container: string | undefined, previous: boolean): string | undefined {
    const runtime = this.runtimes.get(pod.metadata.uid ?? '')
    const plan = runtime?.plan ?? planPod(pod)
    const name =
      container ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? plan.containers[0]?.name
    let index = plan.containers.findIndex((c) => c.name === name)
    const init = index < 0
    if (init) index = plan.initContainers.findIndex((c) => c.name === name)
    const c = init ? plan.initContainers[index] : plan.containers[index]
    if (!c) return undefined
    if (!runtime?.managed) return previous ? c.previousLog : c.log
    const pv = podView(plan, ctx.clock.now() - runtime.t0, pod.metadata.name, '')
    const view = (init ? pv.initContainers : pv.containers)[index]!
    if (previous) return view.restartCount > 0 ? (c.previousLog ?? defaultPreviousLog(c)) : undefined
    if (!view.everStarted) return undefined
    if (c.log !== undefined) return c.log
    if (view.state.kind === 'terminated' && view.state.reason === 'Completed')
      return `[sandbox] init container ${c.name} (${c.image}) completed\n`
    return view.restartCount > 0 || view.state.kind !== 'running'
      ? (c.previousLog ?? defaultPreviousLog(c))
      : `[sandbox] container ${c.name} started (${c.image})\n`
  }
}

function defaultPreviousLog(c: ContainerPlan): string {
  return c.behaviour === 'oomkilled'
    ? `[sandbox] container ${c.name} (${c.image}) starting\nfatal error: runtime: out of memory\n`
    : `[sandbox] container ${c.name} (${c.image}) starting\npanic: sandbox behaviour ${c.behaviour}: exiting with code 1\n`
}

function renderState(
  state: RawState | undefined,
  at: (rel: number) => string,
  containerID: (run: number) => string
): ContainerState {
  if (!state) return {}
  if (state.kind === 'waiting')
    return { waiting: state.message ? { reason: state.reason, message: state.message } : { reason: state.reason } }
  if (state.kind === 'running') return { running: { startedAt: at(state.startedAt) } }
  return {
    terminated: {
      exitCode: state.exitCode,
      reason: state.reason,
      startedAt: at(state.startedAt),
      finishedAt: at(state.finishedAt),
      containerID: containerID(state.run)
    }
  }
}

function renderContainer(
  c: ContainerPlan,
  view: ContainerView,
  uid: string,
  at: (rel: number) => string,
  kind: 'app' | 'init' = 'app'
): ContainerStatus {
  const prefix = kind === 'init' ? 'init/' : ''
  const containerID = (run: number): string => `containerd://${sha(`${uid}/${prefix}${c.name}/${run}`)}`
  const status: ContainerStatus = {
    name: c.name,
    image: c.image,
    imageID: view.pulled ? imageID(c.image) : '',
    ready: view.ready,
    started: view.started,
    restartCount: view.restartCount,
    state: renderState(view.state, at, containerID),
    lastState: renderState(view.lastState, at, containerID)
  }
  if (view.everStarted)
    status.containerID = containerID(view.state.kind === 'terminated' ? view.state.run : view.restartCount)
  return status
}
