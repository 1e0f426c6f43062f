/**
 * kstatus `Compute` for custom resources (kubernetes-sigs/cli-utils pkg/kstatus/status generic rules):
 * deletion → Terminating; generation not observed → InProgress; Reconciling=True → InProgress;
 * Stalled=True → Failed; Ready condition True → Current, False/Unknown → InProgress; else Current. Pure.
 */
import type { KubeObject } from '../kube/api.js'
import type { Condition } from './k8s-types.js'

export type KStatus = 'Current' | 'InProgress' | 'Failed' | 'Terminating'

export interface KStatusResult {
  status: KStatus
  message: string
  reason?: string
}

export function computeKStatus(obj: KubeObject): KStatusResult {
  if (obj.metadata.deletionTimestamp) return { status: 'Terminating', message: 'Resource scheduled for deletion' }
  const status = (obj as { status?: { observedGeneration?: number; conditions?: Condition[] } }).status
  const generation = obj.metadata.generation
  const observed = status?.observedGeneration
  // Only comparable when both exist: many CRDs never report observedGeneration.
  if (generation !== undefined && observed !== undefined && generation !== observed) {
    return {
      status: 'InProgress',
      reason: 'LatestGenerationNotObserved',
      message: `${obj.kind ?? 'Resource'} generation is ${generation}, but latest observed generation is ${observed}`
    }
  }
  const conditions = Array.isArray(status?.conditions) ? status.conditions : []
  for (const c of conditions) {
    if (c.type === 'Reconciling' && c.status === 'True')
      return { status: 'InProgress', reason: c.reason, message: c.message ?? 'Reconciling' }
    if (c.type === 'Stalled' && c.status === 'True')
      return { status: 'Failed', reason: c.reason, message: c.message ?? 'Stalled' }
  }
  const ready = conditions.find((c) => c.type === 'Ready')
  if (ready) {
    if (ready.status === 'True') return { status: 'Current', message: 'Resource is Ready' }
    return { status: 'InProgress', reason: ready.reason, message: ready.message ?? `Ready is ${ready.status}` }
  }
  return { status: 'Current', message: 'Resource is current' }
}
