/**
 * Which way a rollback goes, given who manages the workload (src/act/rollback/management.ts) and the
 * `rollback.helm` / `rollback.argocd` policy. Pure.
 *
 * - Helm (default `helm`): `helm rollback` to a release revision, because the next `helm upgrade`
 *   would revert an undo made behind Helm's back. `kubectl` opts into the plain undo anyway.
 * - Argo CD (default `refuse`): automated sync would revert a plain undo, so deploy-guard refuses and
 *   says what to run; `sync` does what `argocd app rollback` does (auto-sync off, sync operation).
 * - Flux: always refused with what to run. The controller re-applies Git at its next reconcile, and
 *   suspending it is a decision about the whole Kustomization/HelmRelease, not this workload.
 * - Anything else: the plain undo (kubectl's Rollbacker).
 */
import type { Management } from '../kube/workload/management.js'

export type HelmRollbackPolicy = 'helm' | 'kubectl'
export type ArgoRollbackPolicy = 'refuse' | 'sync'

export interface ManagerPolicy {
  /** `rollback.helm`; default `helm`. */
  helm?: HelmRollbackPolicy
  /** `rollback.argocd`; default `refuse`. */
  argocd?: ArgoRollbackPolicy
}

export type RollbackPath =
  /** The plain undo (rollbackerFor(kind)); `note` says why that is a choice when a manager was seen. */
  | { path: 'kubectl'; note?: string }
  | { path: 'helm'; release: string; namespace: string }
  | { path: 'argocd'; application: string; namespace: string; mode: ArgoRollbackPolicy }
  | { path: 'refuse'; manager: 'flux'; message: string; manualCommand: string }

export function chooseRollbackPath(management: Management, policy: ManagerPolicy = {}): RollbackPath {
  switch (management.managedBy) {
    case 'helm':
      if ((policy.helm ?? 'helm') === 'kubectl') {
        return {
          path: 'kubectl',
          note: `Helm release "${management.release}" manages this workload; undoing it directly as configured (rollback.helm: kubectl): the next helm upgrade will revert it, and helm history still shows the failed revision as deployed.`
        }
      }
      return { path: 'helm', release: management.release, namespace: management.namespace }
    case 'argocd':
      return {
        path: 'argocd',
        application: management.application,
        namespace: management.namespace,
        mode: policy.argocd ?? 'refuse'
      }
    case 'flux': {
      const kind = management.kind.toLowerCase()
      const manualCommand = `flux suspend ${kind} ${management.name} -n ${management.namespace}`
      return {
        path: 'refuse',
        manager: 'flux',
        manualCommand,
        message: `Workload managed by Flux ${management.kind} "${management.name}" (namespace "${management.namespace}"): deploy-guard did not roll it back, because Flux would re-apply Git's version at its next reconcile. Revert the change in Git, or suspend it first (\`${manualCommand}\`) and roll back by hand.`
      }
    }
    case 'kubectl':
      return { path: 'kubectl' }
  }
}
