/**
 * What `helm rollback` deploy-guard runs for a Helm-managed workload, decided from the release's
 * history. Pure: table-tested in test/act/helm-plan.test.ts; helm.ts does the reading and running.
 *
 * The target: the revision asked for (a manual rollback), else the release revision the snapshot
 * recorded before the deploy, else the newest revision below the current one whose status is
 * `deployed` or `superseded` — a revision that once ran. Helm's own default (pkg/action/rollback.go)
 * is `current − 1` whatever its status, which after two failed upgrades in a row goes back to a
 * failed one; naming the revision on the command line avoids that.
 */
import type { HelmRollbackRefusal } from './managed-types.js'
import { shellWord } from '../../util/shell.js'

/** One release revision as Helm stores it (the fields the plan needs). */
export interface HelmRevision {
  version: number
  /** `deployed`, `superseded`, `failed`, `pending-upgrade`, … (helm pkg/release/status.go) */
  status?: string
  description?: string
}

export interface HelmPlanInput {
  release: string
  namespace: string
  history: readonly HelmRevision[]
  /** An explicit revision (the manual workflow's `revision`). */
  toRevision?: number
  /** The revision the snapshot recorded before the deploy. */
  recordedRevision?: number
}

export type HelmRollbackPlan =
  | { action: 'rollback'; fromRevision: number; toRevision: number; targetStatus?: string }
  | { action: 'skip'; fromRevision: number; toRevision: number; message: string }
  | { action: 'refuse'; fromRevision?: number; reason: HelmRollbackRefusal; message: string }

const RESTORABLE = new Set(['deployed', 'superseded'])

/** The newest revision below `current` that once ran (deployed or superseded), or undefined. */
export function previousDeployedRevision(history: readonly HelmRevision[], current: number): number | undefined {
  let best: number | undefined
  for (const revision of history) {
    if (
      revision.version < current &&
      RESTORABLE.has(revision.status ?? '') &&
      (best === undefined || revision.version > best)
    )
      best = revision.version
  }
  return best
}

export function planHelmRollback(input: HelmPlanInput): HelmRollbackPlan {
  const { release, namespace, history } = input
  const quoted = `Helm release "${release}"`
  if (history.length === 0) {
    return {
      action: 'refuse',
      reason: 'release-not-found',
      message: `${quoted} was not found in namespace "${namespace}" (no Secrets labelled owner=helm,name=${release}); check the meta.helm.sh/release-name and meta.helm.sh/release-namespace annotations of the workload.`
    }
  }
  const latest = history.reduce((a, b) => (b.version > a.version ? b : a))
  const fromRevision = latest.version
  if (latest.status?.startsWith('pending-')) {
    return {
      action: 'refuse',
      fromRevision,
      reason: 'operation-in-progress',
      message: `${quoted} has an operation in progress (revision ${fromRevision} is ${latest.status}); Helm refuses to roll back until it ends. If it was interrupted, see \`helm history ${release} -n ${namespace}\`.`
    }
  }
  const asked = input.toRevision ?? input.recordedRevision
  const toRevision = asked ?? previousDeployedRevision(history, fromRevision)
  if (toRevision === undefined) {
    return {
      action: 'refuse',
      fromRevision,
      reason: 'no-previous',
      message: `${quoted} has no deployed or superseded revision before revision ${fromRevision} to roll back to.`
    }
  }
  const target = history.find((revision) => revision.version === toRevision)
  if (!target) {
    const versions = history.map((revision) => revision.version)
    const kept = `revisions ${Math.min(...versions)}–${Math.max(...versions)}`
    const source = input.toRevision !== undefined ? 'asked for' : 'recorded by the snapshot'
    return {
      action: 'refuse',
      fromRevision,
      reason: 'revision-not-found',
      message: `${quoted} has no revision ${toRevision} (${source}); it keeps ${kept} (older ones are pruned by --history-max).`
    }
  }
  if (toRevision === fromRevision) {
    return {
      action: 'skip',
      fromRevision,
      toRevision,
      message: `skipped rollback (${quoted} is still at revision ${toRevision}: the deploy did not change the release)`
    }
  }
  return { action: 'rollback', fromRevision, toRevision, targetStatus: target.status }
}

export interface HelmCommandInput {
  release: string
  namespace: string
  toRevision: number
  /** Helm's `--timeout` (its wait for the restored resources), in milliseconds; rounded up to seconds. */
  timeoutMs: number
  kubeconfigPath?: string
  context?: string
}

/** The argv of `helm rollback` (without `helm`). */
export function helmRollbackArgs(input: HelmCommandInput): string[] {
  const seconds = Math.max(1, Math.ceil(input.timeoutMs / 1000))
  const args = ['rollback', input.release, String(input.toRevision), '--namespace', input.namespace, '--wait']
  args.push('--timeout', `${seconds}s`)
  if (input.kubeconfigPath) args.push('--kubeconfig', input.kubeconfigPath)
  if (input.context) args.push('--kube-context', input.context)
  return args
}

/**
 * The command line for the report and for a human to copy: the kubeconfig path is left out (it is a
 * temporary file of this runner; the reader has their own), the context is kept.
 */
export function helmCommandLine(input: HelmCommandInput): string {
  const args = helmRollbackArgs({ ...input, kubeconfigPath: undefined })
  return ['helm', ...args].map(shellWord).join(' ')
}
