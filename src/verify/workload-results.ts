/** Result rows for the ways a workload verification can end before its checks run. */
import { KubeApiError, type KubeApi, type ResourceType } from '../kube/api.js'
import type { CheckResult, TargetRef, TargetResult } from '../model/result.js'
import { WORKLOAD_CHECKS } from '../evaluate/workload-checks.js'
import { RESOURCES } from '../kube/resources.js'
import { apiFailureReason } from '../kube/failure-reason.js'

export const KSTATUS_ROW = { id: 'kstatus', title: 'Resource status (kstatus)' }

/** The one failed `Target found` row: the target is missing, of an unknown kind, or was deleted. */
export function targetMissingResult(ref: TargetRef, actual: string, reason: string): TargetResult {
  return {
    ref,
    checks: [
      {
        id: 'target',
        title: 'Target found',
        expected: `${ref.kind}/${ref.name} exists`,
        actual,
        status: 'failed',
        reason
      }
    ]
  }
}

/** `deployment "apii" not found in namespace "prod"; deployments there: api, web`. */
export async function notFoundResult(api: KubeApi, ref: TargetRef, type: ResourceType): Promise<TargetResult> {
  const what = `${type.kind.toLowerCase()} "${ref.name}" not found in namespace "${ref.namespace}"`
  let there = ''
  try {
    const names = (await api.list(type, ref.namespace)).map((o) => o.metadata.name).sort()
    there = `; ${type.resource} there: ${names.length > 0 ? names.slice(0, 20).join(', ') + (names.length > 20 ? `, and ${names.length - 20} more` : '') : 'none'}`
    // Listing a namespace that does not exist answers an empty list; a typo in the namespace
    // deserves to be named as such, not as an empty namespace.
    if (names.length === 0 && !(await api.get(RESOURCES.Namespace, undefined, ref.namespace))) {
      return targetMissingResult(
        ref,
        'namespace not found',
        `${what}: namespace "${ref.namespace}" does not exist (check the namespace input or the target's namespace/ prefix)`
      )
    }
  } catch {
    // Listing and the namespace lookup are only hints; without permission (a namespaced Role cannot
    // read Namespaces) the plain message stands.
  }
  return targetMissingResult(ref, 'not found', `${what}${there}`)
}

export { apiFailureReason }

export function inconclusiveResult(
  ref: TargetRef,
  error: KubeApiError,
  server: string,
  workload: boolean
): TargetResult {
  return uncheckedResult(ref, apiFailureReason(error, server), workload)
}

/** Every row inconclusive for one reason: what we could not see is never passed or failed. */
export function uncheckedResult(ref: TargetRef, reason: string, workload: boolean): TargetResult {
  const rows = workload ? WORKLOAD_CHECKS : [KSTATUS_ROW]
  const checks: CheckResult[] = rows.map((row) => ({
    ...row,
    expected: 'checked against the cluster',
    actual: 'not checked',
    status: 'inconclusive',
    reason
  }))
  return { ref, checks }
}

export function isKubeApiError(error: unknown): error is KubeApiError {
  return error instanceof KubeApiError
}
