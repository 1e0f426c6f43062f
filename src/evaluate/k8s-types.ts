/**
 * The few fields of Kubernetes objects the evaluators read. Every field is optional because objects
 * come from outside (any cluster version, any controller); the evaluators default missing values the
 * way Kubernetes does. Type-only module: no runtime code.
 */
import type { KubeObject } from '../kube/api.js'

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown' | string
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

export interface Container {
  name: string
  image?: string
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
  spec?: { containers?: Container[]; initContainers?: Container[]; [key: string]: unknown }
}

export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number
    selector?: LabelSelector
    template?: PodTemplate
    paused?: boolean
    progressDeadlineSeconds?: number
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    conditions?: Condition[]
  }
}

export interface RollingUpdateStrategy {
  type?: string
  rollingUpdate?: { partition?: number; maxUnavailable?: number | string }
}

export interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number
    selector?: LabelSelector
    template?: PodTemplate
    updateStrategy?: RollingUpdateStrategy
    podManagementPolicy?: 'OrderedReady' | 'Parallel'
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    readyReplicas?: number
    currentReplicas?: number
    updatedReplicas?: number
    currentRevision?: string
    updateRevision?: string
    conditions?: Condition[]
  }
}

export interface DaemonSet extends KubeObject {
  spec?: { selector?: LabelSelector; template?: PodTemplate; updateStrategy?: RollingUpdateStrategy }
  status?: {
    observedGeneration?: number
    desiredNumberScheduled?: number
    currentNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    numberReady?: number
    conditions?: Condition[]
  }
}

export interface ReplicaSet extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate }
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number }
}

export interface ControllerRevision extends KubeObject {
  revision?: number
  data?: unknown
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string }
  running?: { startedAt?: string }
  terminated?: { reason?: string; message?: string; exitCode?: number; finishedAt?: string; startedAt?: string }
}

export interface ContainerStatus {
  name: string
  ready?: boolean
  started?: boolean
  restartCount?: number
  image?: string
  imageID?: string
  state?: ContainerState
  lastState?: ContainerState
}

export interface Pod extends KubeObject {
  spec?: { containers?: Container[]; initContainers?: Container[]; nodeName?: string }
  status?: {
    phase?: string
    reason?: string
    message?: string
    podIP?: string
    conditions?: Condition[]
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

export interface Service extends KubeObject {
  spec?: { selector?: Record<string, string>; type?: string; clusterIP?: string }
}

export interface EndpointSlice extends KubeObject {
  endpoints?: Array<{
    addresses?: string[]
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean }
    targetRef?: { kind?: string; name?: string; uid?: string; namespace?: string }
  }>
}

export interface EndpointAddress {
  ip?: string
  targetRef?: { kind?: string; name?: string; uid?: string }
}

/** Legacy core/v1 Endpoints; read only when a Service has no EndpointSlice. */
export interface Endpoints extends KubeObject {
  subsets?: Array<{ addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[] }>
}

export interface KubeEvent extends KubeObject {
  type?: string
  reason?: string
  message?: string
  count?: number
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  eventTime?: string | null
  series?: { count?: number; lastObservedTime?: string }
  involvedObject?: {
    kind?: string
    name?: string
    namespace?: string
    uid?: string
    apiVersion?: string
    fieldPath?: string
  }
  source?: { component?: string }
  reportingComponent?: string
}
