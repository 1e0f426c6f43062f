/**
 * kubectl's Deployment undo decision (pkg/polymorphichelpers/rollback.go DeploymentRollbacker.Rollback,
 * deploymentRevision, getDeploymentPatch), as a pure function of the Deployment and the ReplicaSets
 * listed by its selector.
 */
import type { KubeObject } from '../../kube/api.js'
import type { Deployment } from '../../evaluate/k8s-types.js'
import { deploymentHistory } from '../../kube/history/deployment.js'
import { equalIgnoreHash, withoutHash } from '../../kube/workload/template.js'
import { conflictGuardOperation } from './conflict.js'
import { noDeploymentHistoryMessage, PAUSED_MESSAGE, revisionNotFoundMessage, skippedMessage } from './messages.js'
import type { RollbackPlan } from './types.js'

/**
 * rollback.go annotationsToSkip: the Deployment keeps its own values for these; every other annotation
 * comes from the ReplicaSet being restored.
 */
export const ANNOTATIONS_TO_SKIP: readonly string[] = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to'
]

export function planDeploymentRollback(workload: KubeObject, listed: KubeObject[], toRevision: number): RollbackPlan {
  const deployment = workload as Deployment
  const history = deploymentHistory.history(workload, listed)
  const current = history.find((e) => equalIgnoreHash(e.template, deployment.spec?.template))
  const fromRevision = current?.revision
  if (toRevision < 0) return refuse('revision-not-found', revisionNotFoundMessage(toRevision), fromRevision)
  const target = toRevision === 0 ? deploymentHistory.previous(history) : deploymentHistory.find(history, toRevision)
  if (!target) {
    return toRevision === 0
      ? refuse('no-history', noDeploymentHistoryMessage(workload.metadata.name), fromRevision)
      : refuse('revision-not-found', revisionNotFoundMessage(toRevision), fromRevision)
  }
  if (deployment.spec?.paused === true) return refuse('paused', PAUSED_MESSAGE, fromRevision)
  if (equalIgnoreHash(target.template, deployment.spec?.template)) {
    return { action: 'skip', fromRevision, toRevision: target.revision, message: skippedMessage(toRevision) }
  }
  // Start from the Deployment's own values of the skipped keys, then take every other key from the
  // ReplicaSet; the map replaces the Deployment's annotations wholesale.
  const own = workload.metadata.annotations ?? {}
  const annotations: Record<string, string> = {}
  for (const key of ANNOTATIONS_TO_SKIP) if (own[key] !== undefined) annotations[key] = own[key]
  for (const [key, value] of Object.entries(target.object.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value
  }
  return {
    action: 'patch',
    fromRevision,
    toRevision: target.revision,
    patch: {
      type: 'json',
      body: [
        ...conflictGuardOperation(workload),
        { op: 'replace', path: '/spec/template', value: withoutHash(target.template) },
        { op: 'replace', path: '/metadata/annotations', value: annotations }
      ]
    }
  }
}

const refuse = (
  reason: 'revision-not-found' | 'no-history' | 'paused',
  message: string,
  fromRevision: number | undefined
): RollbackPlan => ({ action: 'refuse', reason, message, fromRevision })
