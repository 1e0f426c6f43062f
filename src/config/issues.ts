/**
 * Turns zod issues into ConfigIssues a user can act on: a dotted path (`verify.smoke[0].url`), the
 * expected form and the value found, and for unknown keys a "did you mean" from edit distance.
 */
import type { z } from 'zod'
import type { ConfigIssue } from './types.js'
import { UNKNOWN_KEYS_MARK } from './schema-parts.js'
import { suggest } from './suggest.js'

export { editDistance, suggest } from './suggest.js'

type Path = ReadonlyArray<PropertyKey>

/** `['verify', 'smoke', 0, 'url']` → `verify.smoke[0].url`; odd keys are quoted: `headers["X-Org"]`. */
export function formatPath(path: Path, prefix = ''): string {
  let out = prefix
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(part))) out += out === '' ? String(part) : `.${String(part)}`
    else out += `[${JSON.stringify(String(part))}]`
  }
  return out === '' ? '(root)' : out
}

/** How a found value reads in a message: strings quoted, objects named by their shape. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
  return String(value)
}

export function zodIssuesToConfigIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ConfigIssue[] {
  return issues.flatMap((issue) => convert(issue, prefix))
}

function convert(issue: z.core.$ZodIssue, prefix: string): ConfigIssue[] {
  const input = 'input' in issue ? issue.input : undefined
  if (issue.code === 'unrecognized_keys') {
    const known = issue.message.startsWith(UNKNOWN_KEYS_MARK)
      ? issue.message.slice(UNKNOWN_KEYS_MARK.length).split(',')
      : []
    return issue.keys.map((key) => {
      const hint = suggest(key, known)
      return {
        path: formatPath([...issue.path, key], prefix),
        message: hint ? `unknown key (did you mean "${hint}"?)` : `unknown key (expected one of: ${known.join(', ')})`
      }
    })
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? 'invalid key'
    return [{ path: formatPath(issue.path, prefix), message: withValue(inner, issue.path[issue.path.length - 1]) }]
  }
  if (issue.code === 'invalid_type' && input === undefined) {
    return [{ path: formatPath(issue.path, prefix), message: `is required; ${readable(issue.message)}` }]
  }
  return [{ path: formatPath(issue.path, prefix), message: withValue(readable(issue.message), input) }]
}

const NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  boolean: 'true or false'
}

/** zod's own wording ("Invalid input: expected number, received string") cut to the expected part. */
function readable(message: string): string {
  const own = /expected (\w+), received \w+/.exec(message)
  if (own) return `expected ${NAMES[own[1] as string] ?? `a ${own[1]}`}`
  return message
}

function withValue(message: string, input: unknown): string {
  if (!message.startsWith('expected') || message.includes(', got ') || input === undefined) return message
  return `${message}, got ${describeValue(input)}`
}
