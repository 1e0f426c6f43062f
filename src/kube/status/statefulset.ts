/** StatefulSet status (kubectl pkg/polymorphichelpers/rollout_status.go StatefulSetStatusViewer). */
import type { KubeObject } from '../api.js'
import type { ControllerRevision, Pod, StatefulSet } from '../../evaluate/k8s-types.js'
import { RESOURCES } from '../resources.js'
import { newestRevision } from '../history/controller-revisions.js'
import { controlledBy, podControlledBy } from '../workload/ownership.js'
import { selectorWith } from '../workload/template.js'
import { controllerRevisionInfo } from './controller-revision-info.js'
import type { RolloutStatus, StatusViewer } from './types.js'

function rolloutStatus(obj: KubeObject): RolloutStatus {
  const s = obj as StatefulSet
  const strategy = s.spec?.updateStrategy
  const status = s.status ?? {}
  // An absent type means the server did not default it; the API default is RollingUpdate.
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    const error = 'rollout status is only available for RollingUpdate strategy type'
    return { done: true, message: error, error }
  }
  const observed = status.observedGeneration ?? 0
  if (observed === 0 || (s.metadata.generation ?? 0) > observed) {
    return { done: false, message: 'Waiting for statefulset spec update to be observed...' }
  }
  const replicas = s.spec?.replicas
  const ready = status.readyReplicas ?? 0
  const updated = status.updatedReplicas ?? 0
  if (replicas !== undefined && ready < replicas)
    return { done: false, message: `Waiting for ${replicas - ready} pods to be ready...` }
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return {
        done: false,
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`
      }
    }
    return { done: true, message: `partitioned roll out complete: ${updated} new pods have been updated...` }
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      done: false,
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...`
    }
  }
  return {
    done: true,
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...`
  }
}

export const statefulSetStatus: StatusViewer = {
  kind: 'StatefulSet',
  resource: RESOURCES.StatefulSet,
  rolloutStatus,
  currentRevision({ object, owned }) {
    const revisions = (owned as ControllerRevision[]).filter((cr) => controlledBy(cr, object))
    const updateRevision = (object as StatefulSet).status?.updateRevision
    const cr = revisions.find((r) => r.metadata.name === updateRevision) ?? newestRevision(revisions)
    // StatefulSet pods carry the full ControllerRevision name in controller-revision-hash.
    return cr ? controllerRevisionInfo(cr, cr.metadata.name) : undefined
  },
  olderPodsBlock: (obj) => ((obj as StatefulSet).spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady',
  podSelectorForRevision: (obj, revision) => selectorWith(obj, revision.podLabel.key, revision.podLabel.value),
  ownsPod: (obj: KubeObject, revision, pod: Pod) =>
    pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value &&
    podControlledBy(pod, { kind: 'StatefulSet', name: obj.metadata.name, uid: obj.metadata.uid }),
  desiredReplicas: (obj) => {
    const s = obj as StatefulSet
    const replicas = s.spec?.replicas ?? 1
    // With a RollingUpdate partition only ordinals >= partition move to the update revision: a
    // partitioned rollout (a staged canary) is complete with replicas - partition pods on it.
    const rolling = (s.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
    const partition = rolling ? (s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0
    return Math.max(0, replicas - partition)
  }
}
