/** RevisionInfo for the kinds whose revisions are ControllerRevisions (StatefulSet, DaemonSet). Pure. */
import type { ControllerRevision } from '../../evaluate/k8s-types.js'
import type { RevisionInfo } from './types.js'

/** The label StatefulSet and DaemonSet pods carry their revision in. */
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash'

export function controllerRevisionInfo(cr: ControllerRevision, podLabelValue: string): RevisionInfo {
  return {
    owner: { kind: 'ControllerRevision', name: cr.metadata.name, uid: cr.metadata.uid },
    revision: cr.revision === undefined ? '' : String(cr.revision),
    podLabel: { key: CONTROLLER_REVISION_HASH, value: podLabelValue },
    createdAt: cr.metadata.creationTimestamp
  }
}
