/** RFC 6901 JSON pointers over plain objects, for the guarded patches. Pure. */

/** `/metadata/annotations/nginx.ingress.kubernetes.io~1canary-weight` from its segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

function segmentsOf(path: string): string[] {
  if (path === '') return []
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at `path`, or undefined when any step is missing. */
export function readPointer(root: unknown, path: string): unknown {
  let at: unknown = root
  for (const segment of segmentsOf(path)) {
    if (Array.isArray(at)) at = at[Number(segment)]
    else if (typeof at === 'object' && at !== null) {
      at = Object.prototype.hasOwnProperty.call(at, segment) ? (at as Record<string, unknown>)[segment] : undefined
    } else return undefined
  }
  return at
}
