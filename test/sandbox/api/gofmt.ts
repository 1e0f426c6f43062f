/**
 * Go's renderings of untyped JSON values, where a real server's bytes or messages depend on them:
 * `json.Marshal` of a `map[string]interface{}` (keys sorted, compact, `<>&` escaped) and `fmt`'s `%+v`
 * of the same map (`map[a:1 b:[x y]]`).
 */

const htmlEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029'
}

const goString = (s: string): string => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => htmlEscapes[c]!)

/**
 * JSON text as kube-apiserver's encoder writes it: encoding/json escapes `<`, `>`, `&`, U+2028 and
 * U+2029 inside strings. Clients that compare bytes (kubectl's rollout undo against a
 * ControllerRevision's data) see the same bytes a real server sends.
 */
export const goEscape = (text: string): string => text.replace(/[<>&\u2028\u2029]/g, (c) => htmlEscapes[c]!)

/** JSON.stringify with Go's escaping. */
export const encodeJson = (value: unknown): string => goEscape(JSON.stringify(value))

/** encoding/json.Marshal of the value decoded into interface{}: map keys sorted. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`
  if (typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${goString(k)}:${goJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  if (typeof value === 'string') return goString(value)
  return JSON.stringify(value)
}

/**
 * The same value with its object keys inserted in sorted order, so that JSON.stringify (how the
 * sandbox serialises responses) emits goJson's key order. Integer-like keys are the exception: a JS
 * object always lists them first.
 */
export function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = sortedKeys(v)
    }
    return out as T
  }
  return value
}

/** fmt.Sprintf("%+v", v) for a value decoded into interface{}. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`
  if (typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${k}:${goFormat((value as Record<string, unknown>)[k])}`)
    return `map[${entries.join(' ')}]`
  }
  return String(value)
}
