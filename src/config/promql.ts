/**
 * Syntax check of a PromQL query with Prometheus' own lezer grammar, so a typo in a query is a config
 * error with its position instead of a failed measurement minutes into an analysis.
 * Only syntax is checked; unknown metrics and type errors (e.g. rate of an instant vector) are not.
 */
import { parser } from '@prometheus-io/lezer-promql'

export type PromqlCheck = { ok: true } | { ok: false; message: string }

export function checkPromql(query: string): PromqlCheck {
  if (query.trim() === '') return { ok: false, message: 'invalid PromQL: the query is empty' }
  let errorAt: { from: number; to: number } | undefined
  parser.parse(query).iterate({
    enter(node) {
      if (errorAt) return false
      if (node.type.isError) errorAt = { from: node.from, to: node.to }
      return undefined
    }
  })
  if (!errorAt) return { ok: true }
  const { line, col } = lineCol(query, errorAt.from)
  return { ok: false, message: `invalid PromQL at ${line}:${col}: ${describe(query, errorAt.from, errorAt.to)}` }
}

function describe(query: string, from: number, to: number): string {
  // An empty error node means the parser wanted more at this point; otherwise show what it could not use.
  const text = (to > from ? query.slice(from, to) : query.slice(from)).trim()
  if (text === '') {
    // The commonest cause by far: a bracket left open. Name it instead of the bare end of input.
    const open = unclosed(query)
    return open ? `unexpected end of query (unclosed "${open}")` : 'unexpected end of query'
  }
  const token = /^\S+/.exec(text)?.[0] ?? text
  return `unexpected ${JSON.stringify(token.length > 1 && to <= from ? (token[0] as string) : token)}`
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, col: (before[before.length - 1] as string).length + 1 }
}

/** The innermost bracket still open at the end of the query, ignoring string literals. */
function unclosed(query: string): string | undefined {
  const stack: string[] = []
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
  let quote: string | null = null
  for (let i = 0; i < query.length; i++) {
    const ch = query[i] as string
    if (quote) {
      if (ch === '\\' && quote !== '`') i++
      else if (ch === quote) quote = null
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch
    else if (ch === '(' || ch === '[' || ch === '{') stack.push(ch)
    else if (pairs[ch] && stack[stack.length - 1] === pairs[ch]) stack.pop()
  }
  return stack[stack.length - 1]
}
