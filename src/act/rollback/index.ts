/**
 * The Rollbacker for a kind (kubectl RollbackerFor). Adding a kind: one file here, and its entry below.
 */
import type { KubeObject } from '../../kube/api.js'
import { workloadKindName, type WorkloadKindName } from '../../kube/workload/kinds.js'
import { daemonSetRollbacker } from './daemonset.js'
import { deploymentRollbacker } from './deployment.js'
import { noRollbackerMessage } from './messages.js'
import { statefulSetRollbacker } from './statefulset.js'
import type { RollbackPlan, Rollbacker } from './types.js'

const ROLLBACKERS: Record<WorkloadKindName, Rollbacker> = {
  Deployment: deploymentRollbacker,
  StatefulSet: statefulSetRollbacker,
  DaemonSet: daemonSetRollbacker
}

/** The rollbacker for `kind` (case-insensitive; short names accepted), or undefined (see noRollbackerMessage). */
export function rollbackerFor(kind: string, apiVersion?: string): Rollbacker | undefined {
  const name = workloadKindName(kind, apiVersion)
  return name ? ROLLBACKERS[name] : undefined
}

/**
 * kubectl's undo decision for a workload (its `kind` field picks the rules) and the history objects
 * listed by its selector. Pure. Throws for a kind without a rollbacker, with kubectl's message.
 */
export function planRollback(workload: KubeObject, listed: KubeObject[], toRevision: number): RollbackPlan {
  const rollbacker = rollbackerFor(workload.kind ?? '', workload.apiVersion)
  if (!rollbacker) throw new Error(noRollbackerMessage(workload.kind ?? '(no kind)'))
  return rollbacker.plan(workload, listed, toRevision)
}

export { isRollbackConflict } from './conflict.js'
export { noRollbackerMessage } from './messages.js'
export type {
  JsonPatchOperation,
  RollbackOptions,
  RollbackOutcome,
  RollbackPatch,
  RollbackPlan,
  RollbackRefusal,
  Rollbacker
} from './types.js'
