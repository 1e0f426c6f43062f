/**
 * Validates one query template: placeholders first, then PromQL syntax of the query rendered with
 * stand-in values. Error positions refer to the template as the user wrote it, not the rendered text.
 */
import { checkPromql } from './promql.js'
import { renderTemplate, templateProblems } from './template.js'

/** Problems with a query template, each a complete sentence; empty when it is fine. */
export function queryTemplateProblems(template: string, values: Record<string, string>): string[] {
  const problems = templateProblems(template, Object.keys(values))
  if (problems.length > 0) return problems
  const rendered = renderTraced(template, values)
  const result = checkPromql(rendered.text)
  if (result.ok) return []
  // Map "at L:C" in the rendered query back to the template, so the column points at what the user typed.
  return [
    result.message.replace(/at (\d+):(\d+)/, (_, line: string, col: string) => {
      const offset = offsetOf(rendered.text, Number(line), Number(col))
      const source = lineColOf(template, rendered.toSource(offset))
      return `at ${source.line}:${source.col}`
    })
  ]
}

interface Traced {
  text: string
  toSource(offset: number): number
}

/** Render placeholder by placeholder, remembering where each substitution landed. */
function renderTraced(template: string, values: Record<string, string>): Traced {
  const spans: Array<{ from: number; to: number; source: number; sourceEnd: number }> = []
  let text = ''
  let last = 0
  for (const match of template.matchAll(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g)) {
    text += template.slice(last, match.index)
    // Render the prefix plus placeholder so string-literal escaping sees its context.
    const before = renderTemplate(template.slice(0, match.index), values)
    const withValue = renderTemplate(template.slice(0, match.index + match[0].length), values)
    const value = withValue.slice(before.length)
    spans.push({
      from: text.length,
      to: text.length + value.length,
      source: match.index,
      sourceEnd: match.index + match[0].length
    })
    text += value
    last = match.index + match[0].length
  }
  text += template.slice(last)
  return {
    text,
    toSource(offset) {
      let shift = 0
      for (const span of spans) {
        if (offset < span.from) break
        if (offset < span.to) return span.source
        shift = span.sourceEnd - span.to
      }
      return offset + shift
    }
  }
}

function offsetOf(text: string, line: number, col: number): number {
  const lines = text.split('\n')
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + col - 1
}

function lineColOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, col: (before[before.length - 1] as string).length + 1 }
}
