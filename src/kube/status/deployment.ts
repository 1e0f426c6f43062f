/**
 * Deployment status (kubectl pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer) and the
 * ReplicaSet being rolled out (kubernetes deploymentutil FindNewReplicaSet).
 */
import type { KubeObject } from '../api.js'
import type { Deployment, Pod, ReplicaSet } from '../../evaluate/k8s-types.js'
import { RESOURCES } from '../resources.js'
import { byCreation, controlledBy, podControlledBy } from '../workload/ownership.js'
import { equalIgnoreHash, POD_TEMPLATE_HASH, selectorWith } from '../workload/template.js'
import { DEPLOYMENT_REVISION_ANNOTATION } from '../history/deployment.js'
import type { RevisionInfo, RolloutStatus, StatusViewer } from './types.js'

function rolloutStatus(obj: KubeObject, revision?: number): RolloutStatus {
  const d = obj as Deployment
  const name = d.metadata.name
  const status = d.status ?? {}
  if (revision !== undefined && revision > 0) {
    const raw = d.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]
    const running = raw === undefined ? 0 : Number(raw)
    if (!Number.isInteger(running)) {
      return fail(`cannot get the revision of deployment "${name}": invalid revision annotation "${raw}"`)
    }
    if (running !== revision)
      return fail(`desired revision (${revision}) is different from the running revision (${running})`)
  }
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing')
    // kubectl checks only the reason here, not the condition's status.
    if (progressing?.reason === 'ProgressDeadlineExceeded')
      return fail(`deployment "${name}" exceeded its progress deadline`)
    const spec = d.spec?.replicas
    const updated = status.updatedReplicas ?? 0
    const replicas = status.replicas ?? 0
    const available = status.availableReplicas ?? 0
    const waiting = `Waiting for deployment "${name}" rollout to finish:`
    if (spec !== undefined && updated < spec)
      return wait(`${waiting} ${updated} out of ${spec} new replicas have been updated...`)
    if (replicas > updated) return wait(`${waiting} ${replicas - updated} old replicas are pending termination...`)
    if (available < updated) return wait(`${waiting} ${available} of ${updated} updated replicas are available...`)
    return { done: true, message: `deployment "${name}" successfully rolled out` }
  }
  return wait('Waiting for deployment spec update to be observed...')
}

const wait = (message: string): RolloutStatus => ({ done: false, message })
const fail = (error: string): RolloutStatus => ({ done: false, message: error, error })

function revisionInfo(rs: ReplicaSet): RevisionInfo {
  return {
    owner: { kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid },
    revision: rs.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION] ?? '',
    podLabel: { key: POD_TEMPLATE_HASH, value: rs.metadata.labels?.[POD_TEMPLATE_HASH] ?? '' },
    createdAt: rs.metadata.creationTimestamp
  }
}

export const deploymentStatus: StatusViewer = {
  kind: 'Deployment',
  resource: RESOURCES.Deployment,
  rolloutStatus,
  currentRevision({ object, owned }) {
    const d = object as Deployment
    const sets = (owned as ReplicaSet[]).filter((rs) => controlledBy(rs, object)).sort(byCreation)
    const byTemplate = sets.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
    if (byTemplate) return revisionInfo(byTemplate)
    // Fallback for servers that default templates differently; only once the controller has caught up,
    // otherwise the annotation still names the previous revision.
    if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0)) return undefined
    // A paused Deployment creates no ReplicaSet for a changed template, so its revision annotation still
    // names the old one: that is not the revision being rolled out.
    if (d.spec?.paused === true) return undefined
    const wanted = d.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]
    const byAnnotation =
      wanted === undefined
        ? undefined
        : sets.find((rs) => rs.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION] === wanted)
    return byAnnotation ? revisionInfo(byAnnotation) : undefined
  },
  blocked(obj) {
    const d = obj as Deployment
    if (d.spec?.paused !== true) return undefined
    const { name, namespace } = d.metadata
    return `deployment "${name}" is paused: its rollout will not progress until it is resumed (kubectl rollout resume deployment/${name} -n ${namespace ?? 'default'})`
  },
  controllerFailure(obj) {
    const conditions = (obj as Deployment).status?.conditions ?? []
    const failure = conditions.find((c) => c.type === 'ReplicaFailure' && c.status === 'True')
    return failure ? { reason: failure.reason ?? 'ReplicaFailure', message: failure.message } : undefined
  },
  podSelectorForRevision: (obj, revision) => selectorWith(obj, revision.podLabel.key, revision.podLabel.value),
  ownsPod: (_obj, revision, pod: Pod) =>
    pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value && podControlledBy(pod, revision.owner),
  desiredReplicas: (obj) => (obj as Deployment).spec?.replicas ?? 1
}
