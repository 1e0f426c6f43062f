/**
 * Query templates: `{{name}}` placeholders (whitespace tolerated, `{{ namespace }}`) filled with the
 * built-in variables and the user's `variables`. Values landing inside a PromQL string literal are
 * escaped for that literal, so a label value can never break out of its quotes.
 */
import type { TargetRef } from '../model/result.js'

/** Variables every query can use; their values are known only at run time. */
export const BUILTIN_VARIABLES = ['namespace', 'target', 'kind', 'version'] as const

/** The values templates are rendered with for one target: the user's variables and the built-ins ('' when unknown). */
export function targetTemplateValues(
  variables: Readonly<Record<string, string>>,
  target: Partial<TargetRef> | undefined,
  version: string | undefined
): Record<string, string> {
  return {
    ...variables,
    namespace: target?.namespace ?? '',
    target: target?.name ?? '',
    kind: target?.kind ?? '',
    version: version ?? ''
  }
}

/** A `{{name}}` placeholder (global: use with matchAll/replace, which leave its lastIndex at 0). */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
// Sticky twin for matching at one position; PLACEHOLDER itself is never exec'd, so its lastIndex stays 0.
const PLACEHOLDER_AT = /\{\{\s*([^{}]*?)\s*\}\}/y
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name)
}

/** Names used by a template, in order of first use (malformed placeholders are left out; see templateProblems). */
export function templateVariablesUsed(template: string): string[] {
  const names = new Set<string>()
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (isVariableName(name as string)) names.add(name as string)
  return [...names]
}

/** Problems a user should hear about: malformed placeholders and names that are not known. */
export function templateProblems(template: string, known: readonly string[]): string[] {
  const problems: string[] = []
  const reported = new Set<string>()
  for (const [whole, name] of template.matchAll(PLACEHOLDER)) {
    if (reported.has(whole)) continue
    reported.add(whole)
    if (!isVariableName(name as string)) {
      problems.push(`invalid template placeholder ${whole} (expected {{name}} with letters, digits and _)`)
    } else if (!known.includes(name as string)) {
      problems.push(`unknown template variable {{${name}}} (known: ${known.join(', ')})`)
    }
  }
  return problems
}

/** Escape a value for a double- or single-quoted PromQL string literal. */
export function escapePromqlString(value: string, quote: '"' | "'" = '"'): string {
  return value.replace(/\\/g, '\\\\').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
}

/**
 * Replace every `{{name}}` with its value. Inside a `"..."` or `'...'` literal the value is escaped for
 * that literal; inside a backtick raw string (no escapes exist) a value containing a backtick is refused.
 * Throws an Error on an unknown or malformed placeholder.
 */
export function renderTemplate(template: string, values: Record<string, string>): string {
  let out = ''
  let quote: string | null = null
  let i = 0
  while (i < template.length) {
    if (template.startsWith('{{', i)) {
      PLACEHOLDER_AT.lastIndex = i
      const match = PLACEHOLDER_AT.exec(template)
      if (match) {
        out += substitute(match[0], match[1] as string, values, quote)
        i += match[0].length
        continue
      }
    }
    const ch = template[i] as string
    if (quote !== null && quote !== '`' && ch === '\\') {
      out += template.slice(i, i + 2) // keep an escape pair together so \" does not end the literal
      i += 2
      continue
    }
    if (quote === null && (ch === '"' || ch === "'" || ch === '`')) quote = ch
    else if (quote === ch) quote = null
    out += ch
    i += 1
  }
  return out
}

function substitute(whole: string, name: string, values: Record<string, string>, quote: string | null): string {
  if (!isVariableName(name)) throw new Error(`invalid template placeholder ${whole}`)
  const value = Object.hasOwn(values, name) ? values[name] : undefined
  if (value === undefined) {
    throw new Error(`unknown template variable {{${name}}} (known: ${Object.keys(values).join(', ')})`)
  }
  if (quote === '"' || quote === "'") return escapePromqlString(value, quote)
  if (quote === '`' && value.includes('`'))
    throw new Error(`{{${name}}} contains a backtick and is used in a raw string`)
  return value
}
