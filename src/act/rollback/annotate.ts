/**
 * Adds annotations to an undo's patch, so that the failed-revision mark and deploy-guard's own
 * bookkeeping ride on the same write as the undo (one write: never an undo without its mark, nor a mark
 * without its undo). kubectl's Deployment undo replaces `metadata.annotations` wholesale with the
 * target ReplicaSet's, which would otherwise drop them. Pure.
 */
import type { RollbackPatch } from './types.js'

export function withAnnotations(patch: RollbackPatch, annotations: Record<string, string>): RollbackPatch {
  if (Object.keys(annotations).length === 0) return patch
  if (patch.type === 'json') {
    const hasReplace = patch.body.some((op) => op.path === '/metadata/annotations')
    const body = hasReplace
      ? patch.body.map((op) =>
          op.path === '/metadata/annotations' && op.op === 'replace'
            ? { ...op, value: { ...((op.value as Record<string, string> | null) ?? {}), ...annotations } }
            : op
        )
      : [
          ...patch.body,
          ...Object.entries(annotations).map(([key, value]) => ({
            op: 'add' as const,
            path: `/metadata/annotations/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            value
          }))
        ]
    return { type: 'json', body }
  }
  const metadata = (patch.body.metadata as Record<string, unknown> | undefined) ?? {}
  const existing = (metadata.annotations as Record<string, string> | undefined) ?? {}
  return {
    type: 'strategic',
    body: { ...patch.body, metadata: { ...metadata, annotations: { ...existing, ...annotations } } }
  }
}
