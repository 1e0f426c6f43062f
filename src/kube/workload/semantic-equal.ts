/** Deep equality of JSON values, as Kubernetes compares API objects. Pure. */

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)

/**
 * Deep equality ignoring object key order, where an absent field, `null` and an empty map or list are
 * the same (apimachinery's Semantic.DeepEqual treats nil and empty maps/slices as equal, and a JSON
 * round-trip through Go's `omitempty` drops them).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => semanticEqual(v, b[i]))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>
    const rb = b as Record<string, unknown>
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)])
    return [...keys].every((k) => semanticEqual(ra[k], rb[k]))
  }
  return false
}
