/**
 * What deploy-guard does for an Argo CD-managed workload, decided from its Application. Pure:
 * table-tested in test/act/argocd-plan.test.ts; argocd.ts reads the Application and sends the patch.
 *
 * A plain undo does not last under Argo CD: automated sync puts Git's (bad) version back at once
 * (with selfHeal) or at the next commit, and the app reads OutOfSync meanwhile. So by default
 * deploy-guard refuses and says what to run. With `rollback.argocd: sync` it does what
 * `argocd app rollback APP [ID]` does (argo-cd cmd/argocd/commands/app.go findRevisionHistory,
 * server/application/application.go Rollback, util/argo SetAppOperation), through the Kubernetes API:
 * - refuse when the Application is being deleted, or another operation is set (`operation`);
 * - pick the history entry: the given id; else the newest entry at the revision the snapshot
 *   recorded; else `history[len-2]` ("should have at least two successful deployments");
 * - refuse an entry without a source (deployed by Argo CD ≤ 0.11, as the server does);
 * - turn automated sync off (the server refuses a rollback while it is on, because the controller
 *   would sync straight back to Git) and set `operation.sync` to the entry's revision and source
 *   (or sources and revisions), syncOptions from spec.syncPolicy, the apply strategy, initiated by
 *   `deploy-guard`, clearing `status.operationState` — in one merge patch guarded by resourceVersion.
 * Argo CD's controller then runs the sync; the app stays OutOfSync until Git is fixed, and automated
 * sync must be turned back on by a human after that.
 */
import type { KubeObject } from '../../kube/api.js'
import { revisionsMatch } from '../../gitops/argocd.js'
import { shortRevision } from '../../gitops/text.js'
import { shellWord } from '../../util/shell.js'
import type { ArgoRollbackPatch, ArgoRollbackRefusal } from './managed-types.js'
import { DEFAULT_ARGOCD_NAMESPACE } from '../../kube/workload/management.js'

/** One entry of status.history (argo-cd RevisionHistory). */
export interface ArgoHistoryEntry {
  id?: number
  revision?: string
  revisions?: string[]
  source?: Record<string, unknown>
  sources?: Array<Record<string, unknown>>
  deployedAt?: string
}

/** The parts of an Application the rollback reads. */
export interface ArgoApplicationForRollback extends KubeObject {
  spec?: {
    syncPolicy?: { automated?: Record<string, unknown> | null; syncOptions?: string[] } | null
  }
  operation?: unknown
  status?: {
    history?: ArgoHistoryEntry[]
    sync?: { revision?: string; revisions?: string[] }
  }
}

/** `refuse` (default): report and leave it; `sync`: do what `argocd app rollback` does. */
export type ArgoRollbackMode = 'refuse' | 'sync'

export interface ArgoPlanInput {
  app: ArgoApplicationForRollback
  mode: ArgoRollbackMode
  /** A history id (the manual workflow's `revision`). */
  id?: number
  /** The synced revision the snapshot recorded before the deploy. */
  recordedRevision?: string
  /** `argocd app rollback --prune`: delete what the older revision does not have. Default false, as the CLI. */
  prune?: boolean
}

export type ArgoRollbackPlan =
  | {
      action: 'sync'
      fromId?: number
      toId: number
      targetRevisions: string[]
      patch: ArgoRollbackPatch
      /** The automated-sync settings the patch removes (undefined when auto-sync was off). */
      removedAutomation?: Record<string, unknown>
      /** What to run once Git is fixed, when auto-sync was turned off. */
      reenableCommand?: string
    }
  | { action: 'skip'; fromId?: number; toId: number; targetRevisions: string[]; message: string }
  | {
      action: 'refuse'
      fromId?: number
      toId?: number
      reason: ArgoRollbackRefusal
      message: string
      manualCommand?: string
    }

const INITIATOR = 'deploy-guard'

/** Automated sync is on when `automated` is set and not `enabled: false` (Argo CD ≥ 3.1 can keep it off in place). */
export function autoSyncEnabled(app: ArgoApplicationForRollback): boolean {
  const automated = app.spec?.syncPolicy?.automated
  return automated !== undefined && automated !== null && automated.enabled !== false
}

function entryRevisions(entry: ArgoHistoryEntry): string[] {
  if (entry.revisions && entry.revisions.length > 0) return entry.revisions
  return entry.revision ? [entry.revision] : []
}

function hasFields(value: object | undefined): boolean {
  return value !== undefined && value !== null && Object.keys(value).length > 0
}

/** The CLI's app argument: `--app-namespace` only when the app is outside Argo CD's usual namespace. */
function appArgs(app: ArgoApplicationForRollback): string[] {
  const namespace = app.metadata.namespace
  const args = [app.metadata.name]
  if (namespace && namespace !== DEFAULT_ARGOCD_NAMESPACE) args.push('--app-namespace', namespace)
  return args
}

const command = (words: string[]): string => words.map(shellWord).join(' ')

function rollbackCommand(app: ArgoApplicationForRollback, id: number | undefined): string {
  const [name, ...rest] = appArgs(app)
  return command(['argocd', 'app', 'rollback', name!, ...(id === undefined ? ['ID'] : [String(id)]), ...rest])
}

function disableCommand(app: ArgoApplicationForRollback): string {
  return command(['argocd', 'app', 'set', ...appArgs(app), '--sync-policy', 'none'])
}

function reenableCommand(app: ArgoApplicationForRollback, automated: Record<string, unknown>): string {
  const flags = ['--sync-policy', 'automated']
  if (automated.prune === true) flags.push('--auto-prune')
  if (automated.selfHeal === true) flags.push('--self-heal')
  return command(['argocd', 'app', 'set', ...appArgs(app), ...flags])
}

type Pick = { entry: ArgoHistoryEntry } | { reason: ArgoRollbackRefusal; message: string }

/** The history entry to roll back to (argo-cd findRevisionHistory, plus the snapshot's revision). */
export function pickHistoryEntry(
  app: ArgoApplicationForRollback,
  id: number | undefined,
  recordedRevision: string | undefined
): Pick {
  const history = app.status?.history ?? []
  const name = app.metadata.name
  if (id !== undefined) {
    const entry = history.find((h) => h.id === id)
    return entry
      ? { entry }
      : { reason: 'history-id-not-found', message: `application ${name} does not have deployment with id ${id}` }
  }
  if (recordedRevision) {
    const entry = [...history].reverse().find((h) => entryRevisions(h).some((r) => revisionsMatch(recordedRevision, r)))
    return entry
      ? { entry }
      : {
          reason: 'recorded-not-in-history',
          message: `no entry in the history of application ${name} is at the revision the snapshot recorded (${shortRevision(recordedRevision)}); Argo CD keeps the last spec.revisionHistoryLimit (default 10) syncs`
        }
  }
  if (history.length < 2) {
    return {
      reason: 'history-too-short',
      message: `application '${name}' should have at least two successful deployments`
    }
  }
  return { entry: history[history.length - 2]! }
}

function operationPatch(
  app: ArgoApplicationForRollback,
  entry: ArgoHistoryEntry,
  prune: boolean,
  toId: number,
  disableAutoSync: boolean
): ArgoRollbackPatch {
  const multiSource = (entry.sources?.length ?? 0) > 0
  const sync: Record<string, unknown> = multiSource
    ? { revisions: entry.revisions ?? [], sources: entry.sources }
    : { revision: entry.revision, source: entry.source }
  sync.prune = prune
  const syncOptions = app.spec?.syncPolicy?.syncOptions
  if (syncOptions && syncOptions.length > 0) sync.syncOptions = syncOptions
  sync.syncStrategy = { apply: {} }
  const body: Record<string, unknown> = {
    metadata: { resourceVersion: app.metadata.resourceVersion },
    operation: {
      sync,
      initiatedBy: { username: INITIATOR },
      info: [{ name: 'Reason', value: `deploy-guard rollback to history id ${toId}` }]
    },
    // SetAppOperation clears the last operation's state so the new one is not read as finished.
    status: { operationState: null }
  }
  if (!app.metadata.resourceVersion) delete body.metadata
  if (disableAutoSync) body.spec = { syncPolicy: { automated: null } }
  return { type: 'merge', body }
}

function sameRevisions(a: string[], b: string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((revision, i) => revisionsMatch(revision, b[i]!))
}

export function planArgoRollback(input: ArgoPlanInput): ArgoRollbackPlan {
  const { app } = input
  const name = app.metadata.name
  const history = app.status?.history ?? []
  const last = history[history.length - 1]
  const fromId = last?.id
  if (app.metadata.deletionTimestamp) {
    return {
      action: 'refuse',
      fromId,
      reason: 'deleting',
      message: `Argo CD application "${name}" is being deleted (application is deleting); nothing to roll back.`
    }
  }
  const picked = pickHistoryEntry(app, input.id, input.recordedRevision)
  const toId = 'entry' in picked ? picked.entry.id : undefined
  const autoSync = autoSyncEnabled(app)

  if (input.mode === 'refuse') {
    const manual = autoSync ? `${disableCommand(app)} && ${rollbackCommand(app, toId)}` : rollbackCommand(app, toId)
    const why = autoSync
      ? `its automated sync would put Git's version straight back after a plain undo. Roll back through Argo CD: disable auto-sync first, then roll back (\`${manual}\`), and re-enable auto-sync once a fix is in Git`
      : `a plain undo would leave it OutOfSync and the next sync would put Git's version back. Roll back through Argo CD (\`${manual}\`)`
    return {
      action: 'refuse',
      fromId,
      toId,
      reason: autoSync ? 'auto-sync' : 'manual-only',
      message: `Workload managed by Argo CD application "${name}": deploy-guard did not roll it back, because ${why}; or set \`rollback.argocd: sync\` to let deploy-guard do this.`,
      manualCommand: manual
    }
  }

  if (!('entry' in picked)) return { action: 'refuse', fromId, reason: picked.reason, message: picked.message }
  const entry = picked.entry
  if (entry.id === undefined) {
    return {
      action: 'refuse',
      fromId,
      reason: 'history-id-not-found',
      message: `the chosen history entry of application ${name} has no id`
    }
  }
  const targetRevisions = entryRevisions(entry)
  if (!hasFields(entry.source) && !entry.sources?.length) {
    return {
      action: 'refuse',
      fromId,
      toId: entry.id,
      reason: 'no-source',
      message: 'cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.'
    }
  }
  if (
    entry === last &&
    sameRevisions(
      targetRevisions,
      app.status?.sync?.revisions?.length ? app.status.sync.revisions : [app.status?.sync?.revision ?? '']
    )
  ) {
    return {
      action: 'skip',
      fromId,
      toId: entry.id,
      targetRevisions,
      message: `skipped rollback (Argo CD application "${name}" is still synced to history id ${entry.id}, revision ${targetRevisions.map(shortRevision).join(', ')}: the deploy did not change it)`
    }
  }
  if (app.operation !== undefined && app.operation !== null) {
    return {
      action: 'refuse',
      fromId,
      toId: entry.id,
      reason: 'operation-in-progress',
      message: `Argo CD application "${name}": another operation is already in progress; wait for it or stop it (\`${command(['argocd', 'app', 'terminate-op', ...appArgs(app)])}\`), then roll back.`,
      manualCommand: rollbackCommand(app, entry.id)
    }
  }
  const removedAutomation = autoSync ? (app.spec?.syncPolicy?.automated ?? undefined) : undefined
  return {
    action: 'sync',
    fromId,
    toId: entry.id,
    targetRevisions,
    patch: operationPatch(app, entry, input.prune ?? false, entry.id, autoSync),
    removedAutomation: removedAutomation ?? undefined,
    reenableCommand: removedAutomation ? reenableCommand(app, removedAutomation) : undefined
  }
}
