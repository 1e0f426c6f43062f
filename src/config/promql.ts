/**
 * Syntax check of a PromQL query with Prometheus' own lezer grammar, so a typo in a query is a config
 * error with its position instead of a failed measurement minutes into an analysis.
 * Beyond syntax, only the type of the whole expression is checked: a check judges one number per series,
 * so a range vector (`x[5m]`, a subquery `rate(x[1m])[5m:]`) or a string is refused here rather than
 * being judged on its last point or failing at every measurement. Unknown metrics and type errors inside
 * the expression (e.g. rate of an instant vector) are left to Prometheus.
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
  if (!errorAt) return resultTypeProblem(query)
  const { line, col } = lineCol(query, errorAt.from)
  return { ok: false, message: `invalid PromQL at ${line}:${col}: ${describe(query, errorAt.from, errorAt.to)}` }
}

// Wrappers that keep the type of what they wrap.
const TRANSPARENT = new Set(['ParenExpr', 'OffsetExpr', 'StepInvariantExpr'])

/** Refuses a query whose result is not a number per series (instant vector or scalar). */
function resultTypeProblem(query: string): PromqlCheck {
  let node = parser.parse(query).topNode.firstChild
  while (node && node.type.name === 'LineComment') node = node.nextSibling
  while (node && TRANSPARENT.has(node.type.name)) node = node.firstChild
  if (node?.type.name === 'MatrixSelector' || node?.type.name === 'SubqueryExpr') {
    return {
      ok: false,
      message:
        'returns a range vector, but a check needs one value per series: aggregate the window, e.g. max_over_time(...[5m:]) instead of ...[5m:]'
    }
  }
  if (node?.type.name === 'StringLiteral') return { ok: false, message: 'returns a string, but a check needs a number' }
  return { ok: true }
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
