/**
 * The workload kinds deploy-guard knows per verb (status, history, rollback), and the names a user may
 * write for them. Every per-verb lookup resolves a kind through here, so the spellings agree. Pure.
 */
export type WorkloadKindName = 'Deployment' | 'StatefulSet' | 'DaemonSet'

const NAMES: Record<string, WorkloadKindName> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet'
}

/**
 * The canonical kind for `kind` (case-insensitive; plural and kubectl short names accepted), or
 * undefined for anything else, including an apps kind under another apiVersion (a custom resource).
 */
export function workloadKindName(kind: string | undefined, apiVersion?: string): WorkloadKindName | undefined {
  if (kind === undefined) return undefined
  if (apiVersion && apiVersion !== 'apps/v1') return undefined
  return NAMES[kind.toLowerCase()]
}
