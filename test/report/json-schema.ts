/**
 * A small JSON Schema (draft 2020-12) validator for the keywords docs/record.schema.json uses. No
 * validator for 2020-12 is installed (only ajv 6, draft-07, as an eslint dependency), and the record's
 * schema needs few keywords. Any keyword it does not know is an error, so the schema cannot silently
 * rely on one this does not check.
 */
type Schema = Record<string, unknown> | boolean

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$comment', '$defs'])
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  '$ref',
  'anyOf'
])

const typeOf = (value: unknown): string => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const matchesType = (value: unknown, type: string): boolean => {
  const actual = typeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}

/** Every violation of `schema` by `value`, as `path: message`; [] when valid. */
export function validate(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = []
  const resolve = (ref: string): Schema => {
    const match = /^#\/\$defs\/([\w-]+)$/.exec(ref)
    const defs = root.$defs as Record<string, Schema> | undefined
    const target = match ? defs?.[match[1]!] : undefined
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`)
    return target
  }
  const check = (schema: Schema, v: unknown, path: string): void => {
    if (schema === true) return
    if (schema === false) {
      errors.push(`${path}: not allowed`)
      return
    }
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`)
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), v, path)
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
      if (!types.some((t) => matchesType(v, t))) {
        errors.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v)}`)
        return
      }
    }
    if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(v))
      errors.push(`${path}: expected ${JSON.stringify(schema.const)}`)
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
      errors.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`)
    if (Array.isArray(schema.anyOf)) {
      const before = errors.length
      const ok = (schema.anyOf as Schema[]).some((s) => {
        const mark = errors.length
        check(s, v, path)
        const passed = errors.length === mark
        errors.length = mark
        return passed
      })
      errors.length = before
      if (!ok) errors.push(`${path}: matches none of anyOf`)
    }
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      for (const key of (schema.required ?? []) as string[])
        if (!(key in object)) errors.push(`${path}: missing required ${key}`)
      for (const [key, item] of Object.entries(object)) {
        if (item === undefined) continue
        if (key in properties) check(properties[key]!, item, `${path}.${key}`)
        else if (schema.additionalProperties !== undefined)
          check(schema.additionalProperties as Schema, item, `${path}.${key}`)
      }
    }
    if (Array.isArray(v) && schema.items !== undefined)
      v.forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`))
  }
  check(root, value, '$')
  return errors
}
