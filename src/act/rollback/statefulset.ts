/** StatefulSet undo (kubectl pkg/polymorphichelpers/rollback.go StatefulSetRollbacker). */
import type { KubeObject } from '../../kube/api.js'
import { statefulSetHistory } from '../../kube/history/statefulset.js'
import { planControllerRevisionRollback } from './plan-controller-revision.js'
import { runRollback } from './run.js'
import type { Rollbacker } from './types.js'

const plan = (workload: KubeObject, listed: KubeObject[], toRevision: number) =>
  planControllerRevisionRollback(statefulSetHistory, workload, listed, toRevision)

export const statefulSetRollbacker: Rollbacker = {
  kind: 'StatefulSet',
  plan,
  rollback: (api, workload, options) => runRollback(api, statefulSetHistory, plan, workload, options)
}
