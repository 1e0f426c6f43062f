/**
 * Pod-template hashing as Kubernetes does it in spirit (controller.ComputeHash): FNV-32a over the
 * template plus the collision count, then the decimal sum rendered with rand.SafeEncodeString's
 * alphabet. Not byte-compatible with Go's spew dump, but deterministic and template-sensitive.
 */
import { randomInt } from 'node:crypto'

const alphanums = 'bcdfghjklmnpqrstvwxz2456789'

export function fnv32a(text: string): number {
  let hash = 0x811c9dc5
  const bytes = Buffer.from(text, 'utf8')
  for (const byte of bytes) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** JSON with sorted keys, so the hash does not depend on key order after a patch. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function safeEncode(text: string): string {
  let out = ''
  for (const ch of text) out += alphanums[ch.charCodeAt(0) % alphanums.length]
  return out
}

export function computeHash(object: unknown, collisionCount?: number): string {
  const text =
    stableStringify(object) + (collisionCount !== undefined && collisionCount > 0 ? `#${collisionCount}` : '')
  return safeEncode(String(fnv32a(text)))
}

/** utilrand.String(n): the suffix generateName uses. */
export function randomSuffix(n = 5): string {
  let out = ''
  for (let i = 0; i < n; i += 1) out += alphanums[randomInt(alphanums.length)]
  return out
}
