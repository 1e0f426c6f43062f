/**
 * Stores a snapshot on the workload it describes, as one annotation. A metadata-only merge patch: the
 * pod template is untouched, so no rollout starts. Without a resourceVersion on purpose: the patch
 * names one annotation key and nothing else, so it cannot overwrite anyone's concurrent change.
 */
import type { KubeApi } from '../../kube/api.js'
import { RESOURCES } from '../../kube/resources.js'
import type { WorkloadKindName } from '../../kube/workload/kinds.js'
import type { TargetRef } from '../../model/result.js'

export async function writeSnapshotAnnotation(
  api: KubeApi,
  kind: WorkloadKindName,
  ref: TargetRef,
  annotation: { key: string; value: string }
): Promise<void> {
  await api.patch(
    RESOURCES[kind],
    ref.namespace,
    ref.name,
    { metadata: { annotations: { [annotation.key]: annotation.value } } },
    'merge'
  )
}
