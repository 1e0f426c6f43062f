/**
 * Label and field selectors with the grammar of k8s.io/apimachinery `labels.Parse` and
 * `fields.ParseSelector`. Hand-written: no maintained JS package implements the Kubernetes grammar.
 */
import type { ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { ApiError } from './status.js'

export type LabelOperator = 'exists' | '!' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt'

export interface LabelRequirement {
  key: string
  operator: LabelOperator
  values: string[]
}

export type Matcher = (labels: Record<string, string> | undefined) => boolean

const badSelector = (selector: string, why: string): ApiError =>
  new ApiError(400, 'BadRequest', `unable to parse requirement: ${why} (selector "${selector}")`)

const keyPattern =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const valuePattern = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/

/** Splits on commas that are not inside parentheses (the `in (a,b)` sets). */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of selector) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

function checkKey(selector: string, key: string): string {
  if (!keyPattern.test(key) || key.length > 316) throw badSelector(selector, `invalid label key "${key}"`)
  return key
}

function checkValue(selector: string, value: string): string {
  if (!valuePattern.test(value) || value.length > 63) throw badSelector(selector, `invalid label value: "${value}"`)
  return value
}

/** Parses a label selector string into requirements (throws 400 BadRequest on bad syntax). */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const text = selector.trim()
  if (text === '') return []
  return splitTopLevel(text).map((raw) => {
    const part = raw.trim()
    if (part === '') throw badSelector(selector, "found '', expected: !, identifier, or 'end of string'")
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part)
    if (set) {
      const values = set[3]!.split(',').map((v) => checkValue(selector, v.trim()))
      return { key: checkKey(selector, set[1]!), operator: set[2] as 'in' | 'notin', values }
    }
    if (part.startsWith('!')) return { key: checkKey(selector, part.slice(1).trim()), operator: '!', values: [] }
    const op = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(part)
    if (op) {
      const key = checkKey(selector, op[1]!)
      const value = op[3]!.trim()
      if (op[2] === '>' || op[2] === '<') {
        if (!/^-?\d+$/.test(value))
          throw badSelector(selector, `for 'Gt', 'Lt' operators, the value must be an integer`)
        return { key, operator: op[2] === '>' ? 'gt' : 'lt', values: [value] }
      }
      return { key, operator: op[2] === '!=' ? '!=' : '=', values: [checkValue(selector, value)] }
    }
    if (/\s/.test(part))
      throw badSelector(selector, `found '${part.split(/\s+/)[1]}', expected: in, notin, =, ==, !=, gt, lt`)
    return { key: checkKey(selector, part), operator: 'exists', values: [] }
  })
}

export function matchesRequirement(req: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key)
  const value = has ? labels![req.key]! : undefined
  switch (req.operator) {
    case 'exists':
      return has
    case '!':
      return !has
    case '=':
      return has && value === req.values[0]
    case '!=':
      return !has || value !== req.values[0]
    case 'in':
      return has && req.values.includes(value!)
    case 'notin':
      return !has || !req.values.includes(value!)
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false
      const n = Number(value)
      const bound = Number(req.values[0])
      return req.operator === 'gt' ? n > bound : n < bound
    }
  }
}

export function labelMatcher(selector: string | undefined): Matcher {
  const reqs = parseLabelSelector(selector ?? '')
  if (reqs.length === 0) return () => true
  return (labels) => reqs.every((r) => matchesRequirement(r, labels))
}

export interface FieldRequirement {
  field: string
  operator: '=' | '!='
  value: string
}

/** Fields the real API server lets each kind select on (besides metadata.name and metadata.namespace). */
const extraFields: Record<string, string[]> = {
  'v1/events': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type'
  ],
  'events.k8s.io/v1/events': [
    'regarding.kind',
    'regarding.namespace',
    'regarding.name',
    'regarding.uid',
    'reason',
    'type',
    'reportingController'
  ],
  'v1/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName'
  ],
  'v1/namespaces': ['status.phase'],
  'v1/secrets': ['type'],
  'apps/v1/replicasets': ['status.replicas']
}

const resourceId = (r: ResourceDef): string => `${r.group ? r.group + '/' : ''}${r.version}/${r.resource}`

export function parseFieldSelector(selector: string, resource: ResourceDef): FieldRequirement[] {
  const text = selector.trim()
  if (text === '') return []
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(extraFields[resourceId(resource)] ?? [])])
  return text.split(',').map((raw) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(raw)
    if (!m)
      throw new ApiError(
        400,
        'BadRequest',
        `invalid field selector: '${raw}': invalid selector: '${selector}'; can't understand '${raw}'`
      )
    const field = m[1]!
    if (!allowed.has(field)) {
      throw new ApiError(400, 'BadRequest', `field label not supported: ${field}`)
    }
    return { field, operator: m[2] === '!=' ? '!=' : '=', value: m[3]! }
  })
}

function fieldValue(object: StoredObject, path: string): string {
  let current: unknown = object
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return ''
    current = (current as Record<string, unknown>)[part]
  }
  if (current === undefined || current === null) return ''
  // `source` on core events selects on source.component
  if (typeof current === 'object' && path === 'source')
    return String((current as Record<string, unknown>).component ?? '')
  return String(current)
}

export function fieldMatcher(selector: string | undefined, resource: ResourceDef): (object: StoredObject) => boolean {
  const reqs = parseFieldSelector(selector ?? '', resource)
  if (reqs.length === 0) return () => true
  return (object) =>
    reqs.every((r) => {
      const value = fieldValue(object, r.field)
      return r.operator === '=' ? value === r.value : value !== r.value
    })
}
