/**
 * Kubernetes' "forced rollback" for StatefulSets: with `podManagementPolicy: OrderedReady`, the
 * controller waits for every pod to be Running and Ready before it replaces the next one, so a pod of
 * the bad revision that never becomes Ready blocks the restored revision for good — reverting the
 * template is not enough, that pod must be deleted (kubernetes.io docs, StatefulSet "Forced rollback").
 * With `rollback.forceStatefulSet` deploy-guard deletes exactly those pods (uid precondition, so a pod
 * recreated under the same name is never hit); otherwise it says which command to run.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import type { Pod } from '../../evaluate/k8s-types.js'
import { podHealth } from '../../evaluate/pod-signals.js'
import { selectorToString } from '../../evaluate/selector.js'
import { RESOURCES } from '../../kube/resources.js'
import { statusViewerFor } from '../../kube/status/index.js'
import { podControlledBy } from '../../kube/workload/ownership.js'
import { selectorOf } from '../../kube/workload/template.js'

export interface StuckPods {
  /** Pods of the failed revision that are not Ready and block an OrderedReady StatefulSet. */
  pods: Array<{ name: string; uid?: string }>
  /** `kubectl delete pod …` for each, to run by hand. */
  commands: string[]
}

/** Pods of `failedRevisionOwner` (the bad ControllerRevision's name) that block the restored one. */
export async function findStuckPods(api: KubeApi, sts: KubeObject, failedRevisionOwner: string): Promise<StuckPods> {
  const viewer = statusViewerFor('StatefulSet')
  if (!viewer?.olderPodsBlock?.(sts)) return { pods: [], commands: [] }
  const selector = selectorToString(selectorOf(sts))
  const namespace = sts.metadata.namespace ?? 'default'
  const pods = await api.list<Pod>(RESOURCES.Pod, namespace, { labelSelector: selector })
  const stuck = pods.filter(
    (pod) =>
      podControlledBy(pod, { kind: 'StatefulSet', name: sts.metadata.name, uid: sts.metadata.uid }) &&
      pod.metadata.labels?.['controller-revision-hash'] === failedRevisionOwner &&
      !pod.metadata.deletionTimestamp &&
      !podHealth(pod).ready
  )
  return {
    pods: stuck.map((pod) => ({ name: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) })),
    commands: stuck.map((pod) => `kubectl delete pod ${pod.metadata.name} -n ${namespace}`)
  }
}

/** Deletes the stuck pods (each only if it is still the same pod). Returns the names deleted. */
export async function deleteStuckPods(api: KubeApi, namespace: string, stuck: StuckPods): Promise<string[]> {
  const deleted: string[] = []
  for (const pod of stuck.pods) {
    await api.delete(RESOURCES.Pod, namespace, pod.name, pod.uid ? { uid: pod.uid } : {})
    deleted.push(pod.name)
  }
  return deleted
}
