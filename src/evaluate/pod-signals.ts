/**
 * Per-pod health and the failure signals kstatus misses (reference §4): terminal waiting reasons,
 * OOMKilled, Unschedulable, Evicted. Each signal carries its evidence. Pure.
 */
import type { ContainerStatus, Pod } from './k8s-types.js'

/** Waiting reasons that do not resolve by waiting: image, config and crash errors. */
export const TERMINAL_WAITING_REASONS: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'ErrImageNeverPull',
  'ImageInspectError',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PreCreateHookError',
  'PreStartHookError',
  'PostStartHookError'
])

export interface PodSignal {
  /** e.g. `CrashLoopBackOff`, `OOMKilled`, `Unschedulable`, `Evicted`. */
  reason: string
  container?: string
  message?: string
}

export interface ContainerHealth {
  name: string
  init: boolean
  ready: boolean
  restartCount: number
  waitingReason?: string
  waitingMessage?: string
  lastTerminationReason?: string
  lastExitCode?: number
}

export interface PodHealth {
  name: string
  uid?: string
  phase: string
  terminating: boolean
  /** Phase Running and every app container ready. */
  ready: boolean
  restarts: number
  containers: ContainerHealth[]
  /** Failure signals (fail-fast candidates), most specific first. */
  signals: PodSignal[]
  createdAt?: string
}

function containerHealth(s: ContainerStatus, init: boolean): ContainerHealth {
  return {
    name: s.name,
    init,
    ready: s.ready === true,
    restartCount: s.restartCount ?? 0,
    waitingReason: s.state?.waiting?.reason,
    waitingMessage: s.state?.waiting?.message,
    lastTerminationReason: s.lastState?.terminated?.reason ?? s.state?.terminated?.reason,
    lastExitCode: s.lastState?.terminated?.exitCode ?? s.state?.terminated?.exitCode
  }
}

export function podHealth(pod: Pod): PodHealth {
  const status = pod.status ?? {}
  const containers = [
    ...(status.initContainerStatuses ?? []).map((s) => containerHealth(s, true)),
    ...(status.containerStatuses ?? []).map((s) => containerHealth(s, false))
  ]
  const signals: PodSignal[] = []
  for (const c of containers) {
    if (c.waitingReason && TERMINAL_WAITING_REASONS.has(c.waitingReason)) {
      signals.push({ reason: c.waitingReason, container: c.name, message: c.waitingMessage })
    } else if (c.lastTerminationReason === 'OOMKilled' && !c.ready) {
      // A container that was OOM-killed once but is ready again is a restart, not an ongoing failure.
      signals.push({ reason: 'OOMKilled', container: c.name, message: `exit code ${c.lastExitCode ?? 137}` })
    }
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled')
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    signals.push({ reason: 'Unschedulable', message: scheduled.message })
  }
  if (status.reason === 'Evicted') signals.push({ reason: 'Evicted', message: status.message })
  else if (status.phase === 'Failed') signals.push({ reason: status.reason ?? 'Failed', message: status.message })

  const app = containers.filter((c) => !c.init)
  const phase = status.phase ?? 'Unknown'
  return {
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    phase,
    terminating: Boolean(pod.metadata.deletionTimestamp),
    ready: phase === 'Running' && app.length > 0 && app.every((c) => c.ready),
    restarts: containers.reduce((sum, c) => sum + c.restartCount, 0),
    containers,
    signals,
    createdAt: pod.metadata.creationTimestamp
  }
}

/** The container whose previous log explains a failure: crash-looping or OOM-killed first. */
export function crashedContainer(health: PodHealth): string | undefined {
  const crash = health.containers.find(
    (c) => c.waitingReason === 'CrashLoopBackOff' || c.lastTerminationReason === 'OOMKilled'
  )
  return (crash ?? health.containers.find((c) => c.restartCount > 0 && c.lastTerminationReason !== undefined))?.name
}
