/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Milliseconds, or undefined when
 * absent or unparsable. The one reading every client (Kubernetes, Prometheus, GitHub, webhook) uses.
 */
export function parseRetryAfter(header: string | undefined, now: Date | number = Date.now()): number | undefined {
  if (header === undefined) return undefined
  const trimmed = header.trim()
  if (trimmed === '') return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - (typeof now === 'number' ? now : now.getTime()))
}
