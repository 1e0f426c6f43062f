/**
 * Deployment history: the ReplicaSets it controls, numbered by the revision annotation
 * (kubernetes pkg/controller/deployment/util, kubectl pkg/polymorphichelpers/rollback.go deploymentRevision).
 */
import type { KubeObject } from '../api.js'
import type { Deployment, ReplicaSet } from '../../evaluate/k8s-types.js'
import { selectorToString } from '../../evaluate/selector.js'
import { RESOURCES } from '../resources.js'
import { byCreation, controlledBy } from '../workload/ownership.js'
import { equalIgnoreHash, selectorOf } from '../workload/template.js'
import type { HistoryEntry, HistoryViewer } from './types.js'

export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/**
 * kubernetes deploymentutil.Revision: a missing annotation is revision 0; a value strconv.ParseInt
 * rejects makes the ReplicaSet unusable (undefined).
 */
function revisionOf(rs: KubeObject): number | undefined {
  const raw = rs.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]
  if (raw === undefined) return 0
  return /^[+-]?\d+$/.test(raw) ? Number(raw) : undefined
}

const templateOf = (rs: KubeObject) => (rs as ReplicaSet).spec?.template

export const deploymentHistory: HistoryViewer = {
  kind: 'Deployment',
  resource: RESOURCES.ReplicaSet,
  listSelector: (workload) => selectorToString(selectorOf(workload)),
  /**
   * deploymentutil.GetAllReplicaSets: the controlled ReplicaSets sorted by creation (FindNewReplicaSet
   * sorts the shared slice), the old ones first and the new one (the oldest whose template equals the
   * Deployment's ignoring pod-template-hash) last.
   */
  history(workload, listed) {
    const template = (workload as Deployment).spec?.template
    const owned = listed.filter((rs) => controlledBy(rs, workload)).sort(byCreation)
    const current = owned.find((rs) => equalIgnoreHash(templateOf(rs), template))
    const ordered = current ? [...owned.filter((rs) => rs !== current), current] : owned
    const entries: HistoryEntry[] = []
    for (const rs of ordered) {
      const revision = revisionOf(rs)
      if (revision !== undefined) entries.push({ object: rs, revision, template: templateOf(rs) })
    }
    return entries
  },
  revisionOf,
  templateOf,
  /** rollback.go deploymentRevision with toRevision 0: the second-highest revision, ties included. */
  previous(history) {
    let latest: HistoryEntry | undefined
    let previous: HistoryEntry | undefined
    let latestRevision = -1
    let previousRevision = -1
    for (const entry of history) {
      if (latestRevision < entry.revision) {
        previous = latest
        previousRevision = latestRevision
        latest = entry
        latestRevision = entry.revision
      } else if (previousRevision < entry.revision) {
        previous = entry
        previousRevision = entry.revision
      }
    }
    return previous
  },
  find: (history, revision) => history.find((e) => e.revision === revision)
}
