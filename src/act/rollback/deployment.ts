/** Deployment undo (kubectl pkg/polymorphichelpers/rollback.go DeploymentRollbacker). */
import { deploymentHistory } from '../../kube/history/deployment.js'
import { planDeploymentRollback } from './plan-deployment.js'
import { runRollback } from './run.js'
import type { Rollbacker } from './types.js'

export const deploymentRollbacker: Rollbacker = {
  kind: 'Deployment',
  plan: planDeploymentRollback,
  rollback: (api, workload, options) => runRollback(api, deploymentHistory, planDeploymentRollback, workload, options)
}
