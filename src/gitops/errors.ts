/**
 * Turns a failure to read GitOps state into a row. We could not look, so the row is inconclusive:
 * never passed (a gate must not let an unknown through) and never failed (the deploy may be fine).
 */
import { KubeApiError } from '../kube/api.js'
import type { CheckResult } from '../model/result.js'

export interface RowIdentity {
  id: string
  title: string
  expected: string
}

export function readErrorRow(row: RowIdentity, error: unknown, namespace: string): CheckResult {
  const base = { ...row, status: 'inconclusive' as const }
  if (error instanceof KubeApiError) {
    if (error.reason === 'forbidden') {
      // The client's message normally names the missing permission; add one when it does not.
      const hint = /rbac|role|permission|grant/i.test(error.message)
        ? ''
        : ` (RBAC: the runner's identity needs "${error.verb}" on ${error.resource} in namespace "${namespace}")`
      return { ...base, actual: 'forbidden', reason: `${error.message}${hint}` }
    }
    if (error.transient) {
      return {
        ...base,
        actual: `API ${error.reason}`,
        reason: `Could not read the state (${error.reason}): ${error.message}`
      }
    }
    return { ...base, actual: `API error: ${error.reason}`, reason: error.message }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { ...base, actual: 'error', reason: `Could not read the state: ${message}` }
}
