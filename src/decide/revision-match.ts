/**
 * When two revision references mean the same revision. Pure. The template hash wins when both sides
 * have one, because Deployment revision numbers are renumbered by an undo (the restored ReplicaSet
 * becomes max+1 and its old number disappears); the number is the fallback when a hash is missing.
 */
import type { RevisionRef } from '../model/rollback.js'

export function sameRevision(a: RevisionRef, b: RevisionRef): boolean {
  if (a.templateHash !== undefined && b.templateHash !== undefined) return a.templateHash === b.templateHash
  return a.revision === b.revision
}

/** `revision 4 (template 5d8c7b9f6c)`, or `revision 4` without a hash. */
export function describeRevision(r: RevisionRef): string {
  return r.templateHash ? `revision ${r.revision} (template ${r.templateHash})` : `revision ${r.revision}`
}
