/**
 * How a sandbox pod behaves, chosen by annotations or by its image (see README.md), and the pure
 * timeline of each behaviour: given the milliseconds of controller time since the pod was scheduled,
 * what its containers look like, when the next change happens, and how many times each kubelet
 * event has happened so far. pods.ts turns this into status and events.
 */
import type { StoredObject } from '../store.js'
import type { ContainerSpec, PodSpec } from './types.js'
import { parseDurationMs } from './util.js'

export const PREFIX = 'sandbox.deploy-guard.dev/'

export const behaviours = [
  'ready',
  'ready-after',
  'never-ready',
  'crashloop',
  'restarts-then-ready',
  'oomkilled',
  'image-pull-backoff',
  'err-image-pull',
  'create-container-config-error',
  'unschedulable'
] as const
export type Behaviour = (typeof behaviours)[number]

/** Image-tag fragments that select a behaviour (checked in this order). */
export const imageConventions: Array<[string, Behaviour]> = [
  ['crashloop', 'crashloop'],
  ['oomkill', 'oomkilled'],
  ['pullerror', 'image-pull-backoff'],
  ['configerror', 'create-container-config-error'],
  ['unschedulable', 'unschedulable'],
  ['neverready', 'never-ready']
]

/** Containers are pulled, created and started this long after scheduling unless ready-after is sooner. */
export const START_MS = 500
const DEFAULT_READY_AFTER_MS = 1000
const DEFAULT_READY_AFTER_BEHAVIOUR_MS = 5000
const DEFAULT_CRASH_AFTER_MS = 1000
const ERR_IMAGE_PULL_MS = 1000
const PROBE_PERIOD_MS = 10000
const BACKOFF_BASE_MS = 10000
const BACKOFF_MAX_MS = 300000

export interface ContainerPlan {
  name: string
  image: string
  behaviour: Behaviour
  readyAfterMs: number
  crashAfterMs: number
  /** For `restarts-then-ready`: how many times the container crashes before it stays up. */
  crashCount: number
  configError: string
  log?: string
  previousLog?: string
}

export interface PodPlan {
  containers: ContainerPlan[]
  /** Run one after another before the app containers; each must exit 0 for the next to start. */
  initContainers: ContainerPlan[]
  unschedulable: boolean
  /** Changes when anything the timeline depends on changes (e.g. a new image on a bare pod). */
  key: string
}

const isBehaviour = (v: string | undefined): v is Behaviour =>
  v !== undefined && (behaviours as readonly string[]).includes(v)

export function imageTag(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image
  const slash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  return colon > slash ? withoutDigest.slice(colon + 1) : ''
}

function imageBehaviours(annotations: Record<string, string>): Record<string, string> {
  const raw = annotations[`${PREFIX}image-behaviors`] ?? annotations[`${PREFIX}image-behaviours`]
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/**
 * Precedence: per-container annotation > image-behaviors map > image-tag convention > pod annotation > ready.
 * The pod-wide `behavior` annotation is for app containers: init containers (`podWide` false) ignore it.
 */
export function behaviourFor(container: ContainerSpec, annotations: Record<string, string>, podWide = true): Behaviour {
  const perContainer =
    annotations[`${PREFIX}behavior.${container.name}`] ?? annotations[`${PREFIX}behaviour.${container.name}`]
  if (isBehaviour(perContainer)) return perContainer
  const image = container.image ?? ''
  const mapped = imageBehaviours(annotations)[image]
  if (isBehaviour(mapped)) return mapped
  const tag = imageTag(image).toLowerCase()
  for (const [fragment, behaviour] of imageConventions) if (tag.includes(fragment)) return behaviour
  if (!podWide) return 'ready'
  const pod = annotations[`${PREFIX}behavior`] ?? annotations[`${PREFIX}behaviour`]
  return isBehaviour(pod) ? pod : 'ready'
}

const annotation = (a: Record<string, string>, key: string, container: string): string | undefined =>
  a[`${PREFIX}${key}.${container}`] ?? a[`${PREFIX}${key}`]

function planContainer(c: ContainerSpec, annotations: Record<string, string>, init: boolean): ContainerPlan {
  const behaviour = behaviourFor(c, annotations, !init)
  const defaultReady = behaviour === 'ready-after' ? DEFAULT_READY_AFTER_BEHAVIOUR_MS : DEFAULT_READY_AFTER_MS
  // an init container's ready-after is how long it runs before it exits 0 (default 1 s)
  return {
    name: c.name,
    image: c.image ?? '',
    behaviour,
    readyAfterMs: parseDurationMs(annotation(annotations, 'ready-after', c.name)) ?? defaultReady,
    crashAfterMs: parseDurationMs(annotation(annotations, 'crash-after', c.name)) ?? DEFAULT_CRASH_AFTER_MS,
    crashCount: Math.max(0, Number(annotation(annotations, 'crash-count', c.name) ?? 2) || 0),
    configError: annotation(annotations, 'config-error', c.name) ?? 'secret "x" not found',
    log: init ? annotations[`${PREFIX}log.${c.name}`] : annotation(annotations, 'log', c.name),
    previousLog: init ? annotations[`${PREFIX}previous-log.${c.name}`] : annotation(annotations, 'previous-log', c.name)
  }
}

export function planPod(pod: StoredObject): PodPlan {
  const annotations = pod.metadata.annotations ?? {}
  const spec = (pod.spec ?? {}) as PodSpec
  const containers = (spec.containers ?? []).map((c) => planContainer(c, annotations, false))
  const initContainers = (spec.initContainers ?? []).map((c) => planContainer(c, annotations, true))
  const unschedulable = [...containers, ...initContainers].some((c) => c.behaviour === 'unschedulable')
  return { containers, initContainers, unschedulable, key: JSON.stringify([containers, initContainers]) }
}

export type RawState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAt: number }
  | { kind: 'terminated'; reason: string; exitCode: number; startedAt: number; finishedAt: number; run: number }

/** How many times each kubelet event has happened by time t. */
export interface Counters {
  pulling: number
  pulledFirst: number
  pulledAgain: number
  created: number
  started: number
  backOff: number
  pullFailed: number
  pullBackOff: number
  configFailed: number
  unhealthy: number
}

export interface ContainerView {
  state: RawState
  lastState?: Extract<RawState, { kind: 'terminated' }>
  ready: boolean
  started: boolean
  /** Has run at least once (for the pod phase). */
  everStarted: boolean
  pulled: boolean
  restartCount: number
  readySince?: number
  /** Time of the next change of this view, if any. */
  next?: number
  counters: Counters
}

const zero = (): Counters => ({
  pulling: 0,
  pulledFirst: 0,
  pulledAgain: 0,
  created: 0,
  started: 0,
  backOff: 0,
  pullFailed: 0,
  pullBackOff: 0,
  configFailed: 0,
  unhealthy: 0
})

export const backoffMs = (n: number): number => Math.min(BACKOFF_BASE_MS * 2 ** Math.min(n, 30), BACKOFF_MAX_MS)

const creating = (next: number): ContainerView => ({
  state: { kind: 'waiting', reason: 'ContainerCreating' },
  ready: false,
  started: false,
  everStarted: false,
  pulled: false,
  restartCount: 0,
  next,
  counters: { ...zero(), pulling: 1 }
})

/** Start times of numbered attempts separated by a run/err phase plus a capped exponential back-off. */
function attemptAt(t: number, first: number, active: number): { k: number; start: number } {
  let k = 0
  let start = first
  while (true) {
    const next = start + active + backoffMs(k)
    if (backoffMs(k) === BACKOFF_MAX_MS) {
      // from here on the period is constant: jump instead of iterating over long runs at high scale
      const period = active + BACKOFF_MAX_MS
      const n = Math.max(0, Math.floor((t - start) / period))
      return { k: k + n, start: start + n * period }
    }
    if (next > t) return { k, start }
    k += 1
    start = next
  }
}

/** For `restarts-then-ready`: when the run that stays up starts. */
function stableFromMs(plan: ContainerPlan): number {
  let stableFrom = START_MS
  for (let i = 0; i < plan.crashCount; i++) stableFrom += plan.crashAfterMs + backoffMs(i)
  return stableFrom
}

export function containerView(plan: ContainerPlan, t: number, podName: string, podRef: string): ContainerView {
  const b = plan.behaviour
  if (b === 'ready' || b === 'ready-after' || b === 'never-ready') {
    const start = b === 'never-ready' ? START_MS : Math.min(START_MS, plan.readyAfterMs)
    if (t < start) return creating(start)
    const base: Counters = { ...zero(), pulling: 1, pulledFirst: 1, created: 1, started: 1 }
    if (b === 'never-ready') {
      const probes = Math.floor((t - start) / PROBE_PERIOD_MS) + 1
      return {
        state: { kind: 'running', startedAt: start },
        ready: false,
        started: true,
        everStarted: true,
        pulled: true,
        restartCount: 0,
        next: start + probes * PROBE_PERIOD_MS,
        counters: { ...base, unhealthy: probes }
      }
    }
    const ready = t >= plan.readyAfterMs
    return {
      state: { kind: 'running', startedAt: start },
      ready,
      started: true,
      everStarted: true,
      pulled: true,
      restartCount: 0,
      readySince: ready ? plan.readyAfterMs : undefined,
      next: ready ? undefined : plan.readyAfterMs,
      counters: base
    }
  }
  if (b === 'restarts-then-ready') {
    // Crashes `crashCount` times with the usual back-off, then stays up and becomes ready: a flaky
    // start that a rollout survives but a post-deploy checklist should still flag.
    const stableFrom = stableFromMs(plan)
    if (t >= stableFrom) {
      const n = plan.crashCount
      const lastStart = n > 0 ? stableFrom - backoffMs(n - 1) - plan.crashAfterMs : 0
      const ready = t >= stableFrom + plan.readyAfterMs
      return {
        state: { kind: 'running', startedAt: stableFrom },
        lastState:
          n > 0
            ? {
                kind: 'terminated',
                reason: 'Error',
                exitCode: 1,
                startedAt: lastStart,
                finishedAt: lastStart + plan.crashAfterMs,
                run: n - 1
              }
            : undefined,
        ready,
        started: true,
        everStarted: true,
        pulled: true,
        restartCount: n,
        readySince: ready ? stableFrom + plan.readyAfterMs : undefined,
        next: ready ? undefined : stableFrom + plan.readyAfterMs,
        counters: { ...zero(), pulling: 1, pulledFirst: 1, pulledAgain: n, created: n + 1, started: n + 1, backOff: n }
      }
    }
  }
  if (b === 'crashloop' || b === 'oomkilled' || b === 'restarts-then-ready') {
    if (t < START_MS) return creating(START_MS)
    const run = plan.crashAfterMs
    const { k, start } = attemptAt(t, START_MS, run)
    const reason = b === 'oomkilled' ? 'OOMKilled' : 'Error'
    const exitCode = b === 'oomkilled' ? 137 : 1
    const terminated = (n: number, s: number): Extract<RawState, { kind: 'terminated' }> => ({
      kind: 'terminated',
      reason,
      exitCode,
      startedAt: s,
      finishedAt: s + run,
      run: n
    })
    const counters: Counters = { ...zero(), pulling: 1, pulledFirst: 1, pulledAgain: k, created: k + 1, started: k + 1 }
    const previousStart = k > 0 ? start - backoffMs(k - 1) - run : 0
    if (t < start + run) {
      return {
        state: { kind: 'running', startedAt: start },
        lastState: k > 0 ? terminated(k - 1, previousStart) : undefined,
        ready: false,
        started: true,
        everStarted: true,
        pulled: true,
        restartCount: k,
        next: start + run,
        counters: { ...counters, backOff: k }
      }
    }
    const wait = backoffMs(k)
    return {
      state: {
        kind: 'waiting',
        reason: 'CrashLoopBackOff',
        message: `back-off ${wait / 1000}s restarting failed container=${plan.name} pod=${podName}_${podRef}`
      },
      lastState: terminated(k, start),
      ready: false,
      started: false,
      everStarted: true,
      pulled: true,
      restartCount: k + 1,
      next: start + run + wait,
      counters: { ...counters, backOff: k + 1 }
    }
  }
  if (b === 'image-pull-backoff' || b === 'err-image-pull') {
    if (t < START_MS) return creating(START_MS)
    const { k, start } = attemptAt(t, START_MS, ERR_IMAGE_PULL_MS)
    const inError = b === 'err-image-pull' || t < start + ERR_IMAGE_PULL_MS
    const reason = inError ? 'ErrImagePull' : 'ImagePullBackOff'
    const message = inError
      ? pullErrorMessage(plan.image)
      : `Back-off pulling image "${plan.image}": ErrImagePull: ${pullErrorMessage(plan.image)}`
    return {
      state: { kind: 'waiting', reason, message },
      ready: false,
      started: false,
      everStarted: false,
      pulled: false,
      restartCount: 0,
      next: t < start + ERR_IMAGE_PULL_MS ? start + ERR_IMAGE_PULL_MS : start + ERR_IMAGE_PULL_MS + backoffMs(k),
      counters: { ...zero(), pulling: k + 1, pullFailed: k + 1, pullBackOff: t < start + ERR_IMAGE_PULL_MS ? k : k + 1 }
    }
  }
  if (b === 'create-container-config-error') {
    if (t < START_MS) return creating(START_MS)
    const tries = Math.floor((t - START_MS) / PROBE_PERIOD_MS) + 1
    return {
      state: { kind: 'waiting', reason: 'CreateContainerConfigError', message: plan.configError },
      ready: false,
      started: false,
      everStarted: false,
      pulled: true,
      restartCount: 0,
      next: START_MS + tries * PROBE_PERIOD_MS,
      counters: { ...zero(), pulling: 1, pulledFirst: 1, configFailed: tries }
    }
  }
  // unschedulable: the pod never reaches a node, so its containers have no status
  return creating(Infinity)
}

export function pullErrorMessage(image: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`
}

/** When an init container exits 0 (ms after its turn came), or undefined when it never does. */
export function initCompletesAt(plan: ContainerPlan): number | undefined {
  if (plan.behaviour === 'ready' || plan.behaviour === 'ready-after') return plan.readyAfterMs
  if (plan.behaviour === 'restarts-then-ready') return stableFromMs(plan) + plan.readyAfterMs
  return undefined
}

/**
 * An init container's timeline: like an app container's, except that it is never Ready while it
 * runs, exits 0 (`Completed`, then `ready: true`) when its work is done, and has no readiness probe.
 * `never-ready` means "runs forever" (e.g. waiting for a dependency).
 */
export function initContainerView(plan: ContainerPlan, t: number, podName: string, podRef: string): ContainerView {
  if (plan.behaviour === 'never-ready') {
    const v = containerView({ ...plan, behaviour: 'ready', readyAfterMs: Infinity }, t, podName, podRef)
    return { ...v, ready: false, readySince: undefined, next: t < START_MS ? START_MS : undefined }
  }
  const done = initCompletesAt(plan)
  if (done === undefined || t < done) {
    const v = containerView(plan, t, podName, podRef)
    const next = Math.min(v.next ?? Infinity, done ?? Infinity)
    return { ...v, ready: false, readySince: undefined, next: Number.isFinite(next) ? next : undefined }
  }
  const v = containerView(plan, done, podName, podRef)
  const startedAt = v.state.kind === 'running' ? v.state.startedAt : Math.min(START_MS, done)
  return {
    ...v,
    state: { kind: 'terminated', reason: 'Completed', exitCode: 0, startedAt, finishedAt: done, run: v.restartCount },
    ready: true,
    started: false,
    readySince: undefined,
    next: undefined
  }
}

/** Shifts every time in a view (relative to the container's start) to be relative to the pod's start. */
function shift(v: ContainerView, by: number): ContainerView {
  if (by === 0) return v
  const move = <S extends RawState | undefined>(s: S): S =>
    s && s.kind === 'running'
      ? ({ ...s, startedAt: s.startedAt + by } as S)
      : s && s.kind === 'terminated'
        ? ({ ...s, startedAt: s.startedAt + by, finishedAt: s.finishedAt + by } as S)
        : s
  return {
    ...v,
    state: move(v.state),
    lastState: move(v.lastState),
    readySince: v.readySince === undefined ? undefined : v.readySince + by,
    next: v.next === undefined ? undefined : v.next + by
  }
}

/** A container whose turn has not come: the kubelet reports it waiting `PodInitializing`. */
const notStarted = (): ContainerView => ({
  state: { kind: 'waiting', reason: 'PodInitializing' },
  ready: false,
  started: false,
  everStarted: false,
  pulled: false,
  restartCount: 0,
  counters: zero()
})

export interface PodView {
  phase: 'Pending' | 'Running'
  containers: ContainerView[]
  initContainers: ContainerView[]
  /** Every init container has exited 0 (true when there are none). */
  initialized: boolean
  /** When the last init container completed (0 without init containers). */
  initializedAt?: number
  ready: boolean
  readySince?: number
  next?: number
}

export function podView(plan: PodPlan, t: number, podName: string, podRef: string): PodView {
  // init containers run one at a time, in order; the app containers start when the last has exited 0
  const initContainers: ContainerView[] = []
  let offset: number | undefined = 0
  for (const c of plan.initContainers) {
    if (offset === undefined) {
      initContainers.push(notStarted())
      continue
    }
    initContainers.push(shift(initContainerView(c, t - offset, podName, podRef), offset))
    const done = initCompletesAt(c)
    offset = done !== undefined && t - offset >= done ? offset + done : undefined
  }
  const initializedAt = offset
  const containers =
    initializedAt === undefined
      ? plan.containers.map(() => notStarted())
      : plan.containers.map((c) => shift(containerView(c, t - initializedAt, podName, podRef), initializedAt))
  const ready = initializedAt !== undefined && containers.length > 0 && containers.every((c) => c.ready)
  const nexts = [...initContainers, ...containers]
    .map((c) => c.next)
    .filter((n): n is number => n !== undefined && Number.isFinite(n))
  return {
    phase: containers.length > 0 && containers.every((c) => c.everStarted) ? 'Running' : 'Pending',
    containers,
    initContainers,
    initialized: initializedAt !== undefined,
    initializedAt,
    ready,
    readySince: ready ? Math.max(...containers.map((c) => c.readySince ?? 0)) : undefined,
    next: nexts.length > 0 ? Math.min(...nexts) : undefined
  }
}
