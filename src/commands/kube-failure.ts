/** A target we could not even start checking (no usable kubeconfig, API down): inconclusive, never passed. */
import type { TargetRef, TargetResult } from '../model/result.js'

export function kubeUnavailableTarget(ref: TargetRef, error: unknown): TargetResult {
  const message = error instanceof Error ? error.message : String(error)
  return {
    ref,
    checks: [
      {
        id: 'kubernetes-access',
        title: 'Kubernetes access',
        expected: 'a usable kubeconfig and a reachable API server',
        actual: message,
        status: 'inconclusive',
        reason: `could not set up the Kubernetes client: ${message}`
      }
    ]
  }
}
