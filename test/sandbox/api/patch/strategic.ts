/**
 * Strategic merge patch (k8s.io/apimachinery `strategicpatch`) for the built-in kinds the sandbox
 * serves. Hand-written because no JS library implements it; the merge keys come from the Go struct tags
 * (`patchStrategy:"merge" patchMergeKey:"..."`) of the types we store, matched by field name and parent.
 * Supports `$patch: replace|delete|merge`, `$setElementOrder/<list>`, `$retainKeys` and
 * `$deleteFromPrimitiveList/<list>`.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export class StrategicPatchError extends Error {}

const DELETE = Symbol('delete')

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers'])

/** Lists merged element-by-element and the key that identifies an element. */
const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  env: 'name',
  resourceClaims: 'name',
  schedulingGates: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey'
}

/** Lists of primitives merged as sets (union) rather than replaced. */
const primitiveMergeLists = new Set(['finalizers'])

/** The merge key for list `field` whose parent path is `path` (field names, no indices). */
export function mergeKeyFor(path: readonly string[], field: string, kind: string): string | undefined {
  if (field === 'ports') {
    const parent = path[path.length - 1]
    if (parent !== undefined && containerLists.has(parent)) return 'containerPort'
    if (kind === 'Service' && parent === 'spec') return 'port'
    return undefined
  }
  return mergeKeys[field]
}

function stripDirectives(value: Json): Json {
  if (Array.isArray(value))
    return value
      .filter((v) => !(isObject(v) && v.$patch === 'replace' && Object.keys(v).length === 1))
      .map(stripDirectives)
  if (!isObject(value)) return value
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(value)) {
    if (
      k === '$patch' ||
      k === '$retainKeys' ||
      k.startsWith('$setElementOrder/') ||
      k.startsWith('$deleteFromPrimitiveList/')
    )
      continue
    if (v === null) continue
    out[k] = stripDirectives(v)
  }
  return out
}

function mergeMap(
  original: JsonObject | undefined,
  patch: JsonObject,
  path: string[],
  kind: string
): JsonObject | typeof DELETE {
  const directive = patch.$patch
  if (directive === 'delete') return DELETE
  if (directive === 'replace') return stripDirectives(patch) as JsonObject
  if (directive !== undefined && directive !== 'merge')
    throw new StrategicPatchError(`Unknown patch type: ${JSON.stringify(directive)}`)
  const result: JsonObject = original ? { ...original } : {}
  const orders: Array<[string, Json]> = []
  const deletions: Array<[string, Json]> = []
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys') continue
    if (key.startsWith('$setElementOrder/')) {
      orders.push([key.slice('$setElementOrder/'.length), value])
      continue
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      deletions.push([key.slice('$deleteFromPrimitiveList/'.length), value])
      continue
    }
    if (key.startsWith('$')) throw new StrategicPatchError(`unknown directive ${key}`)
    if (value === null) {
      delete result[key]
      continue
    }
    const current = result[key]
    if (isObject(value)) {
      const merged = mergeMap(isObject(current) ? current : undefined, value, [...path, key], kind)
      if (merged === DELETE) delete result[key]
      else result[key] = merged
    } else if (Array.isArray(value)) {
      result[key] = mergeList(Array.isArray(current) ? current : undefined, value, path, key, kind)
    } else {
      result[key] = value
    }
  }
  for (const [field, values] of deletions) {
    if (!Array.isArray(values)) throw new StrategicPatchError(`$deleteFromPrimitiveList/${field} must be a list`)
    const list = result[field]
    if (Array.isArray(list))
      result[field] = list.filter((v) => !values.some((d) => JSON.stringify(d) === JSON.stringify(v)))
  }
  for (const [field, order] of orders) {
    if (!Array.isArray(order)) throw new StrategicPatchError(`$setElementOrder/${field} must be a list`)
    const list = result[field]
    if (Array.isArray(list)) result[field] = reorder(list, order, mergeKeyFor(path, field, kind))
  }
  const retain = patch.$retainKeys
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new StrategicPatchError('$retainKeys must be a list')
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key]
  }
  return result
}

/** Orders `list` by `order` (elements named there first, in that order), keeping the rest after. */
function reorder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const identity = (v: Json): string => JSON.stringify(mergeKey && isObject(v) ? v[mergeKey] : v)
  const rank = new Map(order.map((o, i) => [identity(o), i]))
  const listed = list
    .filter((v) => rank.has(identity(v)))
    .sort((a, b) => rank.get(identity(a))! - rank.get(identity(b))!)
  return [...listed, ...list.filter((v) => !rank.has(identity(v)))]
}

function mergeList(original: Json[] | undefined, patch: Json[], path: string[], field: string, kind: string): Json[] {
  if (primitiveMergeLists.has(field)) {
    const out = [...(original ?? [])]
    for (const v of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v)
    return out
  }
  const mergeKey = mergeKeyFor(path, field, kind)
  const childPath = [...path, field]
  if (mergeKey === undefined) return patch.map(stripDirectives)
  if (patch.some((v) => isObject(v) && v.$patch === 'replace')) {
    return patch.filter((v) => !(isObject(v) && v.$patch === 'replace')).map(stripDirectives)
  }
  const result = [...(original ?? [])]
  for (const item of patch) {
    if (!isObject(item))
      throw new StrategicPatchError(
        `${field}: expected an object with merge key "${mergeKey}", got ${JSON.stringify(item)}`
      )
    const key = item[mergeKey]
    const index = result.findIndex((e) => isObject(e) && JSON.stringify(e[mergeKey]) === JSON.stringify(key))
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1)
      continue
    }
    if (key === undefined)
      throw new StrategicPatchError(`${field}: map is missing merge key "${mergeKey}": ${JSON.stringify(item)}`)
    const existing = index >= 0 ? result[index] : undefined
    const merged = mergeMap(isObject(existing) ? existing : undefined, item, childPath, kind)
    if (merged === DELETE) {
      if (index >= 0) result.splice(index, 1)
    } else if (index >= 0) result[index] = merged
    else result.push(merged)
  }
  return result
}

/** Applies a strategic merge patch to `original` (not mutated). `kind` picks kind-specific keys. */
export function strategicMergePatch(original: JsonObject, patch: JsonObject, kind: string): JsonObject {
  if (!isObject(patch)) throw new StrategicPatchError('a strategic merge patch must be a JSON object')
  const merged = mergeMap(original, patch, [], kind)
  return merged === DELETE ? {} : merged
}
