/**
 * kubectl's StatefulSet / DaemonSet undo decision (pkg/polymorphichelpers/rollback.go
 * StatefulSetRollbacker.Rollback / DaemonSetRollbacker.Rollback, findHistory, statefulsetMatch /
 * daemonsetMatch), as a pure function of the workload and the ControllerRevisions listed by its selector.
 */
import type { KubeObject } from '../../kube/api.js'
import type { HistoryViewer } from '../../kube/history/types.js'
import { semanticEqual } from '../../kube/workload/semantic-equal.js'
import { templateOf } from '../../kube/workload/template.js'
import { withConflictGuard } from './conflict.js'
import { NO_LAST_REVISION, revisionNotFoundMessage, skippedMessage } from './messages.js'
import type { RollbackPlan } from './types.js'

/**
 * What kubectl's getStatefulSetPatch / getDaemonSetPatch builds from the live object and compares with
 * the revision's data: the template, marked to replace. kubectl compares bytes; key order differs after
 * a JSON round-trip here, so this compares semantically.
 */
export function currentTemplatePatch(workload: KubeObject): Record<string, unknown> {
  return { spec: { template: { ...(templateOf(workload) ?? {}), $patch: 'replace' } } }
}

const dataOf = (cr: KubeObject): unknown => (cr as { data?: unknown }).data

export function planControllerRevisionRollback(
  history: HistoryViewer,
  workload: KubeObject,
  listed: KubeObject[],
  toRevision: number
): RollbackPlan {
  const entries = history.history(workload, listed)
  const live = currentTemplatePatch(workload)
  const fromRevision = [...entries].reverse().find((e) => semanticEqual(dataOf(e.object), live))?.revision
  if (toRevision < 0) return refuseNotFound(toRevision, fromRevision)
  if (toRevision === 0 && entries.length <= 1)
    return { action: 'refuse', reason: 'no-history', message: NO_LAST_REVISION, fromRevision }
  const target = toRevision === 0 ? history.previous(entries) : history.find(entries, toRevision)
  if (!target) return refuseNotFound(toRevision, fromRevision)
  const data = dataOf(target.object)
  if (semanticEqual(data, live)) {
    return { action: 'skip', fromRevision, toRevision: target.revision, message: skippedMessage(toRevision) }
  }
  // kubectl sends the revision's data as is; only the conflict guard is added.
  const body = withConflictGuard(workload, structuredClone((data ?? {}) as Record<string, unknown>))
  return { action: 'patch', fromRevision, toRevision: target.revision, patch: { type: 'strategic', body } }
}

const refuseNotFound = (toRevision: number, fromRevision: number | undefined): RollbackPlan => ({
  action: 'refuse',
  reason: 'revision-not-found',
  message: revisionNotFoundMessage(toRevision),
  fromRevision
})
