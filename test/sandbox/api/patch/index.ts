/** Chooses and applies a PATCH by Content-Type, turning every failure into the Status a server sends. */
import fjp from 'fast-json-patch'
import YAML from 'yaml'
import type { ResourceDef } from '../../resources.js'
import type { StoredObject } from '../../store.js'
import { ApiError } from '../status.js'
import { mergePatch } from './merge.js'
import { strategicMergePatch, StrategicPatchError, type JsonObject } from './strategic.js'

export const patchTypes = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml'
} as const

/** API groups whose kinds are compiled into a real API server, so strategic merge applies to them. */
const builtinGroups = new Set([
  '',
  'apps',
  'apiextensions.k8s.io',
  'batch',
  'autoscaling',
  'policy',
  'discovery.k8s.io',
  'events.k8s.io',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io'
])

export const supportsStrategicMerge = (r: ResourceDef): boolean => builtinGroups.has(r.group)

export function acceptedPatchTypes(r: ResourceDef): string[] {
  return supportsStrategicMerge(r) ? Object.values(patchTypes) : [patchTypes.json, patchTypes.merge, patchTypes.apply]
}

function parseBody(body: string, yaml: boolean): unknown {
  try {
    return yaml ? YAML.parse(body) : JSON.parse(body)
  } catch (error) {
    throw new ApiError(400, 'BadRequest', `error decoding patch: ${(error as Error).message}`)
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Returns the patched object (the input is not mutated). `existing` may be undefined only for
 * apply patches, which then create the object.
 */
export function applyPatch(
  contentType: string,
  resource: ResourceDef,
  existing: StoredObject | undefined,
  body: string,
  name: string
): StoredObject {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  const original = (existing ?? { apiVersion: '', kind: resource.kind, metadata: { name } }) as unknown as JsonObject
  const invalid = (message: string): ApiError =>
    new ApiError(422, 'Invalid', message, { name, group: resource.group, kind: resource.kind })
  if (type === patchTypes.json) {
    const ops = parseBody(body, false)
    if (!Array.isArray(ops)) throw new ApiError(400, 'BadRequest', 'json patch must be a JSON array of operations')
    try {
      return fjp.applyPatch(original, ops, true, false).newDocument as unknown as StoredObject
    } catch (error) {
      throw jsonPatchFailed(error)
    }
  }
  if (type === patchTypes.merge) {
    const patch = parseBody(body, false)
    if (!isObject(patch)) throw new ApiError(400, 'BadRequest', 'merge patch must be a JSON object')
    return mergePatch(original, patch) as unknown as StoredObject
  }
  if (type === patchTypes.strategic || type === patchTypes.apply) {
    const patch = parseBody(body, type === patchTypes.apply)
    if (!isObject(patch)) throw new ApiError(400, 'BadRequest', 'patch must be an object')
    if (type === patchTypes.strategic && !supportsStrategicMerge(resource)) throw unsupported(contentType, resource)
    // Server-side apply is approximated: the applied configuration is merged like a strategic merge
    // patch (or merge patch for custom resources); field ownership is not tracked.
    if (!supportsStrategicMerge(resource)) return mergePatch(original, patch) as unknown as StoredObject
    try {
      return strategicMergePatch(original, patch, resource.kind) as unknown as StoredObject
    } catch (error) {
      if (error instanceof StrategicPatchError) throw invalid(error.message)
      throw error
    }
  }
  throw unsupported(contentType, resource)
}

/**
 * A JSON patch that does not apply: kube-apiserver answers with errors.NewGenericServerResponse(422, …)
 * — a fixed message, reason Invalid, and evanphx/json-patch's error as the one cause.
 */
function jsonPatchFailed(error: unknown): ApiError {
  const e = error as { name?: string; operation?: { op?: string; path?: string }; message?: string }
  const path = e.operation?.path ?? ''
  let cause = (e.message ?? String(error)).split('\n')[0]!
  if (e.name === 'TEST_OPERATION_FAILED') cause = `testing value ${path} failed: test failed`
  else if (e.name === 'OPERATION_PATH_UNRESOLVABLE')
    cause = `${e.operation?.op ?? 'test'} operation does not apply: is missing path: ${path}: missing value`
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: cause }]
  })
}

function unsupported(contentType: string, resource: ResourceDef): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${acceptedPatchTypes(resource).join(', ')} (got "${contentType}")`
  )
}
