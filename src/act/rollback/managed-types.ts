/**
 * Outcomes of a rollback that goes through the workload's manager (Helm, Argo CD) instead of a plain
 * undo. Shaped like RollbackOutcome (result, fromRevision/toRevision, dryRun, message) so one report
 * renders all three; what was done is a command line or a list of patches instead of one patch.
 */
export interface ManagedRollbackOutcomeBase {
  /** `error` covers refusals too (as RollbackOutcome does for kubectl's): `reason` says which. */
  result: 'rolled-back' | 'skipped' | 'error'
  dryRun: boolean
  /** One or two sentences a human can act on. Outside text in it (names, helm's words) is not escaped. */
  message: string
  /** What to run by hand when deploy-guard did not (or could not finish): a copy-paste command line. */
  manualCommand?: string
}

export type HelmRollbackRefusal =
  | 'release-not-found'
  | 'operation-in-progress'
  | 'no-previous'
  | 'revision-not-found'
  | 'helm-not-found'
  | 'helm-failed'

export interface HelmRollbackOutcome extends ManagedRollbackOutcomeBase {
  manager: 'helm'
  release: string
  namespace: string
  /** The release revision current before the rollback (Helm's `Last`). */
  fromRevision?: number
  /** The release revision restored. */
  toRevision?: number
  /** The revision `helm rollback` wrote (current + 1), and its status after the command. */
  newRevision?: { version: number; status?: string; description?: string }
  /** The command line run (or, in a dry run, that would run); no kubeconfig path in it. */
  command?: string
  /** The end of helm's stderr, bounded (outside text). */
  stderr?: string
  reason?: HelmRollbackRefusal
}

export type ArgoRollbackRefusal =
  | 'not-found'
  | 'auto-sync'
  | 'manual-only'
  | 'deleting'
  | 'operation-in-progress'
  | 'history-too-short'
  | 'history-id-not-found'
  | 'recorded-not-in-history'
  | 'no-source'
  | 'conflict'

/**
 * The one write of an Argo CD rollback: a JSON merge patch that, atomically, removes automated sync,
 * sets the sync operation and clears the last operation's state (argo-cd util/argo SetAppOperation),
 * guarded by the resourceVersion read. One write, so there is no state where auto-sync is off but no
 * rollback was asked for.
 */
export interface ArgoRollbackPatch {
  type: 'merge'
  body: Record<string, unknown>
}

export interface ArgoRollbackOutcome extends ManagedRollbackOutcomeBase {
  manager: 'argocd'
  application: string
  namespace: string
  /** status.history id of the entry live before (the last one). */
  fromRevision?: number
  /** status.history id rolled back to. */
  toRevision?: number
  /** Git revision(s) (or chart versions) of the entry rolled back to. */
  targetRevisions?: string[]
  /** The patch sent (or that would be sent). */
  patch?: ArgoRollbackPatch
  /** True when deploy-guard turned automated sync off (or would, in a dry run): it must be turned back on. */
  autoSyncDisabled: boolean
  /** The automated-sync settings removed, so that they can be restored as they were. */
  removedAutomation?: Record<string, unknown>
  /** When auto-sync was turned off: the command that turns it back on as it was (to run once Git is fixed). */
  reenableCommand?: string
  reason?: ArgoRollbackRefusal
}
