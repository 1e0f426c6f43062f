/**
 * Rollback of an Argo CD-managed workload through its Application (see argocd-plan.ts for the rules).
 * Reads the Application, plans, and sends the one merge patch; a 409 (the Application moved — Argo
 * CD's controller writes it often) re-reads and re-plans, as SetAppOperation does, so every check
 * holds against the object actually patched.
 */
import type { KubeApi } from '../../kube/api.js'
import { ARGO_APPLICATIONS } from '../../gitops/resources.js'
import { shortRevision } from '../../gitops/text.js'
import { planArgoRollback, type ArgoApplicationForRollback, type ArgoRollbackMode } from './argocd-plan.js'
import { isRollbackConflict } from './conflict.js'
import type { ArgoRollbackOutcome } from './managed-types.js'

export interface ArgoRollbackTarget {
  application: string
  /** Where the Application lives (Argo CD's namespace, `argocd` by default). */
  namespace: string
  /** A history id (manual rollback). */
  id?: number
  /** The synced revision the snapshot recorded before the deploy. */
  recordedRevision?: string
}

export interface ArgoRollbackOptions {
  /** `rollback.argocd`: `refuse` (default) or `sync`. */
  mode: ArgoRollbackMode
  dryRun: boolean
  /** `argocd app rollback --prune`; default false. */
  prune?: boolean
  /** Attempts when the Application keeps changing under us (default 4). */
  attempts?: number
}

function syncedMessage(
  name: string,
  toId: number,
  revisions: string[],
  dryRun: boolean,
  reenable: string | undefined
): string {
  const at = revisions.length ? ` (revision ${revisions.map(shortRevision).join(', ')})` : ''
  const did = dryRun
    ? `would ask Argo CD to sync application "${name}" back to history id ${toId}${at}`
    : `asked Argo CD to sync application "${name}" back to history id ${toId}${at}; its controller runs the sync, and the app reads OutOfSync until Git is fixed`
  if (!reenable) return did
  return `${did}. Automated sync ${dryRun ? 'would be' : 'was'} turned off (it would sync straight back to Git): turn it back on once a fix is in Git (\`${reenable}\`).`
}

/**
 * Refuses (default mode), or sets the rollback sync operation (mode `sync`). Refusals come back as
 * `result: 'error'` with a reason and the command to run by hand; API failures other than a
 * conflict are thrown as KubeApiError.
 */
export async function rollbackArgoCd(
  api: KubeApi,
  target: ArgoRollbackTarget,
  options: ArgoRollbackOptions
): Promise<ArgoRollbackOutcome> {
  const { application, namespace } = target
  const base = { manager: 'argocd' as const, application, namespace, dryRun: options.dryRun, autoSyncDisabled: false }
  const attempts = options.attempts ?? 4
  for (let attempt = 1; ; attempt++) {
    const app = await api.get<ArgoApplicationForRollback>(ARGO_APPLICATIONS, namespace, application)
    if (!app) {
      return {
        ...base,
        result: 'error',
        reason: 'not-found',
        message: `The workload is managed by Argo CD application "${application}", but there is no Application "${application}" in namespace "${namespace}": set verify.gitops.argocd.namespace to where Argo CD keeps it.`
      }
    }
    const plan = planArgoRollback({
      app,
      mode: options.mode,
      id: target.id,
      recordedRevision: target.recordedRevision,
      prune: options.prune
    })
    if (plan.action === 'refuse') {
      const { fromId, toId, reason, message, manualCommand } = plan
      return { ...base, result: 'error', fromRevision: fromId, toRevision: toId, reason, message, manualCommand }
    }
    if (plan.action === 'skip') {
      const { fromId, toId, targetRevisions, message } = plan
      return { ...base, result: 'skipped', fromRevision: fromId, toRevision: toId, targetRevisions, message }
    }
    const outcome: ArgoRollbackOutcome = {
      ...base,
      result: 'rolled-back',
      fromRevision: plan.fromId,
      toRevision: plan.toId,
      targetRevisions: plan.targetRevisions,
      patch: plan.patch,
      autoSyncDisabled: plan.removedAutomation !== undefined,
      removedAutomation: plan.removedAutomation,
      reenableCommand: plan.reenableCommand,
      message: syncedMessage(application, plan.toId, plan.targetRevisions, options.dryRun, plan.reenableCommand)
    }
    if (options.dryRun) return outcome
    try {
      await api.patch(ARGO_APPLICATIONS, namespace, application, plan.patch.body, 'merge')
      return outcome
    } catch (error) {
      if (!isRollbackConflict(error)) throw error
      if (attempt >= attempts) {
        return {
          ...base,
          result: 'error',
          reason: 'conflict',
          fromRevision: plan.fromId,
          toRevision: plan.toId,
          message: `Argo CD application "${application}" changed under every one of ${attempts} attempts to set the rollback operation; nothing was changed. Retry, or roll back by hand.`
        }
      }
    }
  }
}
