/**
 * The typed-decode step of a write, worded as kube-apiserver words it (staging/src/k8s.io/apiserver
 * pkg/endpoints/handlers: create.go/update.go `transformDecodeError`, patch.go `applyPatch*`):
 * - a value of the wrong JSON type in a POST/PUT body → 400 `<Kind> in version "v1" cannot be handled as
 *   a <Kind>: json: cannot unmarshal …`;
 * - the same in the result of a merge or JSON patch → 422 ` "" is invalid: patch: Invalid value:
 *   "<patched object>": json: …` (an Invalid error with an empty kind and name), and in a strategic merge
 *   patch the unstructured converter's `unrecognized type: int32`;
 * - unknown fields: `fieldValidation=Strict` → 400 `strict decoding error: unknown field "spec.foo"`;
 *   `Warn` (the default) → dropped, one `Warning: 299 - "unknown field \"spec.foo\""` header each;
 *   `Ignore` → dropped silently.
 */
import type { ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { GoTypeError, decodeInto, rootType } from './schema/typed.js'
import { goFormat, goJson } from './gofmt.js'
import { ApiError } from './status.js'

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'
export type DecodeSource = 'body' | 'merge' | 'strategic'

export function fieldValidation(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation') ?? ''
  if (value === '' || value === 'Warn') return 'Warn'
  if (value === 'Strict' || value === 'Ignore') return value
  throw new ApiError(
    400,
    'BadRequest',
    `fieldValidation parameter unsupported: ${value}. Expected one of Ignore, Warn, Strict`
  )
}

/**
 * Decodes `object` (mutated: unknown fields dropped) into the resource's Go type. Returns the warnings
 * to send; throws the Status a real server answers with.
 */
export function typedDecode(
  resource: ResourceDef,
  object: StoredObject,
  validation: FieldValidation,
  source: DecodeSource
): string[] {
  const model = rootType(resource.group, resource.kind)
  if (!model) return []
  const snapshot = source === 'body' ? undefined : structuredClone(object)
  let unknown: string[]
  try {
    unknown = decodeInto(model, object as unknown as Record<string, unknown>, validation !== 'Strict')
  } catch (error) {
    if (!(error instanceof GoTypeError)) throw error
    if (source === 'body') {
      throw new ApiError(
        400,
        'BadRequest',
        `${resource.kind} in version "${resource.version}" cannot be handled as a ${resource.kind}: ${error.message}`
      )
    }
    const shown = source === 'merge' ? goJson(snapshot) : goFormat(snapshot)
    const detail = source === 'merge' ? error.message : strategicMessage(error.message)
    const cause = `Invalid value: ${JSON.stringify(shown)}: ${detail}`
    throw new ApiError(422, 'Invalid', ` "" is invalid: patch: ${cause}`, {
      causes: [{ reason: 'FieldValueInvalid', message: cause, field: 'patch' }]
    })
  }
  const messages = unknown.map((path) => `unknown field ${JSON.stringify(path)}`)
  if (validation === 'Strict' && messages.length > 0)
    throw new ApiError(400, 'BadRequest', `strict decoding error: ${messages.join(', ')}`)
  return validation === 'Warn' ? messages : []
}

/**
 * runtime.DefaultUnstructuredConverter's wording for the same mismatch (strategic patches are applied
 * to maps and converted, not decoded from JSON): a string into an integer field is `unrecognized
 * type: int32`; a number into a string field `cannot convert int64 to string`.
 */
function strategicMessage(goError: string): string {
  const m = /cannot unmarshal (\w+)(?: \S+)? into .* of type (\S+)$/.exec(goError)
  if (!m) return goError
  const [, from, to] = m
  if (from === 'number' && to === 'string') return 'cannot convert int64 to string'
  if (/^(int32|int64|bool|string|float64)$/.test(to!)) return `unrecognized type: ${to}`
  return goError
}

/** The `Warning` header value for one message (RFC 7234 warn-code 299, agent `-`). */
export const warningHeader = (message: string): string => `299 - ${JSON.stringify(message)}`
