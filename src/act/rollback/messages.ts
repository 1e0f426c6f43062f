/** kubectl's texts for `rollout undo` (pkg/polymorphichelpers/rollback.go), word for word. Pure. */

/** rollbackSuccess */
export const ROLLED_BACK = 'rolled back'

/** rollbackSkipped + the revision as the user gave it (kubectl prints `revision 0` for the default). */
export const skippedMessage = (toRevision: number): string =>
  `skipped rollback (current template already matches revision ${toRevision})`

/** revisionNotFoundErr */
export const revisionNotFoundMessage = (toRevision: number): string =>
  `unable to find specified revision ${toRevision} in history`

/** DeploymentRollbacker: no ReplicaSet to go back to. */
export const noDeploymentHistoryMessage = (name: string): string => `no rollout history found for deployment "${name}"`

/** StatefulSetRollbacker / DaemonSetRollbacker with one revision or none. */
export const NO_LAST_REVISION = 'no last revision to roll back to'

export const PAUSED_MESSAGE =
  "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"

/** RollbackerFor for any other kind. */
export const noRollbackerMessage = (kind: string): string => `no rollbacker has been implemented for "${kind}"`
