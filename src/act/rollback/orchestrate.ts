/**
 * One target's rollback, from the decision to the restored revision's health: read the workload as it is
 * now, pass the guard rails (src/decide/), choose the revision, undo it the way its manager needs
 * (plain undo, `helm rollback`, Argo CD sync), wait for the restored revision with verify's checks,
 * and say exactly what was and was not done. Each phase is recorded in the journal first, so a run
 * killed half-way still leaves an account of it for the post step.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import { historyViewer } from '../../kube/history/index.js'
import { hashOfHistoryObject, workloadRevisions, type WorkloadRevisions } from '../../kube/history/identity.js'
import { RESOURCES } from '../../kube/resources.js'
import { workloadKindName, type WorkloadKindName } from '../../kube/workload/kinds.js'
import { checkTargetPodsHealthy, checkUnchangedSinceVerdict, type RevisionPod } from '../../decide/guards.js'
import type { Pod } from '../../evaluate/k8s-types.js'
import { podHealth } from '../../evaluate/pod-signals.js'
import { selectorToString } from '../../evaluate/selector.js'
import { POD_TEMPLATE_HASH, selectorOf } from '../../kube/workload/template.js'
import { parseFailedMarks, withFailedMarks } from '../../decide/failed-mark.js'
import { chooseRollbackTarget } from '../../decide/rollback-target.js'
import { parseSnapshotAnnotation, recordedFromSnapshot } from '../../decide/snapshot.js'
import { manualUndoCommands } from '../../decide/rollback-outcome.js'
import type { TargetRef, TargetResult } from '../../model/result.js'
import type {
  FailedRevisionMark,
  RecordedRevision,
  RollbackTo,
  TargetRollbackReport,
  WorkloadState
} from '../../model/rollback.js'
import { FAILED_REVISION_ANNOTATION } from '../../model/rollback.js'
import { SNAPSHOT_ANNOTATION, type TargetSnapshot } from '../../model/snapshot.js'
import { sleep } from '../../util/sleep.js'
import type { ProgressJournal } from './journal.js'
import { undoWithKubectl } from './kubectl-path.js'
import { chooseRollbackPath } from '../../decide/manager-policy.js'
import { detectManager } from '../../kube/workload/management.js'
import { undoThroughManager } from './managed-path.js'

export interface RollbackSettings {
  to: RollbackTo
  /** `verdict`: decided by verify/analyze; `manual`: `command: rollback` (an engineer's explicit choice). */
  trigger: 'verdict' | 'manual'
  dryRun: boolean
  /** `rollback.helm`: `helm` (default: `helm rollback`) or `kubectl` (a plain undo Helm will revert). */
  helm: 'helm' | 'kubectl'
  /** `rollback.argocd`: `refuse` (default) or `sync` (what `argocd app rollback` does). */
  argocd: 'refuse' | 'sync'
  /** Why: the verdict's first reason, or the manual workflow's `reason`. Stored in the failed mark. */
  reason: string
  runUrl?: string
  /** Delete StatefulSet pods of the bad revision that block the restored one (OrderedReady). */
  forceStatefulSet?: boolean
  /** Writes tried when the workload keeps moving under the undo (409s). */
  maxConflicts?: number
  /** Where Argo CD keeps Applications, when the workload's tracking does not say. */
  argocdNamespace?: string
}

export interface TargetToRollBack {
  ref: TargetRef
  /** The workload as verify judged it; absent for a manual rollback (nothing was judged). */
  judged?: WorkloadState
  /** The revision live before the rollout, as verify could tell it (used when there is no snapshot). */
  preRollout?: { revision: number; templateHash?: string }
}

export interface RollbackDeps {
  api: KubeApi
  journal: ProgressJournal
  log(line: string): void
  now(): Date
  /** verify's checklist on the restored revision (rollout, pods, restarts, endpoints, events). */
  verifyRestored(
    ref: TargetRef,
    since: Date
  ): Promise<{ result: TargetResult; verdict: TargetRollbackReport['restoredVerdict'] }>
  /** For `helm rollback`: the same cluster deploy-guard talks to. */
  helmCluster?: { kubeconfigPath?: string; context?: string; timeoutMs: number; signal?: AbortSignal }
}

/** A report for a rollback that never started: nothing was changed. */
export function notStarted(
  ref: TargetRef,
  summary: string,
  extra: Partial<TargetRollbackReport> = {}
): TargetRollbackReport {
  return { ref, state: 'refused', summary, manual: [], method: 'kubectl', notes: [], dryRun: false, ...extra }
}

/** The recorded revision, and the snapshot it came from (a manager's rollback reads its own revision there). */
function recordedRevision(
  workload: KubeObject,
  target: TargetToRollBack,
  notes: string[]
): { recorded?: RecordedRevision; snapshot?: TargetSnapshot } {
  const raw = workload.metadata.annotations?.[SNAPSHOT_ANNOTATION]
  if (raw !== undefined) {
    const snapshot = parseSnapshotAnnotation(raw, target.ref)
    if (snapshot.ok) return { recorded: recordedFromSnapshot(snapshot.value), snapshot: snapshot.value }
    notes.push(`the ${SNAPSHOT_ANNOTATION} annotation was ignored: ${snapshot.reason}`)
  }
  if (target.preRollout) {
    if (raw === undefined)
      notes.push('no snapshot was taken: the recorded revision is the one live before the rollout began')
    return { recorded: { ...target.preRollout, source: 'pre-rollout' } }
  }
  return {}
}

function failedMarks(workload: KubeObject, notes: string[]): FailedRevisionMark[] {
  const raw = workload.metadata.annotations?.[FAILED_REVISION_ANNOTATION]
  if (raw === undefined) return []
  const read = parseFailedMarks(raw)
  if (read.ok) return read.value
  notes.push(`the ${FAILED_REVISION_ANNOTATION} annotation could not be read (${read.reason}); it will be replaced`)
  return []
}

export interface ReadWorkload {
  kind: WorkloadKindName
  object: KubeObject
  /** The history objects listed by the workload's selector (ReplicaSets / ControllerRevisions). */
  listed: KubeObject[]
  revisions: WorkloadRevisions
}

/** GET the workload and LIST its history (kubectl's selector), for a decision on the live state. */
export async function readWorkload(
  api: KubeApi,
  kind: WorkloadKindName,
  ref: TargetRef
): Promise<ReadWorkload | undefined> {
  const object = await api.get(RESOURCES[kind], ref.namespace, ref.name)
  return object ? withHistory(api, kind, ref, object) : undefined
}

/** LISTs the history of a workload already read. */
async function withHistory(
  api: KubeApi,
  kind: WorkloadKindName,
  ref: TargetRef,
  object: KubeObject
): Promise<ReadWorkload> {
  const history = historyViewer(kind)
  const listed = await api.list(history.resource, ref.namespace, { labelSelector: history.listSelector(object) })
  return { kind, object, listed, revisions: workloadRevisions(kind, object, listed) }
}

/** How long a rollback waits for the workload's controller to catch up with its latest spec before deciding. */
const SETTLE_WAIT_MS = 5000
const SETTLE_POLL_MS = 100

function observedByController(object: KubeObject): boolean {
  const observed = (object.status as { observedGeneration?: number } | undefined)?.observedGeneration
  // Without either number there is nothing to wait for (a status this controller does not keep).
  return observed === undefined || object.metadata.generation === undefined || observed >= object.metadata.generation
}

/**
 * Reads the workload once its controller has observed its latest spec. Right after another writer's
 * change (a racing run's undo, a deploy) the ReplicaSets and revision numbers still describe the old
 * spec, and a decision on them misnames the revisions; a moment later they agree.
 */
async function readSettled(
  deps: RollbackDeps,
  kind: WorkloadKindName,
  ref: TargetRef
): Promise<{ settled: true; read: ReadWorkload } | { settled: false; object: KubeObject } | undefined> {
  const deadline = Date.now() + SETTLE_WAIT_MS
  for (;;) {
    // Only the workload is polled: its history is listed once, for the state the decision is made on.
    const object = await deps.api.get(RESOURCES[kind], ref.namespace, ref.name)
    if (!object) return undefined
    if (observedByController(object)) return { settled: true, read: await withHistory(deps.api, kind, ref, object) }
    if (Date.now() >= deadline || deps.helmCluster?.signal?.aborted) return { settled: false, object }
    await sleep(SETTLE_POLL_MS, deps.helmCluster?.signal)
  }
}

/** The workload's pods with the revision each runs and the terminal signals it shows. */
async function revisionPods(api: KubeApi, read: ReadWorkload): Promise<RevisionPod[]> {
  const selector = selectorToString(selectorOf(read.object))
  if (!selector) return []
  const pods = await api.list<Pod>(RESOURCES.Pod, read.object.metadata.namespace, { labelSelector: selector })
  const label = read.kind === 'Deployment' ? POD_TEMPLATE_HASH : 'controller-revision-hash'
  return pods.map((pod) => {
    const value = pod.metadata.labels?.[label]
    return {
      name: pod.metadata.name,
      ...(value ? { templateHash: hashOfHistoryObject(read.object.metadata.name, value) } : {}),
      signals: podHealth(pod).signals.map((signal) => signal.reason)
    }
  })
}

export async function rollBackTarget(
  target: TargetToRollBack,
  settings: RollbackSettings,
  deps: RollbackDeps
): Promise<TargetRollbackReport> {
  const { ref } = target
  const kind = workloadKindName(ref.kind, ref.apiVersion)
  if (!kind)
    return notStarted(
      ref,
      `no rollbacker has been implemented for "${ref.kind}": ${ref.kind}/${ref.name} was left as it is`
    )
  const settled = await readSettled(deps, kind, ref)
  if (!settled)
    return notStarted(
      ref,
      `${kind.toLowerCase()}/${ref.name} no longer exists in ${ref.namespace}: nothing to roll back`
    )
  if (!settled.settled)
    return notStarted(
      ref,
      `${kind.toLowerCase()}/${ref.name} is being changed right now (its controller has not observed generation ${settled.object.metadata.generation ?? '?'} yet): someone else is acting; not rolling back — check \`kubectl rollout status\` and run again if needed`
    )
  const { read } = settled

  const notes: string[] = []
  const { revisions } = read
  if (settings.trigger === 'verdict' && !target.judged)
    return notStarted(
      ref,
      `${kind.toLowerCase()}/${ref.name} could not be read while it was judged, so deploy-guard cannot tell whether someone changed it since: not rolled back`
    )
  if (target.judged) {
    const guard = checkUnchangedSinceVerdict(target.judged, revisions.state)
    if (!guard.proceed) return notStarted(ref, guard.reason, { notes })
  }
  const current = revisions.current
  if (!current)
    return notStarted(
      ref,
      `cannot tell which revision ${kind.toLowerCase()}/${ref.name} runs: its rollout has not created one yet`
    )
  const marks = failedMarks(read.object, notes)
  const { recorded, snapshot } = recordedRevision(read.object, target, notes)
  const choice = chooseRollbackTarget({
    to: settings.to,
    trigger: settings.trigger,
    recorded,
    current,
    history: withFailedMarks(revisions.history, marks)
  })
  if (!choice.ok) return notStarted(ref, choice.reason, { notes, fromRevision: current.revision })
  const targetPods = checkTargetPodsHealthy(choice, await revisionPods(deps.api, read))
  if (!targetPods.proceed)
    return notStarted(ref, `${targetPods.reason}; nothing was changed`, { notes, fromRevision: current.revision })
  deps.log(`${kind.toLowerCase()}/${ref.name}: ${choice.reason}`)

  const manager = detectManager(read.object, { argocdNamespace: settings.argocdNamespace })
  const path = chooseRollbackPath(manager, { helm: settings.helm, argocd: settings.argocd })
  const common = {
    ref,
    read,
    choice: { revision: choice.revision, templateHash: choice.templateHash },
    marks,
    notes,
    settings,
    deps
  }
  if (path.path === 'refuse')
    return notStarted(ref, path.message, { notes, manual: [path.manualCommand], fromRevision: current.revision })
  if ((manager.managedBy === 'helm' || manager.managedBy === 'argocd') && path.path !== 'kubectl')
    return undoThroughManager({ ...common, manager, snapshot })
  if (path.path === 'kubectl' && path.note) notes.push(path.note)
  return undoWithKubectl(common)
}

/** The command that undoes by hand what deploy-guard would have undone. */
export function manualCommandFor(ref: TargetRef, toRevision: number): string {
  return manualUndoCommands(ref, toRevision)[0]
}
