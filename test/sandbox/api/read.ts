/** GET, LIST and WATCH of resource collections and objects. */
import type { ServerResponse } from 'node:http'
import { groupVersion } from '../resources.js'
import { json, type ApiContext, type Reply, type ResourceRequest } from './context.js'
import { encodeJson } from './gofmt.js'
import { listPage } from './list.js'
import { fieldMatcher, labelMatcher } from './selectors.js'
import { ApiError, notFound } from './status.js'
import { toTable, wantsTable, type IncludeObject } from './table.js'
import { serveWatch } from './watch.js'

const flag = (q: URLSearchParams, name: string): boolean => ['1', 'true'].includes((q.get(name) ?? '').toLowerCase())

function includeObject(q: URLSearchParams): IncludeObject {
  const value = q.get('includeObject')
  return value === 'None' || value === 'Object' ? value : 'Metadata'
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name)
  if (raw === null || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new ApiError(400, 'BadRequest', `invalid ${name}: "${raw}"`)
  return n
}

export function getObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const object = ctx.store.get(req.resource, req.namespace, req.name!)
  if (!object) throw notFound(req.resource, req.name!)
  if (wantsTable(req.accept))
    return json(
      200,
      toTable(req.resource, [object], { resourceVersion: object.metadata.resourceVersion }, includeObject(req.query))
    )
  return json(200, object)
}

export function listOrWatch(ctx: ApiContext, req: ResourceRequest, res: ServerResponse): Reply {
  const q = req.query
  const labelSelector = q.get('labelSelector') ?? undefined
  const fieldSelector = q.get('fieldSelector') ?? undefined
  // parse now so a bad selector answers 400 instead of a broken stream
  labelMatcher(labelSelector)
  fieldMatcher(fieldSelector, req.resource)
  if (flag(q, 'watch')) {
    serveWatch(ctx.store, ctx.cache, res, {
      resource: req.resource,
      namespace: req.namespace,
      labelSelector,
      fieldSelector,
      resourceVersion: q.get('resourceVersion') ?? undefined,
      timeoutSeconds: intParam(q, 'timeoutSeconds'),
      allowBookmarks: flag(q, 'allowWatchBookmarks'),
      sendInitialEvents: flag(q, 'sendInitialEvents'),
      table: wantsTable(req.accept) ? includeObject(q) : undefined,
      bookmarkIntervalMs: ctx.bookmarkIntervalMs,
      maxDurationMs: ctx.maxWatchMs
    })
    return { streamed: true }
  }
  const page = listPage(ctx.cache, ctx.store, req.resource, req.namespace, {
    labelSelector,
    fieldSelector,
    limit: intParam(q, 'limit'),
    continueToken: q.get('continue') || undefined
  })
  const meta: Record<string, unknown> = { resourceVersion: page.resourceVersion }
  if (page.continueToken) meta.continue = page.continueToken
  if (page.remainingItemCount !== undefined) meta.remainingItemCount = page.remainingItemCount
  if (wantsTable(req.accept)) return json(200, toTable(req.resource, page.items, meta, includeObject(q)))
  // Serialise only this page, straight from the shared objects (no copies).
  const r = req.resource
  const body = `{"kind":${JSON.stringify(`${r.kind}List`)},"apiVersion":${JSON.stringify(groupVersion(r))},"metadata":${JSON.stringify(meta)},"items":[${page.items
    .map((o) => encodeJson(o))
    .join(',')}]}`
  return { status: 200, raw: true, body, contentType: 'application/json' }
}
