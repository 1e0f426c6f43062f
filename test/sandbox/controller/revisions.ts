/**
 * ControllerRevision history shared by the StatefulSet and DaemonSet controllers
 * (kubernetes/pkg/controller/history): one revision per distinct template, `data` holding the
 * strategic-merge patch kubectl rollout undo applies, and re-numbering when an old template returns.
 */
import { sortedKeys } from '../api/gofmt.js'
import { goRoundTrip } from '../api/schema/roundtrip.js'
import type { StoredObject } from '../store.js'
import type { Ctx } from './context.js'
import { computeHash } from './hash.js'
import type { PodTemplate } from './types.js'
import { controllerRef, semanticEqual } from './util.js'

/** The hash label: StatefulSet revisions (history.ControllerRevisionHashLabel). */
export const HASH_LABEL = 'controller.kubernetes.io/hash'
/** DaemonSet revisions carry apps.DefaultDaemonSetUniqueLabelKey instead. */
export const DS_REVISION_HASH_LABEL = 'controller-revision-hash'

/** The hash a revision was named with, whichever controller made it. */
export const revisionHash = (r: StoredObject): string =>
  r.metadata.labels?.[HASH_LABEL] ?? r.metadata.labels?.[DS_REVISION_HASH_LABEL] ?? ''

export interface RevisionData {
  spec: { template: PodTemplate & { $patch: 'replace' } }
}

export const revisionNumber = (r: StoredObject): number => Number(r.revision ?? 0)

/**
 * The controllers' getPatch: the template through Go's typed round trip, `"$patch":"replace"` added,
 * marshalled from a map (keys sorted). Stored with its keys in that order, so the bytes the sandbox
 * serves are the bytes kubectl's own getPatch of the live object produces, and `kubectl rollout undo`
 * to the running revision says `skipped rollback`.
 */
export function revisionData(template: PodTemplate | undefined): RevisionData {
  const typed = goRoundTrip('V1PodTemplateSpec', template ?? {}) as PodTemplate
  return sortedKeys({ spec: { template: { ...typed, $patch: 'replace' } } }) as RevisionData
}

/** The template a revision records (without the `$patch` directive). */
export function templateOf(revision: StoredObject): PodTemplate {
  const { $patch: _replace, ...template } = (revision.data as RevisionData | undefined)?.spec?.template ?? {
    $patch: 'replace'
  }
  return template
}

export function ownedRevisions(ctx: Ctx, owner: StoredObject): StoredObject[] {
  return ctx.cache
    .ownedBy('controllerrevisions', owner.metadata.uid)
    .sort((a, b) => revisionNumber(a) - revisionNumber(b))
}

/**
 * Finds or creates the revision of the owner's current template; an equal older revision is moved to
 * the top (max+1), as a rollback does. Undefined when a hash collision needs another pass.
 */
export function syncUpdateRevision(
  ctx: Ctx,
  owner: StoredObject,
  template: PodTemplate | undefined,
  collisionCount = 0
): StoredObject | undefined {
  const revisions = ownedRevisions(ctx, owner)
  const data = revisionData(template)
  const latest = revisions.at(-1)
  const next = (latest ? revisionNumber(latest) : 0) + 1
  const equal = revisions.filter((r) => semanticEqual(r.data, data))
  const match = equal.at(-1)
  if (match && match === latest) return match
  if (match) return ctx.update('controllerrevisions', { ...structuredClone(match), revision: next })
  const hash = computeHash(data, collisionCount)
  const name = `${owner.metadata.name}-${hash}`
  if (ctx.cache.get('controllerrevisions', owner.metadata.namespace, name)) {
    ctx.due(ctx.now)
    return undefined
  }
  // StatefulSets label with controller.kubernetes.io/hash (history.NewControllerRevision); DaemonSets
  // with controller-revision-hash and copy the DaemonSet's annotations (daemon/update.go snapshot).
  const daemon = owner.kind === 'DaemonSet'
  const annotations = daemon && owner.metadata.annotations ? { ...owner.metadata.annotations } : undefined
  return ctx.create('controllerrevisions', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), [daemon ? DS_REVISION_HASH_LABEL : HASH_LABEL]: hash },
      ...(annotations ? { annotations } : {}),
      ownerReferences: [controllerRef(owner)]
    },
    data,
    revision: next
  })
}

/** truncateHistory: drops the oldest revisions no pod uses beyond revisionHistoryLimit (default 10). */
export function truncateHistory(ctx: Ctx, owner: StoredObject, live: Set<string>, limit = 10): void {
  const history = ownedRevisions(ctx, owner).filter((r) => !live.has(r.metadata.name))
  const excess = history.length - limit
  for (const r of history.slice(0, Math.max(0, excess))) ctx.remove('controllerrevisions', r)
}
