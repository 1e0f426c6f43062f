/**
 * The HistoryViewer for a kind (kubectl HistoryViewerFor). Adding a kind: one file here, and its entry below.
 */
import { workloadKindName, type WorkloadKindName } from '../workload/kinds.js'
import { daemonSetHistory } from './daemonset.js'
import { deploymentHistory } from './deployment.js'
import { statefulSetHistory } from './statefulset.js'
import type { HistoryViewer } from './types.js'

const VIEWERS: Record<WorkloadKindName, HistoryViewer> = {
  Deployment: deploymentHistory,
  StatefulSet: statefulSetHistory,
  DaemonSet: daemonSetHistory
}

/** The history viewer for `kind` (case-insensitive; short names accepted), or undefined for other kinds. */
export function historyViewerFor(kind: string, apiVersion?: string): HistoryViewer | undefined {
  const name = workloadKindName(kind, apiVersion)
  return name ? VIEWERS[name] : undefined
}

/** The history viewer of a kind deploy-guard knows. */
export const historyViewer = (kind: WorkloadKindName): HistoryViewer => VIEWERS[kind]

export type { HistoryEntry, HistoryViewer } from './types.js'
