/**
 * Rollback of a workload that has a manager which would revert a plain undo: a Helm release (the next
 * `helm upgrade` re-applies the bad chart) or an Argo CD Application (auto-sync re-applies Git). The
 * undo goes through the manager (helm.ts, argocd.ts) and, once it landed, the restored revision is
 * judged with verify's checks like any other.
 */
import type { TargetRollbackReport } from '../../model/rollback.js'
import type { RollbackProgress } from '../../model/rollback-progress.js'
import type { TargetSnapshot } from '../../model/snapshot.js'
import { rollbackArgoCd } from './argocd.js'
import { rollbackHelm } from './helm.js'
import type { UndoContext } from './kubectl-path.js'
import type { ArgoRollbackOutcome, HelmRollbackOutcome } from './managed-types.js'
import type { Management } from '../../kube/workload/management.js'
import { rolloutStatusCommand } from '../../decide/rollback-outcome.js'

type ManagerContext = UndoContext & {
  manager: Extract<Management, { managedBy: 'helm' | 'argocd' }>
  /** The workload's snapshot, when it has a usable one: it names the manager's revision too. */
  snapshot?: TargetSnapshot
}

async function runManager(ctx: ManagerContext): Promise<HelmRollbackOutcome | ArgoRollbackOutcome> {
  const { settings, deps, manager, snapshot } = ctx
  // An explicit number names the manager's own revision (Helm release revision, Argo CD history id).
  const explicit = typeof settings.to === 'number' ? settings.to : undefined
  if (manager.managedBy === 'helm') {
    return rollbackHelm(
      deps.api,
      {
        release: manager.release,
        namespace: manager.namespace,
        ...(explicit !== undefined ? { toRevision: explicit } : {}),
        ...(settings.to === 'recorded' && snapshot?.helm ? { recordedRevision: snapshot.helm.revision } : {})
      },
      {
        dryRun: settings.dryRun,
        timeoutMs: deps.helmCluster?.timeoutMs ?? 300_000,
        kubeconfigPath: deps.helmCluster?.kubeconfigPath,
        context: deps.helmCluster?.context,
        signal: deps.helmCluster?.signal
      }
    )
  }
  return rollbackArgoCd(
    deps.api,
    {
      application: manager.application,
      namespace: manager.namespace,
      ...(explicit !== undefined ? { id: explicit } : {}),
      ...(settings.to === 'recorded' && snapshot?.argocd ? { recordedRevision: snapshot.argocd.syncedRevision } : {})
    },
    { mode: settings.argocd, dryRun: settings.dryRun }
  )
}

function changeOf(outcome: HelmRollbackOutcome | ArgoRollbackOutcome): TargetRollbackReport['change'] {
  if (outcome.manager === 'helm') return outcome.command ? { kind: 'command', command: outcome.command } : undefined
  return outcome.patch ? { kind: 'patch', patchType: outcome.patch.type, body: outcome.patch.body } : undefined
}

/** Reasons meaning the manager's rollback was tried and did not go through (or could not run at all). */
const FAILED_REASONS = new Set<string>(['helm-not-found', 'helm-failed', 'conflict'])

/**
 * A manager's refusal of a rollback it must not do (Argo CD with auto-sync by default, an operation in
 * progress, no earlier revision) is a guard rail: `refused`. A rollback tried and failed is `failed`.
 */
function endState(outcome: HelmRollbackOutcome | ArgoRollbackOutcome): TargetRollbackReport['state'] {
  if (outcome.result === 'skipped') return 'refused'
  return outcome.reason === undefined || FAILED_REASONS.has(outcome.reason) ? 'failed' : 'refused'
}

export async function undoThroughManager(ctx: ManagerContext): Promise<TargetRollbackReport> {
  const { ref, settings, deps, notes, manager } = ctx
  const method = manager.managedBy
  const label = `${ref.kind.toLowerCase()}/${ref.name}`
  const owner =
    manager.managedBy === 'helm' ? `Helm release "${manager.release}"` : `Argo CD application "${manager.application}"`
  notes.push(
    `${label} is managed by ${owner} (${manager.evidence}): rolled back through it, since a plain undo would be reverted`
  )
  const progress = (p: Partial<RollbackProgress>): void => {
    if (settings.dryRun) return
    deps.journal.record({
      phase: 'decided',
      target: { kind: ref.kind, name: ref.name, namespace: ref.namespace },
      method,
      reason: settings.reason,
      manualCommand: '',
      at: deps.now().toISOString(),
      ...p
    })
  }
  progress({ phase: 'patching' })
  const outcome = await runManager(ctx)
  const base = {
    ref,
    method,
    notes,
    dryRun: settings.dryRun,
    fromRevision: outcome.fromRevision,
    toRevision: outcome.toRevision,
    change: changeOf(outcome),
    message: outcome.message
  }
  const manual = outcome.manualCommand ? [outcome.manualCommand] : []
  if (outcome.result === 'error' || outcome.result === 'skipped') {
    const state = endState(outcome)
    progress({
      phase: outcome.result === 'skipped' ? 'skipped' : state === 'refused' ? 'refused' : 'failed',
      reason: outcome.message,
      manualCommand: manual[0] ?? ''
    })
    // A manager that refused or failed: whether helm wrote a failed revision is in its message.
    return { ...base, state, summary: outcome.message, manual }
  }
  if (settings.dryRun) {
    return { ...base, state: 'dry-run', summary: `dry run: ${outcome.message}; nothing was changed`, manual }
  }
  const status = rolloutStatusCommand(ref)
  progress({ phase: 'waiting', reason: outcome.message, manualCommand: status })
  const restored = await deps.verifyRestored(ref, deps.now())
  const healthy = restored.verdict === 'passed'
  if (restored.verdict !== undefined)
    progress({ phase: healthy ? 'verified' : 'unhealthy', reason: outcome.message, manualCommand: status })
  const summary = healthy
    ? `${label} was rolled back through ${owner}: ${outcome.message}; the restored version is healthy`
    : `${label} was rolled back through ${owner}: ${outcome.message}; but the restored version is ${restored.verdict ?? 'not verified'}: the rollback is half done`
  return {
    ...base,
    state: healthy ? 'rolled-back' : restored.verdict ? 'rolled-back-unhealthy' : 'rolled-back-unverified',
    summary,
    manual: healthy ? [] : [status, ...manual],
    restored: restored.result,
    restoredVerdict: restored.verdict
  }
}
