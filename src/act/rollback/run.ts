/**
 * The I/O around a rollback plan: list the workload's history objects by its selector (as kubectl does),
 * plan, and send the patch unless this is a dry run. Every write is conflict-guarded by the plan.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import type { HistoryViewer } from '../../kube/history/types.js'
import { RESOURCES } from '../../kube/resources.js'
import { withAnnotations } from './annotate.js'
import { ROLLED_BACK } from './messages.js'
import type { RollbackOptions, RollbackOutcome, RollbackPlan } from './types.js'

export async function runRollback(
  api: KubeApi,
  history: HistoryViewer,
  plan: (workload: KubeObject, listed: KubeObject[], toRevision: number) => RollbackPlan,
  workload: KubeObject,
  options: RollbackOptions
): Promise<RollbackOutcome> {
  const { namespace, name } = workload.metadata
  const listed =
    options.listed ?? (await api.list(history.resource, namespace, { labelSelector: history.listSelector(workload) }))
  const decided = plan(workload, listed, options.toRevision)
  const dryRun = options.dryRun
  if (decided.action === 'refuse') {
    return {
      result: 'error',
      fromRevision: decided.fromRevision,
      dryRun,
      message: decided.message,
      reason: decided.reason
    }
  }
  if (decided.action === 'skip') {
    const { fromRevision, toRevision, message } = decided
    return { result: 'skipped', fromRevision, toRevision, dryRun, message }
  }
  const { fromRevision, toRevision } = decided
  const patch = withAnnotations(decided.patch, options.annotations ?? {})
  if (!dryRun) {
    await api.patch(RESOURCES[history.kind], namespace, name, patch.body, patch.type)
  }
  return { result: 'rolled-back', fromRevision, toRevision, patch, dryRun, message: ROLLED_BACK }
}
