/** Why something could not be checked, from the API error: the wording every inconclusive row uses. Pure. */
import type { KubeApiError } from './api.js'

/** We never pass or fail what we could not see; a 403 names the RBAC rule to add (see errors.ts). */
export function apiFailureReason(error: KubeApiError, server: string): string {
  if (error.transient) return `Kubernetes API unreachable at ${server} after retries: ${error.message}`
  if (error.reason === 'forbidden') return `could not check, permission missing: ${error.message}`
  return `could not check: ${error.message}`
}
