/**
 * Decoding a JSON object into the Go struct a real API server decodes it into, without Go: the
 * fields and types of each struct come from Kubernetes' OpenAPI schema (types.json, generated from
 * @kubernetes/client-node's models by generate.mjs). What a real server's decoder does and clients
 * notice: a value of the wrong JSON type fails with encoding/json's error text, and a field the struct
 * does not have is an "unknown field" (reported by strict decoding, otherwise dropped silently).
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const types = require('./types.json') as Record<string, Record<string, string>>

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The root struct per `group/Kind` (core group: `/Kind`). */
const roots: Record<string, string> = {
  '/Namespace': 'V1Namespace',
  '/Pod': 'V1Pod',
  '/Service': 'V1Service',
  '/Endpoints': 'V1Endpoints',
  '/Event': 'CoreV1Event',
  '/Secret': 'V1Secret',
  '/ConfigMap': 'V1ConfigMap',
  '/ServiceAccount': 'V1ServiceAccount',
  'apps/Deployment': 'V1Deployment',
  'apps/ReplicaSet': 'V1ReplicaSet',
  'apps/StatefulSet': 'V1StatefulSet',
  'apps/DaemonSet': 'V1DaemonSet',
  'apps/ControllerRevision': 'V1ControllerRevision',
  'discovery.k8s.io/EndpointSlice': 'V1EndpointSlice',
  'events.k8s.io/Event': 'EventsV1Event',
  'networking.k8s.io/Ingress': 'V1Ingress',
  'autoscaling/Scale': 'V1Scale'
}

export const rootType = (group: string, kind: string): string | undefined => roots[`${group}/${kind}`]

/** Quantity maps: a resource.Quantity accepts a JSON number as well as a string. */
const quantityFields = new Set(['limits', 'requests', 'overhead', 'capacity', 'allocatable', 'hard', 'used'])

/** encoding/json's UnmarshalTypeError, as sigs.k8s.io/json words it. */
export class GoTypeError extends Error {}

const jsonKind = (v: unknown): string =>
  typeof v === 'string'
    ? 'string'
    : typeof v === 'boolean'
      ? 'bool'
      : typeof v === 'number'
        ? 'number'
        : Array.isArray(v)
          ? 'array'
          : 'object'

/** `V1DeploymentSpec` → `DeploymentSpec` (the Go struct's name). */
const goStruct = (model: string): string =>
  model.replace(/^(Core|Events|Apps|Discovery|Networking)?V\d+((alpha|beta)\d+)?/, '')

function goType(type: string): string {
  if (type.startsWith('[]')) return `[]${goType(type.slice(2))}`
  if (type.startsWith('map:')) return `map[string]${goType(type.slice(4))}`
  if (type === 'time') return 'v1.Time'
  if (type === 'intstr') return 'intstr.IntOrString'
  if (type === 'any') return 'interface {}'
  if (types[type]) return `v1.${goStruct(type)}`
  return type
}

interface Walk {
  unknown: string[]
  prune: boolean
}

/**
 * Checks `object` against the struct `model`, collecting unknown fields (dotted paths with `[i]` for
 * list items, as strict decoding reports them) and, when `prune`, deleting them as the typed decode
 * drops them. Throws GoTypeError for the first value of the wrong type.
 */
export function decodeInto(model: string, object: Obj, prune: boolean): string[] {
  const walk: Walk = { unknown: [], prune }
  walkStruct(model, object, '', walk)
  return walk.unknown
}

function walkStruct(model: string, value: Obj, path: string, walk: Walk): void {
  const fields = types[model]
  if (!fields) return
  for (const key of Object.keys(value)) {
    const type = fields[key]
    const child = path ? `${path}.${key}` : key
    if (type === undefined) {
      walk.unknown.push(child)
      if (walk.prune) delete value[key]
      continue
    }
    walkValue(type, value[key], child, goFieldPath(child), model, walk, key)
  }
}

/** Go's error path names fields without list indices: `spec.template.spec.containers.image`. */
const goFieldPath = (path: string): string => path.replace(/\[\d+\]/g, '')

function walkValue(
  type: string,
  value: unknown,
  path: string,
  goPath: string,
  parent: string,
  walk: Walk,
  key: string
): void {
  if (value === null || value === undefined || type === 'any') return
  const fail = (detail = ''): never => {
    throw new GoTypeError(
      `json: cannot unmarshal ${jsonKind(value)}${detail} into Go struct field ${goStruct(parent)}.${goPath} of type ${goType(type)}`
    )
  }
  switch (type) {
    case 'string':
    case 'time':
      if (typeof value !== 'string') fail()
      return
    case 'bool':
      if (typeof value !== 'boolean') fail()
      return
    case 'int32':
    case 'int64': {
      if (typeof value !== 'number') fail()
      const n = value as number
      const limit = type === 'int32' ? 2 ** 31 : 2 ** 63
      if (!Number.isInteger(n) || n < -limit || n >= limit) fail(` ${String(n)}`)
      return
    }
    case 'float64':
      if (typeof value !== 'number') fail()
      return
    case 'intstr':
      if (typeof value !== 'number' && typeof value !== 'string') fail()
      return
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) fail()
    const item = type.slice(2)
    ;(value as unknown[]).forEach((v, i) => walkValue(item, v, `${path}[${i}]`, goPath, parent, walk, key))
    return
  }
  if (type.startsWith('map:')) {
    if (!isObj(value)) fail()
    const item = type.slice(4)
    for (const [k, v] of Object.entries(value as Obj)) {
      if (item === 'string' && quantityFields.has(key) && typeof v === 'number') continue
      walkValue(item, v, `${path}.${k}`, goPath, parent, walk, key)
    }
    return
  }
  if (!isObj(value)) fail()
  walkStruct(type, value as Obj, path, walk)
}

export type { Json }
