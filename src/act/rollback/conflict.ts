/**
 * Conflict guards for rollback writes. A PATCH whose result carries a resourceVersion makes the API
 * server compare it with the stored one and answer 409 Conflict when the object moved on (the
 * optimistic concurrency every Kubernetes update uses). So the JSON patch sets /metadata/resourceVersion
 * to the version we read (a no-op when nothing changed), and the strategic patch carries
 * metadata.resourceVersion. A JSON-patch `test` op would fail with 422 Invalid instead, which a caller
 * cannot tell from a bad patch.
 */
import { KubeApiError, type KubeObject } from '../../kube/api.js'
import type { JsonPatchOperation } from './types.js'

export function conflictGuardOperation(workload: KubeObject): JsonPatchOperation[] {
  const version = workload.metadata.resourceVersion
  return version ? [{ op: 'replace', path: '/metadata/resourceVersion', value: version }] : []
}

export function withConflictGuard(workload: KubeObject, patch: Record<string, unknown>): Record<string, unknown> {
  const version = workload.metadata.resourceVersion
  if (!version) return patch
  const metadata = (patch.metadata ?? {}) as Record<string, unknown>
  return { ...patch, metadata: { ...metadata, resourceVersion: version } }
}

/** True when a rollback write failed because the workload changed after it was read: re-read, re-decide, retry. */
export function isRollbackConflict(error: unknown): error is KubeApiError {
  return error instanceof KubeApiError && error.reason === 'conflict'
}
