/** The `/status`, `/scale` and pods' `/log` sub-resources. */
import type { ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { admitUpdate } from './admit.js'
import { decodeObject } from './body.js'
import { json, type ApiContext, type Reply, type ResourceRequest } from './context.js'
import { applyPatch } from './patch/index.js'
import { getObject } from './read.js'
import { ApiError, notFound } from './status.js'
import { formatLabelSelector } from './validate.js'
import { isDryRun, patchObject, replaceObject } from './write.js'

const scaleResource: ResourceDef = {
  group: 'autoscaling',
  version: 'v1',
  resource: 'scale',
  kind: 'Scale',
  singular: 'scale',
  namespaced: true
}

function toScale(o: StoredObject): StoredObject {
  const spec = (o.spec ?? {}) as Record<string, unknown>
  const status = (o.status ?? {}) as Record<string, unknown>
  const { name, namespace, uid, resourceVersion, creationTimestamp } = o.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 },
    status: {
      replicas: typeof status.replicas === 'number' ? status.replicas : 0,
      selector: formatLabelSelector(spec.selector)
    }
  }
}

function scale(ctx: ApiContext, req: ResourceRequest): Reply {
  const current = ctx.store.get(req.resource, req.namespace, req.name!)
  if (!current) throw notFound(req.resource, req.name!)
  if (req.method === 'GET') return json(200, toScale(current))
  let desired: StoredObject
  if (req.method === 'PUT') desired = decodeObject(req.body, req.contentType)
  else if (req.method === 'PATCH')
    desired = applyPatch(req.contentType ?? '', scaleResource, toScale(current), req.body, req.name!)
  else throw methodNotAllowed(req)
  const replicas = (desired.spec as Record<string, unknown> | undefined)?.replicas
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError(
      422,
      'Invalid',
      `Scale.autoscaling "${req.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`
    )
  }
  const next = structuredClone(current)
  next.spec = { ...(next.spec ?? {}), replicas }
  // the Scale's resourceVersion is the parent's: a stale one conflicts like any update
  next.metadata.resourceVersion = desired.metadata?.resourceVersion ?? current.metadata.resourceVersion
  const updated = admitUpdate(ctx.store, req.resource, req.namespace, req.name!, next, { dryRun: isDryRun(req.query) })
  return json(200, toScale(updated))
}

/**
 * A boolean query parameter as the apiserver converts it (apimachinery runtime
 * Convert_Slice_string_To_bool): absent → false; "0" or "false" in any case → false; anything else,
 * even an empty value, → true. python-kubernetes sends `previous=True`.
 */
export function queryBool(query: URLSearchParams, name: string): boolean {
  const values = query.getAll(name)
  if (values.length === 0) return false
  const first = values[0]!
  return !(first === '0' || first.toLowerCase() === 'false')
}

function log(ctx: ApiContext, req: ResourceRequest): Reply {
  if (req.method !== 'GET') throw methodNotAllowed(req)
  const pod = ctx.store.get(req.resource, req.namespace, req.name!)
  if (!pod) throw notFound(req.resource, req.name!)
  const container = req.query.get('container') || undefined
  const previous = queryBool(req.query, 'previous')
  const text = ctx.podLog(req.namespace ?? 'default', req.name!, container, previous)
  if (text === undefined) {
    const waiting = waitingReason(pod, container)
    if (!previous && waiting)
      throw new ApiError(
        400,
        'BadRequest',
        `container "${waiting.name}" in pod "${req.name}" is waiting to start: ${waiting.reason}`
      )
    const which = previous ? 'previous terminated container' : 'container'
    throw new ApiError(404, 'NotFound', `${which} "${container ?? ''}" in pod "${req.name}" not found`, {
      name: req.name,
      kind: 'pods'
    })
  }
  return { status: 200, raw: true, body: tail(text, req.query.get('tailLines')), contentType: 'text/plain' }
}

/** The waiting reason of the container a log request names (or the default container), if it waits. */
function waitingReason(pod: StoredObject, container: string | undefined): { name: string; reason: string } | undefined {
  const spec = (pod.spec ?? {}) as { containers?: Array<{ name?: string }> }
  const name =
    container ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? spec.containers?.[0]?.name
  const status = (pod.status ?? {}) as Record<string, unknown>
  const all = [status.containerStatuses, status.initContainerStatuses].flatMap((l) => (Array.isArray(l) ? l : []))
  const cs = all.find((c) => (c as { name?: string }).name === name) as
    { state?: { waiting?: { reason?: string } } } | undefined
  const reason = cs?.state?.waiting?.reason
  return name && reason ? { name, reason } : undefined
}

/** The last `n` lines, like kubectl logs --tail (a trailing newline is not an extra line). */
export function tail(text: string, tailLines: string | null): string {
  if (tailLines === null || tailLines === '') return text
  const n = Number(tailLines)
  if (!Number.isInteger(n) || n < 0) return text
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n')
  if (n === 0) return ''
  return `${lines.slice(-n).join('\n')}${text.endsWith('\n') ? '\n' : ''}`
}

const methodNotAllowed = (req: ResourceRequest): ApiError =>
  new ApiError(
    405,
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${req.method} ${req.resource.resource}/${req.subresource})`
  )

export function handleSubresource(ctx: ApiContext, req: ResourceRequest): Reply {
  const sub = req.subresource!
  if (!req.resource.subresources?.includes(sub)) {
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {
      name: req.name,
      group: req.resource.group,
      kind: req.resource.resource
    })
  }
  switch (sub) {
    case 'status':
      if (req.method === 'GET') return getObject(ctx, req)
      if (req.method === 'PUT') return replaceObject(ctx, req, 'status')
      if (req.method === 'PATCH') return patchObject(ctx, req, 'status')
      throw methodNotAllowed(req)
    case 'scale':
      return scale(ctx, req)
    case 'log':
      return log(ctx, req)
    default:
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource')
  }
}
