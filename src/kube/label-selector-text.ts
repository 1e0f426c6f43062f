/**
 * Matching a label selector given as text (`app=api,pod-template-hash=abc`, `tier in (a,b)`, `!legacy`)
 * on the client, so one namespace-wide LIST can answer several selector LISTs. Pure.
 * Deliberately partial: anything outside the forms this project writes (equality, sets, existence)
 * parses to undefined, and the caller then asks the API server, whose grammar is the reference.
 */

export type LabelPredicate = (labels: Record<string, string> | undefined) => boolean

const KEY = /^(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/

/** Splits on commas outside parentheses (the `in (a,b)` sets); undefined when parentheses do not pair. */
function terms(selector: string): string[] | undefined {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of selector) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (depth < 0 || depth > 1) return undefined
    if (ch === ',' && depth === 0) {
      parts.push(current.trim())
      current = ''
    } else current += ch
  }
  if (depth !== 0) return undefined
  parts.push(current.trim())
  return parts
}

function term(text: string): LabelPredicate | undefined {
  const has = (labels: Record<string, string> | undefined, key: string): boolean =>
    labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key)
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text)
  if (set) {
    const [, key, op, list] = set as unknown as [string, string, string, string]
    const values = list.split(',').map((v) => v.trim())
    if (!KEY.test(key) || !values.every((v) => VALUE.test(v))) return undefined
    return op === 'in'
      ? (labels) => has(labels, key) && values.includes(labels![key]!)
      : (labels) => !has(labels, key) || !values.includes(labels![key]!)
  }
  const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text)
  if (equality) {
    const [, key, op, value] = equality as unknown as [string, string, string, string]
    if (!KEY.test(key) || !VALUE.test(value)) return undefined
    // `!=` also matches objects without the label, as on the API server.
    return op === '!='
      ? (labels) => !has(labels, key) || labels![key] !== value
      : (labels) => has(labels, key) && labels![key] === value
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim()
    return KEY.test(key) ? (labels) => !has(labels, key) : undefined
  }
  return KEY.test(text) ? (labels) => has(labels, text) : undefined
}

/** The selector as a predicate; an empty selector matches everything; undefined when not understood. */
export function labelSelectorPredicate(selector: string | undefined): LabelPredicate | undefined {
  const text = (selector ?? '').trim()
  if (text === '') return () => true
  const parts = terms(text)
  if (!parts) return undefined
  const predicates: LabelPredicate[] = []
  for (const part of parts) {
    const predicate = part === '' ? undefined : term(part)
    if (!predicate) return undefined
    predicates.push(predicate)
  }
  return (labels) => predicates.every((p) => p(labels))
}
