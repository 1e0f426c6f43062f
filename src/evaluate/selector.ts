/** Label selectors: the string form the API server accepts, and client-side matching. Pure. */
import type { LabelSelector } from './k8s-types.js'

/** `matchLabels` as `k=v`, expressions as `k in (a,b)`, `k notin (a)`, `k`, `!k`; comma-joined (kubectl's form). */
export function selectorToString(selector: LabelSelector | undefined): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`${key}=${value}`)
  }
  for (const req of selector?.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',')
    switch (req.operator) {
      case 'In':
        parts.push(`${req.key} in (${values})`)
        break
      case 'NotIn':
        parts.push(`${req.key} notin (${values})`)
        break
      case 'Exists':
        parts.push(req.key)
        break
      case 'DoesNotExist':
        parts.push(`!${req.key}`)
        break
      default:
        throw new Error(`unsupported label selector operator "${req.operator}" for key "${req.key}"`)
    }
  }
  return parts.join(',')
}

/** True when `labels` satisfy the selector. An empty selector matches everything (API semantics). */
export function matchesSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector | undefined
): boolean {
  const have = labels ?? {}
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
    if (have[key] !== value) return false
  }
  for (const req of selector?.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, req.key)
    const values = req.values ?? []
    if (req.operator === 'In' && !(present && values.includes(have[req.key] as string))) return false
    if (req.operator === 'NotIn' && present && values.includes(have[req.key] as string)) return false
    if (req.operator === 'Exists' && !present) return false
    if (req.operator === 'DoesNotExist' && present) return false
  }
  return true
}

/** A Service selects pods when its (non-empty) selector map is a subset of their labels. */
export function serviceSelects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined
): boolean {
  const entries = Object.entries(selector ?? {})
  // A Service without a selector has manually managed endpoints: it selects nothing we deploy.
  if (entries.length === 0) return false
  return entries.every(([key, value]) => labels?.[key] === value)
}
