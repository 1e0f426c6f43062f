/**
 * OpenAPI documents generated from the resource registry, enough for kubectl's client-side checks:
 * `/openapi/v3` (root + one document per group/version) declares the `fieldValidation` parameter on
 * each kind's PATCH operation, so `kubectl create/apply` hand validation to the server instead of
 * validating locally; `/openapi/v2` is a minimal document without definitions (kubectl then skips
 * schema validation and computes apply patches from its compiled-in types).
 * Schemas are deliberately open (`x-kubernetes-preserve-unknown-fields`): the sandbox stores any fields.
 */
import { groupVersion, type ResourceDef } from '../resources.js'
import { groupVersions } from './discovery.js'

const gvPath = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`)

/** A hash of the document, so clients may cache it until a CRD changes the registry. */
const hashOf = (text: string): string => {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return h.toString(16).toUpperCase().padStart(8, '0')
}

export function openApiV3Root(resources: readonly ResourceDef[]): object {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const gv of groupVersions(resources)) {
    const path = gvPath(gv.group, gv.version)
    paths[path] = {
      serverRelativeURL: `/openapi/v3/${path}?hash=${hashOf(JSON.stringify(openApiV3Document(resources, gv.group, gv.version)))}`
    }
  }
  return { paths }
}

const schemaName = (r: ResourceDef): string => `io.k8s.sandbox.${r.group || 'core'}.${r.version}.${r.kind}`

const param = (name: string, location: 'query' | 'path'): object => ({
  name,
  in: location,
  ...(location === 'path' ? { required: true } : {}),
  schema: { type: 'string', uniqueItems: true }
})

function operation(r: ResourceDef, action: string, verb: string, params: string[]): object {
  return {
    operationId: `${verb}${r.group ? r.group.replace(/[^a-z0-9]/gi, '') : 'Core'}${r.version}${r.kind}`,
    parameters: params.map((p) => param(p, 'query')),
    responses: {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName(r)}` } } }
      }
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind }
  }
}

const writeParams = ['dryRun', 'fieldManager', 'fieldValidation']

export function openApiV3Document(
  resources: readonly ResourceDef[],
  group: string,
  version: string
): object | undefined {
  const inGv = resources.filter((r) => r.group === group && r.version === version)
  if (inGv.length === 0) return undefined
  const prefix = `/${gvPath(group, version)}`
  const paths: Record<string, object> = {}
  const schemas: Record<string, object> = {}
  for (const r of inGv) {
    const collection = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.resource}` : `${prefix}/${r.resource}`
    const pathParams = r.namespaced ? [param('namespace', 'path')] : []
    paths[collection] = {
      parameters: pathParams,
      get: operation(r, 'list', 'list', ['labelSelector', 'fieldSelector', 'limit', 'continue', 'watch']),
      post: operation(r, 'post', 'create', writeParams)
    }
    paths[`${collection}/{name}`] = {
      parameters: [...pathParams, param('name', 'path')],
      get: operation(r, 'get', 'read', []),
      put: operation(r, 'put', 'replace', writeParams),
      // no requestBody on purpose: kubectl apply then builds patches from its compiled-in types
      patch: operation(r, 'patch', 'patch', [...writeParams, 'force']),
      delete: operation(r, 'delete', 'delete', ['dryRun', 'propagationPolicy'])
    }
    if (r.namespaced)
      paths[`${prefix}/${r.resource}`] = {
        get: operation(r, 'list', 'listForAllNamespaces', ['labelSelector', 'fieldSelector'])
      }
    schemas[schemaName(r)] = {
      type: 'object',
      description: `${r.kind} (${groupVersion(r)}), stored as given by the sandbox.`,
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
      },
      'x-kubernetes-group-version-kind': [{ group: r.group, version: r.version, kind: r.kind }]
    }
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas }
  }
}

export function openApiV2Json(): object {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: {}, definitions: {} }
}

/**
 * The same minimal v2 document as protobuf (gnostic `openapi_v2.Document`), which is what kubectl
 * asks for. Encoded by hand: field 1 `swagger` and field 2 `info` {1 title, 2 version}, all strings.
 */
export function openApiV2Protobuf(): Buffer {
  const field = (num: number, payload: Buffer): Buffer =>
    Buffer.concat([Buffer.from([(num << 3) | 2]), varint(payload.length), payload])
  const info = Buffer.concat([field(1, Buffer.from('Kubernetes')), field(2, Buffer.from('v1.32.0'))])
  return Buffer.concat([field(1, Buffer.from('2.0')), field(2, info)])
}

function varint(n: number): Buffer {
  const bytes: number[] = []
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  bytes.push(n)
  return Buffer.from(bytes)
}
