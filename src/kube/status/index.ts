/**
 * The StatusViewer for a kind (kubectl StatusViewerFor). Kinds without one are custom resources,
 * judged by kstatus. Adding a kind: one file here, and its entry below.
 */
import { workloadKindName, type WorkloadKindName } from '../workload/kinds.js'
import { daemonSetStatus } from './daemonset.js'
import { deploymentStatus } from './deployment.js'
import { statefulSetStatus } from './statefulset.js'
import type { StatusViewer } from './types.js'

const VIEWERS: Record<WorkloadKindName, StatusViewer> = {
  Deployment: deploymentStatus,
  StatefulSet: statefulSetStatus,
  DaemonSet: daemonSetStatus
}

/** The status viewer for `kind` (case-insensitive; `deploy`, `sts`, `ds` short names accepted), or undefined. */
export function statusViewerFor(kind: string, apiVersion?: string): StatusViewer | undefined {
  const name = workloadKindName(kind, apiVersion)
  return name ? VIEWERS[name] : undefined
}

export type { OwnedSnapshot, RevisionInfo, RolloutStatus, StatusViewer } from './types.js'
