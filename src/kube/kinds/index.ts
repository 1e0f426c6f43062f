/** Lookup of per-kind behaviour. Kinds without an entry are custom resources, judged by kstatus. */
import { daemonSetKind } from './daemonset.js'
import { deploymentKind } from './deployment.js'
import { statefulSetKind } from './statefulset.js'
import type { WorkloadKind } from './types.js'

const KINDS: WorkloadKind[] = [deploymentKind, statefulSetKind, daemonSetKind]

/** The workload kind for `kind` (case-insensitive; `deploy`, `sts`, `ds` short names accepted), or undefined. */
export function workloadKind(kind: string, apiVersion?: string): WorkloadKind | undefined {
  if (apiVersion && apiVersion !== 'apps/v1') return undefined
  const wanted = SHORT_NAMES[kind.toLowerCase()] ?? kind.toLowerCase()
  return KINDS.find((k) => k.kind.toLowerCase() === wanted)
}

const SHORT_NAMES: Record<string, string> = {
  deploy: 'deployment',
  deployments: 'deployment',
  sts: 'statefulset',
  statefulsets: 'statefulset',
  ds: 'daemonset',
  daemonsets: 'daemonset'
}

export type { RevisionInfo, RolloutStatus, WorkloadKind } from './types.js'
