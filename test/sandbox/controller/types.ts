/**
 * The shapes of the Kubernetes objects the controller reads and writes. The store keeps objects
 * untyped; controllers narrow them through these interfaces (fields are optional because scenarios
 * and clients may omit anything the API server would default).
 */
import type { ObjectMeta, StoredObject } from '../store.js'

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

export interface ContainerSpec {
  name: string
  image?: string
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>
  [key: string]: unknown
}

export interface PodSpec {
  containers?: ContainerSpec[]
  initContainers?: ContainerSpec[]
  nodeName?: string
  hostname?: string
  subdomain?: string
  [key: string]: unknown
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown }
  spec?: PodSpec
}

export type IntOrString = number | string

export interface DeploymentSpec {
  replicas?: number
  selector?: LabelSelector
  template?: PodTemplate
  strategy?: {
    type?: 'RollingUpdate' | 'Recreate'
    rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString }
  }
  minReadySeconds?: number
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
  paused?: boolean
}

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
  lastProbeTime?: string | null
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  collisionCount?: number
  conditions?: Condition[]
}

export interface ReplicaSetSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: LabelSelector
  template?: PodTemplate
}

export interface ReplicaSetStatus {
  replicas?: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: Condition[]
}

export interface ContainerState {
  running?: { startedAt: string }
  waiting?: { reason: string; message?: string }
  terminated?: {
    exitCode: number
    reason: string
    message?: string
    startedAt?: string
    finishedAt?: string
    containerID?: string
  }
}

export interface ContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: boolean
  started: boolean
  restartCount: number
  state: ContainerState
  lastState: ContainerState
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  conditions?: Condition[]
  hostIP?: string
  hostIPs?: Array<{ ip: string }>
  podIP?: string
  podIPs?: Array<{ ip: string }>
  startTime?: string
  qosClass?: string
  initContainerStatuses?: ContainerStatus[]
  containerStatuses?: ContainerStatus[]
  reason?: string
  message?: string
}

export interface StatefulSetSpec {
  replicas?: number
  selector?: LabelSelector
  template?: PodTemplate
  serviceName?: string
  minReadySeconds?: number
  revisionHistoryLimit?: number
  podManagementPolicy?: 'OrderedReady' | 'Parallel'
  updateStrategy?: {
    type?: 'RollingUpdate' | 'OnDelete'
    rollingUpdate?: { partition?: number; maxUnavailable?: IntOrString }
  }
}

export interface DaemonSetSpec {
  selector?: LabelSelector
  template?: PodTemplate
  minReadySeconds?: number
  revisionHistoryLimit?: number
  updateStrategy?: {
    type?: 'RollingUpdate' | 'OnDelete'
    rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString }
  }
}

export interface ServicePort {
  name?: string
  port: number
  targetPort?: IntOrString
  protocol?: string
  appProtocol?: string
}

export interface ServiceSpec {
  selector?: Record<string, string>
  ports?: ServicePort[]
  type?: string
}

/** Typed views over a stored object; the casts are the one place untyped storage meets these shapes. */
export const specOf = <T>(o: StoredObject): T => (o.spec ?? {}) as unknown as T
export const statusOf = <T>(o: StoredObject): T => (o.status ?? {}) as unknown as T

export type Meta = ObjectMeta
