/** Result of following a dot path (`checks.0.status`) into parsed JSON. */
export type JsonPathLookup = { found: true; value: unknown } | { found: false; missingAt: string }

/**
 * Follows a dot path through objects and arrays; numeric segments index arrays. Keys that contain a dot
 * cannot be addressed — health endpoints rarely use them, and a richer syntax would need escaping rules.
 */
export function lookupJsonPath(root: unknown, path: string): JsonPathLookup {
  let current: unknown = root
  const walked: string[] = []
  for (const segment of path.split('.')) {
    walked.push(segment)
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment)
      if (index >= current.length) return { found: false, missingAt: walked.join('.') }
      current = current[index]
    } else if (
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      Object.hasOwn(current, segment)
    ) {
      current = (current as Record<string, unknown>)[segment]
    } else {
      return { found: false, missingAt: walked.join('.') }
    }
  }
  return { found: true, value: current }
}

/**
 * Compares a JSON value with the configured one. Primitives compare by their text so that YAML `equals: 200`
 * matches JSON `"200"` and vice versa; objects, arrays and null never match a configured scalar.
 */
export function jsonValueEquals(value: unknown, expected: string | number | boolean): boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value) === String(expected)
  }
  return false
}

/** Renders a value the way a user would write it in an assertion: strings quoted, everything else as JSON. */
export function formatJsonValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
