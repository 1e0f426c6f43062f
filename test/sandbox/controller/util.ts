/** Small helpers shared by the controllers: selectors, owners, int-or-percent, semantic equality. */
import type { StoredObject } from '../store.js'
import type { Condition, IntOrString, LabelSelector } from './types.js'

export const nsName = (o: StoredObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** The controller owner's uid (ownerReferences[controller=true]). */
export function controllerUid(o: StoredObject): string | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller)?.uid
}

export function controllerRef(owner: StoredObject): NonNullable<StoredObject['metadata']['ownerReferences']>[number] {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true
  }
}

export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined
): boolean {
  // An absent selector matches nothing (apps/v1 requires one; we never adopt by accident).
  if (!selector) return false
  const l = labels ?? {}
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key)
    const values = e.values ?? []
    if (e.operator === 'In' && !(has && values.includes(l[e.key]!))) return false
    if (e.operator === 'NotIn' && has && values.includes(l[e.key]!)) return false
    if (e.operator === 'Exists' && !has) return false
    if (e.operator === 'DoesNotExist' && has) return false
  }
  return true
}

export function mapSelectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined
): boolean {
  const l = labels ?? {}
  return Object.entries(selector).every(([k, v]) => l[k] === v)
}

/** intstr.GetScaledValueFromIntOrPercent: percentages of `total`, rounded up or down. */
export function scaledValue(
  value: IntOrString | undefined,
  fallback: IntOrString,
  total: number,
  roundUp: boolean
): number {
  const v = value ?? fallback
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  if (!m) {
    const n = Number(v)
    return Number.isFinite(n) ? n : 0
  }
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)

/** apimachinery's Semantic.DeepEqual in spirit: nil and empty maps/slices are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => semanticEqual(x, b[i]))
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ao = a as Record<string, unknown>
    const bo = b as Record<string, unknown>
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)])
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false
    return true
  }
  return a === b
}

/** Replaces a condition of the same type (moved to the end, as SetDeploymentCondition does). */
export function setCondition(conditions: Condition[], next: Condition): Condition[] {
  return [...conditions.filter((c) => c.type !== next.type), next]
}

export const getCondition = (conditions: Condition[] | undefined, type: string): Condition | undefined =>
  conditions?.find((c) => c.type === type)

/** Drops zero/empty fields, as Go's omitempty does for status structs. */
export function omitEmpty<T extends object>(o: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === 0 || v === '' || (Array.isArray(v) && v.length === 0)) continue
    out[k] = v
  }
  return out as T
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

export function byCreation(a: StoredObject, b: StoredObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

/** Parses durations like `5s`, `1m30s`, `250ms`, or a bare number of seconds. */
export function parseDurationMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const t = text.trim()
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g
  let total = 0
  let consumed = 0
  for (const m of t.matchAll(re)) {
    const n = Number(m[1])
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n * 3600000
    consumed += m[0].length
  }
  return consumed === t.length && consumed > 0 ? total : undefined
}
