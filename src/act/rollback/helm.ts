/**
 * Rollback of a Helm-managed workload through `helm rollback`. A plain undo behind Helm's back lasts
 * only until the next `helm upgrade` (Helm's three-way merge re-applies the release's manifest), and
 * leaves `helm history` saying the bad revision is deployed; `helm rollback` writes a new release
 * revision ("Rollback to N") and restores every object of the release, not only this workload.
 *
 * The release history is read through KubeApi (the Secrets Helm 3 stores it in), the plan is pure
 * (helm-plan.ts), and helm runs against the same cluster deploy-guard uses: the kubeconfig file and
 * context are inputs, passed both as KUBECONFIG and as --kubeconfig/--kube-context.
 */
import type { KubeApi } from '../../kube/api.js'
import { decodeHelmRelease } from '../../gitops/helm-decode.js'
import type { HelmReleaseSecret } from '../../gitops/helm.js'
import { SECRETS } from '../../gitops/resources.js'
import { findExecutable, helmNotFoundMessage, runCli, type CliRun } from './helm-cli.js'
import {
  helmCommandLine,
  helmRollbackArgs,
  planHelmRollback,
  type HelmCommandInput,
  type HelmRevision
} from './helm-plan.js'
import type { HelmRollbackOutcome } from './managed-types.js'

export interface HelmRollbackTarget {
  release: string
  /** The release's namespace (where its Secrets are), from meta.helm.sh/release-namespace. */
  namespace: string
  /** An explicit release revision (manual rollback). */
  toRevision?: number
  /** The release revision the snapshot recorded before the deploy. */
  recordedRevision?: number
}

export interface HelmRollbackOptions {
  dryRun: boolean
  /** Budget for the whole rollback, ms: helm's --timeout (its wait), plus a grace before it is stopped. */
  timeoutMs: number
  /** The kubeconfig file deploy-guard uses (undefined: helm's default, i.e. KUBECONFIG or ~/.kube/config). */
  kubeconfigPath?: string
  context?: string
  /** `helm` by default, looked up on env.PATH; a path is used as is. */
  helmBinary?: string
  /** The environment helm runs with (default process.env); PATH is searched from it. */
  env?: NodeJS.ProcessEnv
  signal?: AbortSignal
}

/** Time helm is given after its own --timeout to report and exit before it is stopped. */
const EXIT_GRACE_MS = 30_000

/** The release's revisions from its Secrets (Helm 3 storage); the Secret's labels when one cannot be decoded. */
export async function readHelmHistory(api: KubeApi, release: string, namespace: string): Promise<HelmRevision[]> {
  const secrets = await api.list<HelmReleaseSecret>(SECRETS, namespace, {
    labelSelector: `owner=helm,name=${release}`
  })
  const revisions: HelmRevision[] = []
  for (const secret of secrets) {
    const labels = secret.metadata.labels ?? {}
    let revision: HelmRevision | undefined
    try {
      const record = secret.data?.release ? decodeHelmRelease(secret.data.release) : undefined
      if (record && Number.isInteger(record.version)) {
        revision = {
          version: record.version as number,
          status: record.info?.status,
          description: record.info?.description
        }
      }
    } catch {
      // An unreadable record still has Helm's labels, which say the same for what we need.
    }
    revision ??= { version: Number(labels.version), status: labels.status }
    if (Number.isInteger(revision.version)) revisions.push(revision)
  }
  return revisions.sort((a, b) => a.version - b.version)
}

/** The last line of helm's stderr that says something (`Error: …`), for a one-line message. */
function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const error = [...lines].reverse().find((line) => line.startsWith('Error:'))
  const line = error ?? lines[lines.length - 1] ?? ''
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

function newRevisionAfter(history: HelmRevision[], fromRevision: number): HelmRollbackOutcome['newRevision'] {
  const newest = history[history.length - 1]
  return newest && newest.version > fromRevision
    ? { version: newest.version, status: newest.status, description: newest.description }
    : undefined
}

function failureMessage(run: CliRun, command: HelmCommandInput, after: HelmRollbackOutcome['newRevision']): string {
  const seconds = Math.ceil(command.timeoutMs / 1000)
  const what = run.stopped
    ? `\`helm rollback\` did not finish within ${seconds}s (plus grace) or the run was cancelled, and was stopped`
    : `\`helm rollback\` failed (exit ${run.code ?? run.signal ?? 'unknown'})${lastLine(run.stderr) ? `: ${lastLine(run.stderr)}` : ''}`
  const state = after
    ? `; Helm recorded revision ${after.version} as ${after.status ?? 'without status'}`
    : '; Helm recorded no new revision'
  return `${what}${state}. Check \`helm history ${command.release} -n ${command.namespace}\` and finish by hand.`
}

/**
 * Rolls the release back with `helm rollback RELEASE REVISION --wait --timeout … -n NS`. A dry run
 * reports the exact command and runs nothing (but every check, helm on PATH included, still runs).
 * Refusals and helm's failures come back as `result: 'error'`; API failures reading the history
 * are thrown as KubeApiError.
 */
export async function rollbackHelm(
  api: KubeApi,
  target: HelmRollbackTarget,
  options: HelmRollbackOptions
): Promise<HelmRollbackOutcome> {
  const { release, namespace } = target
  const base = { manager: 'helm' as const, release, namespace, dryRun: options.dryRun }
  const plan = planHelmRollback({ ...target, history: await readHelmHistory(api, release, namespace) })
  if (plan.action === 'refuse') {
    return { ...base, result: 'error', fromRevision: plan.fromRevision, reason: plan.reason, message: plan.message }
  }
  if (plan.action === 'skip') {
    const { fromRevision, toRevision, message } = plan
    return { ...base, result: 'skipped', fromRevision, toRevision, message }
  }
  const { fromRevision, toRevision } = plan
  const commandInput: HelmCommandInput = {
    release,
    namespace,
    toRevision,
    timeoutMs: options.timeoutMs,
    kubeconfigPath: options.kubeconfigPath,
    context: options.context
  }
  const command = helmCommandLine(commandInput)
  const planned = { ...base, fromRevision, toRevision, command, manualCommand: command }
  const env = options.env ?? process.env
  const binary = findExecutable(options.helmBinary ?? 'helm', env)
  if (!binary) return { ...planned, result: 'error', reason: 'helm-not-found', message: helmNotFoundMessage() }
  if (options.dryRun) {
    return { ...planned, result: 'rolled-back', message: `would run: ${command}` }
  }

  let run: CliRun
  try {
    run = await runCli(binary, helmRollbackArgs(commandInput), {
      env: options.kubeconfigPath ? { ...env, KUBECONFIG: options.kubeconfigPath } : env,
      timeoutMs: options.timeoutMs + EXIT_GRACE_MS,
      signal: options.signal
    })
  } catch (error) {
    // The process never started (removed since the lookup, not executable): nothing was changed.
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      return { ...planned, result: 'error', reason: 'helm-not-found', message: helmNotFoundMessage() }
    const why = error instanceof Error ? error.message : String(error)
    return {
      ...planned,
      result: 'error',
      reason: 'helm-failed',
      message: `could not start ${binary}: ${why}; nothing was changed.`
    }
  }
  const newRevision = newRevisionAfter(await readHelmHistory(api, release, namespace), fromRevision)
  const stderr = run.stderr.trim() || undefined
  if (run.code === 0 && !run.stopped) {
    const at = newRevision
      ? ` as revision ${newRevision.version}${newRevision.status ? ` (${newRevision.status})` : ''}`
      : ''
    return {
      ...base,
      result: 'rolled-back',
      fromRevision,
      toRevision,
      newRevision,
      command,
      stderr,
      message: `rolled back Helm release "${release}" from revision ${fromRevision} to ${toRevision}${at}`
    }
  }
  return {
    ...planned,
    result: 'error',
    reason: 'helm-failed',
    newRevision,
    stderr,
    message: failureMessage(run, commandInput, newRevision)
  }
}
