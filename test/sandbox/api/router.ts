/**
 * Maps a request path to its answer: public info (/version, /healthz), discovery, OpenAPI, and the
 * resource paths (`/api/v1/...`, `/apis/<group>/<version>/...`, namespaced or cluster-wide).
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { ResourceDef } from '../resources.js'
import { json, type ApiContext, type Reply, type ResourceRequest } from './context.js'
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions, serverVersion } from './discovery.js'
import { openApiV2Json, openApiV2Protobuf, openApiV3Document, openApiV3Root } from './openapi.js'
import { getObject, listOrWatch } from './read.js'
import { warningHeader } from './decode.js'
import { encodeJson } from './gofmt.js'
import { ApiError } from './status.js'
import { handleSubresource } from './subresources.js'
import { createObject, deleteCollection, deleteObject, patchObject, replaceObject } from './write.js'

export interface RoutedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
  serverAddress: string
}

/** Paths anyone may read, as on a real cluster (system:public-info-viewer). */
export const publicPaths = new Set(['/version', '/healthz', '/readyz', '/livez'])

const pageNotFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource')

export function route(ctx: ApiContext, req: RoutedRequest, res: ServerResponse): Reply {
  const reply = routeTo(ctx, req, res)
  // written here rather than by the server, so that strings are escaped as Go's encoder escapes them
  if ('json' in reply && !reply.raw)
    return { status: reply.status, raw: true, body: encodeJson(reply.json), contentType: 'application/json' }
  return reply
}

function routeTo(ctx: ApiContext, req: RoutedRequest, res: ServerResponse): Reply {
  const path = req.path.replace(/\/+$/, '') || '/'
  if (path === '/version') return json(200, serverVersion)
  if (path === '/healthz' || path === '/readyz' || path === '/livez')
    return { status: 200, raw: true, body: 'ok', contentType: 'text/plain' }
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeSegment)
  if (parts[0] === 'openapi') return openApi(ctx, parts, req)
  if (parts[0] === 'api') {
    if (parts.length === 1) return json(200, apiVersions(req.serverAddress))
    return resourcePath(ctx, '', parts[1]!, parts.slice(2), req, res)
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return json(200, apiGroupList(ctx.resources))
    if (parts.length === 2) return json(200, apiGroupDocument(ctx.resources, parts[1]!) ?? notFoundBody())
    return resourcePath(ctx, parts[1]!, parts[2]!, parts.slice(3), req, res)
  }
  throw pageNotFound()
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new ApiError(400, 'BadRequest', `malformed path segment: ${segment}`)
  }
}

function notFoundBody(): never {
  throw pageNotFound()
}

function openApi(ctx: ApiContext, parts: string[], req: RoutedRequest): Reply {
  if (parts[1] === 'v2' && parts.length === 2) {
    if (/protobuf/.test(req.headers.accept ?? '')) {
      return {
        status: 200,
        raw: true,
        body: openApiV2Protobuf(),
        contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'
      }
    }
    return json(200, openApiV2Json())
  }
  if (parts[1] === 'v3') {
    if (parts.length === 2) return json(200, openApiV3Root(ctx.resources))
    const [kind, a, b] = parts.slice(2)
    const doc =
      kind === 'api' && a && !b
        ? openApiV3Document(ctx.resources, '', a)
        : kind === 'apis' && a && b
          ? openApiV3Document(ctx.resources, a, b)
          : undefined
    if (doc) return json(200, doc)
  }
  throw pageNotFound()
}

function resourcePath(
  ctx: ApiContext,
  group: string,
  version: string,
  rest: string[],
  req: RoutedRequest,
  res: ServerResponse
): Reply {
  const inGv = ctx.resources.filter((r) => r.group === group && r.version === version)
  if (inGv.length === 0) throw pageNotFound()
  if (rest.length === 0) {
    if (req.method !== 'GET')
      throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')
    return json(200, apiResourceList(ctx.resources, group, version))
  }
  const find = (name: string): ResourceDef | undefined => inGv.find((r) => r.resource === name)
  let namespace: string | undefined
  let segments = rest
  // /namespaces/<ns>/<resource>/... is a namespaced path unless <resource> is a sub-resource of the namespace
  if (rest[0] === 'namespaces' && rest.length >= 3 && find(rest[2]!)?.namespaced) {
    namespace = rest[1]
    segments = rest.slice(2)
  }
  const [resourceName, name, subresource, ...extra] = segments
  const resource = find(resourceName!)
  if (!resource || extra.length > 0 || (namespace === undefined && resource.namespaced && name !== undefined)) {
    throw new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      resource ? undefined : { kind: resourceName }
    )
  }
  const request: ResourceRequest = {
    method: req.method,
    resource,
    namespace,
    name,
    subresource,
    query: req.query,
    accept: req.headers.accept,
    contentType: req.headers['content-type'],
    body: req.body
  }
  const reply = resourceVerb(ctx, request, res)
  if (request.warnings?.length) res.setHeader('Warning', request.warnings.map(warningHeader))
  return reply
}

function resourceVerb(ctx: ApiContext, request: ResourceRequest, res: ServerResponse): Reply {
  const { name, subresource, method } = request
  if (subresource !== undefined) return handleSubresource(ctx, request)
  if (name === undefined) {
    if (method === 'GET') return listOrWatch(ctx, request, res)
    if (method === 'POST') return createObject(ctx, request)
    if (method === 'DELETE') return deleteCollection(ctx, request)
  } else {
    if (method === 'GET') return getObject(ctx, request)
    if (method === 'PUT') return replaceObject(ctx, request)
    if (method === 'PATCH') return patchObject(ctx, request)
    if (method === 'DELETE') return deleteObject(ctx, request)
  }
  throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`)
}
