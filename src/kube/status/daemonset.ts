/** DaemonSet status (kubectl pkg/polymorphichelpers/rollout_status.go DaemonSetStatusViewer). */
import type { KubeObject } from '../api.js'
import type { ControllerRevision, DaemonSet, Pod } from '../../evaluate/k8s-types.js'
import { RESOURCES } from '../resources.js'
import { newestRevision } from '../history/controller-revisions.js'
import { controlledBy, podControlledBy } from '../workload/ownership.js'
import { selectorWith } from '../workload/template.js'
import { CONTROLLER_REVISION_HASH, controllerRevisionInfo } from './controller-revision-info.js'
import type { RolloutStatus, StatusViewer } from './types.js'

function rolloutStatus(obj: KubeObject): RolloutStatus {
  const d = obj as DaemonSet
  const status = d.status ?? {}
  if ((d.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    const error = 'rollout status is only available for RollingUpdate strategy type'
    return { done: true, message: error, error }
  }
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const desired = status.desiredNumberScheduled ?? 0
    const updated = status.updatedNumberScheduled ?? 0
    const available = status.numberAvailable ?? 0
    const name = d.metadata.name
    if (updated < desired) {
      return {
        done: false,
        message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`
      }
    }
    if (available < desired) {
      return {
        done: false,
        message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`
      }
    }
    return { done: true, message: `daemon set "${name}" successfully rolled out` }
  }
  return { done: false, message: 'Waiting for daemon set spec update to be observed...' }
}

export const daemonSetStatus: StatusViewer = {
  kind: 'DaemonSet',
  resource: RESOURCES.DaemonSet,
  rolloutStatus,
  currentRevision({ object, owned }) {
    // DaemonSet status has no updateRevision: the newest history entry is the one being rolled out.
    const cr = newestRevision((owned as ControllerRevision[]).filter((r) => controlledBy(r, object)))
    if (!cr) return undefined
    // DaemonSet pods carry the bare hash (the revision's label), not the ControllerRevision name.
    const prefix = `${object.metadata.name}-`
    const labels = cr.metadata.labels ?? {}
    const hash =
      labels[CONTROLLER_REVISION_HASH] ??
      labels['controller.kubernetes.io/hash'] ??
      (cr.metadata.name.startsWith(prefix) ? cr.metadata.name.slice(prefix.length) : cr.metadata.name)
    return controllerRevisionInfo(cr, hash)
  },
  podSelectorForRevision: (obj, revision) => selectorWith(obj, revision.podLabel.key, revision.podLabel.value),
  ownsPod: (obj: KubeObject, revision, pod: Pod) =>
    pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value &&
    podControlledBy(pod, { kind: 'DaemonSet', name: obj.metadata.name, uid: obj.metadata.uid }),
  desiredReplicas: (obj) => (obj as DaemonSet).status?.desiredNumberScheduled ?? 0
}
