/**
 * Pure: turns "these fields should hold these values" into an index-guarded JSON patch against what
 * deploy-guard believes the object holds (its last read or write). Every field that changes gets its
 * guards (`test` on the backend's name at that index) and a `test` on the value we believe is there,
 * then the `replace`, so the server refuses (422) instead of overwriting an edit made by someone else.
 * A field that was absent is `add`ed (JSON patch has no test for absence) and removed again on restore.
 */
import { isDeepStrictEqual } from 'node:util'
import type { KubeObject } from '../../kube/api.js'
import type { JsonPatchOperation } from '../rollback/types.js'
import { readPointer } from './json-pointer.js'
import type { PatchGuard, TouchedField } from './types.js'

/** A field that should hold `value` (undefined: absent). */
export interface FieldWrite {
  path: string
  value: unknown
  guards: PatchGuard[]
}

/** The guarded patch bringing `live` to `fields`; empty when every field already holds its value. */
export function guardedPatch(live: KubeObject, fields: readonly FieldWrite[]): JsonPatchOperation[] {
  const ops: JsonPatchOperation[] = []
  for (const field of fields) {
    const believed = readPointer(live, field.path)
    if (isDeepStrictEqual(believed, field.value)) continue
    for (const guard of field.guards) ops.push({ op: 'test', path: guard.path, value: guard.value })
    if (believed !== undefined) {
      ops.push({ op: 'test', path: field.path, value: believed })
      ops.push(
        field.value === undefined
          ? { op: 'remove', path: field.path }
          : { op: 'replace', path: field.path, value: field.value }
      )
    } else if (field.value !== undefined) {
      ops.push({ op: 'add', path: field.path, value: field.value })
    }
  }
  return dedupeTests(ops)
}

/** Two fields guarded by the same name test need it once. */
function dedupeTests(ops: JsonPatchOperation[]): JsonPatchOperation[] {
  const seen = new Set<string>()
  return ops.filter((op) => {
    if (op.op !== 'test') return true
    const key = `${op.path}\u0000${JSON.stringify(op.value)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The writes that put every touched field back to its saved value (only those that differ now). */
export function restoreWrites(original: KubeObject, live: KubeObject, touched: readonly TouchedField[]): FieldWrite[] {
  return touched
    .map((t) => ({ path: t.path, value: readPointer(original, t.path), guards: t.guards }))
    .filter((w) => !isDeepStrictEqual(readPointer(live, w.path), w.value))
}

/** Adds the fields of `fields` that are not yet recorded as touched. */
export function recordTouched(touched: TouchedField[], fields: readonly FieldWrite[]): void {
  for (const field of fields) {
    if (!touched.some((t) => t.path === field.path)) touched.push({ path: field.path, guards: field.guards })
  }
}

/** Where the server's object differs from each `test` op of a refused patch: what someone else changed. */
export function testsThatFail(
  ops: readonly JsonPatchOperation[],
  fresh: KubeObject | undefined
): Array<{ path: string; expected: unknown; found: unknown }> {
  return ops
    .filter((op) => op.op === 'test')
    .map((op) => ({
      path: op.path,
      expected: op.value,
      found: fresh === undefined ? undefined : readPointer(fresh, op.path)
    }))
    .filter((c) => !isDeepStrictEqual(c.expected, c.found))
}
