/**
 * The one place traffic routers write: sends a guarded patch for one tracked object and, when the
 * server refuses a `test` op (422) or the object is gone (404), re-reads it to say exactly which field
 * someone else changed. It never retries a refused write with fresh values: that would overwrite them.
 */
import { KubeApiError, type KubeApi, type KubeObject } from '../../kube/api.js'
import { guardedPatch, recordTouched, restoreWrites, testsThatFail, type FieldWrite } from './plan-writes.js'
import { describeChanges, objectLabel } from './messages.js'
import { RouteChangedError, type ForeignChange, type RouterState, type TrackedObject } from './types.js'

/** Reads an object for `prepare`, keeping an untouched deep copy as the saved original. */
export function track(object: KubeObject, type: TrackedObject['type'], namespace: string): TrackedObject {
  return {
    type,
    namespace,
    name: object.metadata.name,
    original: structuredClone(object),
    live: structuredClone(object),
    touched: []
  }
}

/** Brings the fields of one tracked object to their values with an index-guarded JSON patch. */
export async function writeFields(
  api: KubeApi,
  tracked: TrackedObject,
  fields: readonly FieldWrite[],
  during: RouteChangedError['during']
): Promise<void> {
  const ops = guardedPatch(tracked.live, fields)
  if (ops.length === 0) return
  try {
    tracked.live = await api.patch(tracked.type, tracked.namespace, tracked.name, ops, 'json')
  } catch (error) {
    if (!refusedByGuard(error)) throw error
    const fresh = await api.get(tracked.type, tracked.namespace, tracked.name)
    const object = objectLabel(tracked)
    const changes: ForeignChange[] = testsThatFail(ops, fresh).map((c) => ({ object, ...c }))
    throw new RouteChangedError(describeChanges(object, fresh === undefined, changes, during), changes, during)
  }
  recordTouched(tracked.touched, fields)
}

/** A failed `test` op comes back 422 Invalid; a deleted object 404. */
function refusedByGuard(error: unknown): boolean {
  return error instanceof KubeApiError && (error.status === 422 || error.reason === 'not-found')
}

/**
 * Restores the objects in `order` (indexes into state.objects). A field someone else changed is left
 * as they set it: the object is re-read, that field (and any field sharing its guards) dropped, and
 * the rest restored in a second guarded patch. Everything left is reported in one RouteChangedError.
 */
export async function restoreObjects(api: KubeApi, state: RouterState, order: readonly number[]): Promise<void> {
  const left: ForeignChange[] = []
  for (const index of order) {
    const tracked = state.objects[index]!
    const writes = restoreWrites(tracked.original, tracked.live, tracked.touched)
    try {
      await writeFields(api, tracked, writes, 'restore')
    } catch (error) {
      if (!(error instanceof RouteChangedError)) throw error
      left.push(...error.changes)
      const fresh = await api.get<KubeObject>(tracked.type, tracked.namespace, tracked.name)
      if (fresh === undefined) continue
      const conflicted = new Set(error.changes.map((c) => c.path))
      const safe = writes.filter((w) => !conflicted.has(w.path) && !w.guards.some((g) => conflicted.has(g.path)))
      tracked.live = fresh
      try {
        await writeFields(api, tracked, safe, 'restore')
      } catch (again) {
        if (!(again instanceof RouteChangedError)) throw again
        left.push(...again.changes)
      }
    }
  }
  if (left.length > 0) {
    const byObject = [...new Set(left.map((c) => c.object))]
    throw new RouteChangedError(
      byObject
        .map((o) =>
          describeChanges(
            o,
            false,
            left.filter((c) => c.object === o),
            'restore'
          )
        )
        .join('; '),
      left,
      'restore'
    )
  }
}
