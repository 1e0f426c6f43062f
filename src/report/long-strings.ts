/**
 * Caps every string of a plain-data value (a RunResult, an output row) at a number of characters,
 * each cut saying how much it left out. Renderers apply this before their own budgets, so a single
 * 5 MB value (a templated query, an event message) can never crowd the verdict and the tables out
 * of a size-limited surface: it shrinks in place instead of taking its section with it.
 */
import { truncate } from './escape.js'

/** Fields whose end matters more than their start (log tails), by property name. */
const KEEP_END = new Set(['text'])
/** Links: a cut URL is a broken link, so a long one is dropped (the query is shown anyway). */
const DROP_WHEN_LONG = new Set(['graphUrl'])

export function capLongStrings<T>(value: T, maxChars: number): T {
  const walk = (node: unknown, key: string): unknown => {
    if (typeof node === 'string') {
      if (node.length > maxChars && DROP_WHEN_LONG.has(key)) return undefined
      return node.length <= maxChars ? node : truncate(node, maxChars, { keep: KEEP_END.has(key) ? 'end' : 'start' })
    }
    if (Array.isArray(node)) return node.map((child) => walk(child, key))
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node).map(([k, child]) => [k, walk(child, k)] as const)
      return Object.fromEntries(entries.filter(([, child]) => child !== undefined))
    }
    return node
  }
  return walk(value, '') as T
}
