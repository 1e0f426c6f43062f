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
  initContainers: Array<{ name: string; image: string }>
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

/** Precedence: per-container annotation > image-behaviors map > image-tag convention > pod annotation > ready. */
export function behaviourFor(container: ContainerSpec, annotations: Record<string, string>): Behaviour {
  const perContainer =
    annotations[`${PREFIX}behavior.${container.name}`] ?? annotations[`${PREFIX}behaviour.${container.name}`]
  if (isBehaviour(perContainer)) return perContainer
  const image = container.image ?? ''
  const mapped = imageBehaviours(annotations)[image]
  if (isBehaviour(mapped)) return mapped
  const tag = imageTag(image).toLowerCase()
  for (const [fragment, behaviour] of imageConventions) if (tag.includes(fragment)) return behaviour
  const pod = annotations[`${PREFIX}behavior`] ?? annotations[`${PREFIX}behaviour`]
  return isBehaviour(pod) ? pod : 'ready'
}

const annotation = (a: Record<string, string>, key: string, container: string): string | undefined =>
  a[`${PREFIX}${key}.${container}`] ?? a[`${PREFIX}${key}`]

export function planPod(pod: StoredObject): PodPlan {
  const annotations = pod.metadata.annotations ?? {}
  const spec = (pod.spec ?? {}) as PodSpec
  const containers = (spec.containers ?? []).map((c): ContainerPlan => {
    const behaviour = behaviourFor(c, annotations)
    const defaultReady = behaviour === 'ready-after' ? DEFAULT_READY_AFTER_BEHAVIOUR_MS : DEFAULT_READY_AFTER_MS
    return {
      name: c.name,
      image: c.image ?? '',
      behaviour,
      readyAfterMs: parseDurationMs(annotation(annotations, 'ready-after', c.name)) ?? defaultReady,
      crashAfterMs: parseDurationMs(annotation(annotations, 'crash-after', c.name)) ?? DEFAULT_CRASH_AFTER_MS,
      crashCount: Math.max(0, Number(annotation(annotations, 'crash-count', c.name) ?? 2) || 0),
      configError: annotation(annotations, 'config-error', c.name) ?? 'secret "x" not found',
      log: annotation(annotations, 'log', c.name),
      previousLog: annotation(annotations, 'previous-log', c.name)
    }
  })
  const initContainers = (spec.initContainers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' }))
  const unschedulable = containers.some((c) => c.behaviour === 'unschedulable')
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
    let stableFrom = START_MS
    for (let i = 0; i < plan.crashCount; i++) stableFrom += plan.crashAfterMs + backoffMs(i)
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

export interface PodView {
  phase: 'Pending' | 'Running'
  containers: ContainerView[]
  ready: boolean
  readySince?: number
  next?: number
}

export function podView(plan: PodPlan, t: number, podName: string, podRef: string): PodView {
  const containers = plan.containers.map((c) => containerView(c, t, podName, podRef))
  const ready = containers.length > 0 && containers.every((c) => c.ready)
  const nexts = containers.map((c) => c.next).filter((n): n is number => n !== undefined && Number.isFinite(n))
  return {
    phase: containers.length > 0 && containers.every((c) => c.everStarted) ? 'Running' : 'Pending',
    containers,
    ready,
    readySince: ready ? Math.max(...containers.map((c) => c.readySince ?? 0)) : undefined,
    next: nexts.length > 0 ? Math.min(...nexts) : undefined
  }
}
