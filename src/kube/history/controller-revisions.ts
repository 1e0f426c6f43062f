/**
 * History kept as ControllerRevisions (StatefulSet, DaemonSet): kubectl pkg/polymorphichelpers/history.go
 * controlledHistories and rollback.go findHistory. Pure.
 */
import type { KubeObject } from '../api.js'
import type { ControllerRevision, PodTemplate } from '../../evaluate/k8s-types.js'
import { selectorToString } from '../../evaluate/selector.js'
import { RESOURCES } from '../resources.js'
import type { WorkloadKindName } from '../workload/kinds.js'
import { controlledBy } from '../workload/ownership.js'
import { selectorOf } from '../workload/template.js'
import type { HistoryEntry, HistoryViewer } from './types.js'

/** The newest ControllerRevision by `.revision` (ties: later name). */
export function newestRevision(revisions: ControllerRevision[]): ControllerRevision | undefined {
  return [...revisions]
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || a.metadata.name.localeCompare(b.metadata.name))
    .at(-1)
}

/** `.revision` is an int64 field; an object without it reads as 0, as Go's zero value. */
function revisionOf(cr: KubeObject): number | undefined {
  const value = (cr as ControllerRevision).revision ?? 0
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}

/** The template in `data` (`{"spec":{"template":{...,"$patch":"replace"}}}`), without the patch directive. */
function templateOf(cr: KubeObject): PodTemplate | undefined {
  const template = (cr as { data?: { spec?: { template?: PodTemplate & { $patch?: string } } } }).data?.spec?.template
  if (!template) return undefined
  const { $patch: _directive, ...rest } = template
  return rest
}

export function controllerRevisionHistory(kind: WorkloadKindName): HistoryViewer {
  return {
    kind,
    resource: RESOURCES.ControllerRevision,
    listSelector: (workload) => selectorToString(selectorOf(workload)),
    /** Controlled revisions, ascending by `.revision` (findHistory's historiesByRevision). */
    history(workload, listed) {
      const entries: HistoryEntry[] = []
      for (const cr of listed.filter((o) => controlledBy(o, workload))) {
        const revision = revisionOf(cr)
        if (revision !== undefined) entries.push({ object: cr, revision, template: templateOf(cr) })
      }
      return entries.sort((a, b) => a.revision - b.revision)
    },
    revisionOf,
    templateOf,
    /** findHistory with toRevision 0: the entry before the last once sorted by revision; none with one entry. */
    previous: (history) => {
      if (history.length <= 1) return undefined
      return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2]
    },
    find: (history, revision) => history.find((e) => e.revision === revision)
  }
}
