/** The plain data a workload verification is judged on (gathered by src/kube/gather.ts). Types only. */
import type { KubeObject } from '../kube/api.js'
import type { RevisionInfo, RolloutStatus } from '../kube/status/types.js'
import type { VerifyConfig } from '../config/types.js'
import type { TargetRef } from '../model/result.js'
import type { EndpointSlice, Endpoints, KubeEvent, Pod, Service } from './k8s-types.js'

export interface PodLog {
  pod: string
  container: string
  /** Last lines of the previous (crashed) container instance, already bounded. */
  text: string
  /** Why the log could not be read (e.g. no permission on pods/log); `text` is then empty. */
  unavailable?: string
}

/**
 * Sources the checks read besides the workload and its pods. Each may fail on its own (a Role without
 * `list events`, an API without EndpointSlices): only the rows that need it are then inconclusive.
 */
export type SnapshotSource = 'services' | 'endpointSlices' | 'endpoints' | 'events' | 'logs'

export interface WorkloadSnapshot {
  ref: TargetRef
  object: KubeObject
  /** ReplicaSets or ControllerRevisions controlled by the object. */
  owned: KubeObject[]
  /** The revision being rolled out; undefined when its owner object does not exist yet. */
  revision?: RevisionInfo
  /** Pods of the current revision (terminating ones included; checks skip them). */
  pods: Pod[]
  services: Service[]
  endpointSlices: EndpointSlice[]
  /** Legacy Endpoints, only gathered when a selecting Service has no EndpointSlice. */
  endpoints: Endpoints[]
  /** Warning events of the namespace (filtered by the events check). */
  events: KubeEvent[]
  logs: PodLog[]
  /** Sources that could not be read, each with the reason the rows needing it report (RBAC hint included). */
  unavailable?: Partial<Record<SnapshotSource, string>>
  takenAt: string
}

/** restartCount per pod uid and container name, taken when the verify began. */
export type RestartBaseline = Record<string, Record<string, number>>

/** How the wait for the rollout ended. */
export interface WaitOutcome {
  end: 'done' | 'error' | 'fail-fast' | 'timeout'
  /** The last rollout status seen. */
  status: RolloutStatus
  elapsedMs: number
  /** The persisting pod signal that ended the wait early. */
  failFast?: {
    /** Set when the workload's controller, not a pod, reported the failure: `deployment "api"`. */
    subject?: string
    /** The controller's message for `subject` failures. */
    message?: string
    pod: string
    reason: string
    container?: string
    forMs: number
    /** The pod is of an earlier revision and blocks the rollout (a StatefulSet waiting on it). */
    olderRevision?: boolean
  }
}

export type WorkloadVerifySettings = Pick<
  VerifyConfig,
  'timeout' | 'failFastAfter' | 'expect' | 'allowRestarts' | 'endpoints' | 'ignoreEventReasons'
>
