/** POST, PUT, PATCH, DELETE and DELETE-collection of resources. */
import type { StoredObject } from '../store.js'
import { admitCreate, admitUpdate } from './admit.js'
import { decodeDeleteOptions, decodeObject } from './body.js'
import { fieldValidation, typedDecode, type DecodeSource } from './decode.js'
import { json, type ApiContext, type Reply, type ResourceRequest } from './context.js'
import { deleteWithDependents, type Propagation } from './gc.js'
import { markTerminating, podGracePeriod, requestedGrace } from './graceful.js'
import { listPage } from './list.js'
import { applyPatch, patchTypes } from './patch/index.js'
import { ApiError, notFound } from './status.js'

export const isDryRun = (q: URLSearchParams): boolean => q.getAll('dryRun').includes('All')

export function createObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const object = decodeObject(req.body, req.contentType)
  decodeTyped(req, object, 'body')
  const created = admitCreate(ctx.store, ctx.resources, req.resource, req.namespace, object, isDryRun(req.query))
  return json(201, created)
}

export function replaceObject(ctx: ApiContext, req: ResourceRequest, subresource?: 'status'): Reply {
  const object = decodeObject(req.body, req.contentType)
  decodeTyped(req, object, 'body')
  return json(
    200,
    admitUpdate(ctx.store, req.resource, req.namespace, req.name!, object, { dryRun: isDryRun(req.query), subresource })
  )
}

/** Applies the request's patch to the stored object (or creates it for an apply patch). */
export function patchObject(ctx: ApiContext, req: ResourceRequest, subresource?: 'status'): Reply {
  const name = req.name!
  const contentType = req.contentType ?? ''
  const current = ctx.store.get(req.resource, req.namespace, name)
  const isApply = contentType.startsWith(patchTypes.apply)
  if (!current && !(isApply && !subresource)) throw notFound(req.resource, name)
  const patched = applyPatch(contentType, req.resource, current, req.body, name)
  if (
    typeof patched !== 'object' ||
    patched === null ||
    Array.isArray(patched) ||
    typeof patched.metadata !== 'object' ||
    patched.metadata === null
  ) {
    throw new ApiError(
      422,
      'Invalid',
      `${req.resource.kind} "${name}" is invalid: the patch produced an object without metadata`
    )
  }
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  decodeTyped(req, patched, type === patchTypes.strategic || type === patchTypes.apply ? 'strategic' : 'merge')
  if (patched.metadata.name !== name)
    throw new ApiError(
      400,
      'BadRequest',
      `the name of the object (${String(patched.metadata.name)}) does not match the name on the URL (${name})`
    )
  if (!current) {
    return json(201, admitCreate(ctx.store, ctx.resources, req.resource, req.namespace, patched, isDryRun(req.query)))
  }
  if (isApply) delete patched.metadata.resourceVersion
  return json(
    200,
    admitUpdate(ctx.store, req.resource, req.namespace, name, patched, { dryRun: isDryRun(req.query), subresource })
  )
}

/** The typed decode of a write body or patch result; its warnings go out as `Warning` headers. */
function decodeTyped(req: ResourceRequest, object: StoredObject, source: DecodeSource): void {
  const warnings = typedDecode(req.resource, object, fieldValidation(req.query), source)
  if (warnings.length > 0) (req.warnings ??= []).push(...warnings)
}

function propagation(req: ResourceRequest, options: Record<string, unknown>): Propagation {
  const value = req.query.get('propagationPolicy') ?? options.propagationPolicy
  if (value === undefined || value === null || value === '') return 'Background'
  if (value === 'Background' || value === 'Foreground' || value === 'Orphan') return value
  throw new ApiError(
    422,
    'Invalid',
    `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${String(value)}"`
  )
}

function checkPreconditions(req: ResourceRequest, current: StoredObject, options: Record<string, unknown>): void {
  const pre = options.preconditions
  if (typeof pre !== 'object' || pre === null) return
  const { uid, resourceVersion } = pre as { uid?: string; resourceVersion?: string }
  const failed = (what: string, want: string, got: string | undefined): ApiError =>
    new ApiError(
      409,
      'Conflict',
      `Precondition failed: ${what} in precondition: ${want}, ${what} in object meta: ${got ?? ''}`,
      {
        name: current.metadata.name,
        group: req.resource.group,
        kind: req.resource.resource
      }
    )
  if (uid && uid !== current.metadata.uid) throw failed('UID', uid, current.metadata.uid)
  if (resourceVersion && resourceVersion !== current.metadata.resourceVersion)
    throw failed('ResourceVersion', resourceVersion, current.metadata.resourceVersion)
}

export function deleteObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const options = decodeDeleteOptions(req.body)
  const name = req.name!
  const current = ctx.store.get(req.resource, req.namespace, name)
  if (!current) throw notFound(req.resource, name)
  checkPreconditions(req, current, options)
  const policy = propagation(req, options)
  const dryRun = isDryRun(req.query) || (Array.isArray(options.dryRun) && options.dryRun.includes('All'))
  if (req.resource.kind === 'Pod' && req.resource.group === '') {
    const grace = podGracePeriod(current, requestedGrace(req.query, options))
    if (grace > 0) {
      const terminating = markTerminating(current, grace)
      if (dryRun || current.metadata.deletionGracePeriodSeconds === grace)
        return json(200, dryRun ? terminating : current)
      return json(200, ctx.store.update(req.resource, terminating))
    }
  }
  if (dryRun) return json(200, current)
  const deleted = deleteWithDependents(ctx.store, ctx.resources, req.resource, req.namespace, name, policy)
  if (req.resource.kind === 'Namespace' && req.resource.group === '') {
    // the real server answers with the namespace in its Terminating phase
    deleted.status = { ...(deleted.status ?? {}), phase: 'Terminating' }
  }
  return json(200, deleted)
}

export function deleteCollection(ctx: ApiContext, req: ResourceRequest): Reply {
  const options = decodeDeleteOptions(req.body)
  const policy = propagation(req, options)
  const page = listPage(ctx.cache, ctx.store, req.resource, req.namespace, {
    labelSelector: req.query.get('labelSelector') ?? undefined,
    fieldSelector: req.query.get('fieldSelector') ?? undefined
  })
  const victims = [...page.items]
  const deleted: StoredObject[] = []
  for (const o of victims) {
    if (isDryRun(req.query)) {
      deleted.push(o)
      continue
    }
    if (!ctx.store.get(req.resource, o.metadata.namespace, o.metadata.name)) continue
    deleted.push(
      deleteWithDependents(ctx.store, ctx.resources, req.resource, o.metadata.namespace, o.metadata.name, policy)
    )
  }
  return json(200, {
    kind: `${req.resource.kind}List`,
    apiVersion: deleted[0]?.apiVersion ?? '',
    metadata: { resourceVersion: String(ctx.store.resourceVersion) },
    items: deleted
  })
}
