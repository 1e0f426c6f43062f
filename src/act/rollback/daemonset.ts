/** DaemonSet undo (kubectl pkg/polymorphichelpers/rollback.go DaemonSetRollbacker). */
import type { KubeObject } from '../../kube/api.js'
import { daemonSetHistory } from '../../kube/history/daemonset.js'
import { planControllerRevisionRollback } from './plan-controller-revision.js'
import { runRollback } from './run.js'
import type { Rollbacker } from './types.js'

const plan = (workload: KubeObject, listed: KubeObject[], toRevision: number) =>
  planControllerRevisionRollback(daemonSetHistory, workload, listed, toRevision)

export const daemonSetRollbacker: Rollbacker = {
  kind: 'DaemonSet',
  plan,
  rollback: (api, workload, options) => runRollback(api, daemonSetHistory, plan, workload, options)
}
