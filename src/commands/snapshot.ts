/**
 * `snapshot`, run before the user's deploy step: records per target the version running now (revision,
 * template hash, images, replicas, restart counts, and the Helm release revision / Argo CD synced
 * revision when a manager owns it). It goes onto the workload as an annotation (so a later job or the
 * manual rollback workflow finds it), into the JSON record, and into the `snapshot` output. A rollback
 * returns to it, and never past it.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { podRestarts, snapshotAnnotation } from '../decide/snapshot.js'
import type { KubeApi, KubeObject } from '../kube/api.js'
import type { Pod } from '../evaluate/k8s-types.js'
import { selectorToString } from '../evaluate/selector.js'
import { RESOURCES } from '../kube/resources.js'
import { selectorOf, templateImages } from '../kube/workload/template.js'
import { workloadKindName } from '../kube/workload/kinds.js'
import type { CheckResult, RunResult, TargetRef, TargetResult } from '../model/result.js'
import type { TargetSnapshot } from '../model/snapshot.js'
import { SNAPSHOT_ANNOTATION } from '../model/snapshot.js'
import type { CommandContext } from './context.js'

const ROW = { id: 'snapshot', title: 'Snapshot of the running version' } as const

function row(status: CheckResult['status'], actual: string, reason?: string): CheckResult {
  return { ...ROW, expected: 'the running revision recorded', actual, status, ...(reason ? { reason } : {}) }
}

function desiredReplicas(object: KubeObject): number | undefined {
  const spec = object.spec as { replicas?: number } | undefined
  const status = object.status as { desiredNumberScheduled?: number } | undefined
  return spec?.replicas ?? status?.desiredNumberScheduled
}

/** The manager's own revision, so a Helm or Argo CD rollback can return to it too. */
async function managerRevision(
  api: KubeApi,
  object: KubeObject,
  config: DeployGuardConfig
): Promise<Partial<TargetSnapshot>> {
  const { detectManager } = await import('../kube/workload/management.js')
  const manager = detectManager(object, { argocdNamespace: config.verify.gitops.argocd?.namespace })
  if (manager.managedBy === 'helm') {
    const { readHelmHistory } = await import('../act/rollback/helm.js')
    const history = await readHelmHistory(api, manager.release, manager.namespace)
    const deployed = [...history].reverse().find((h) => h.status === 'deployed')
    return deployed
      ? { helm: { release: manager.release, namespace: manager.namespace, revision: deployed.version } }
      : {}
  }
  if (manager.managedBy === 'argocd') {
    const { ARGO_APPLICATIONS } = await import('../gitops/resources.js')
    const app = await api.get<KubeObject & { status?: { sync?: { revision?: string } } }>(
      ARGO_APPLICATIONS,
      manager.namespace,
      manager.application
    )
    const synced = app?.status?.sync?.revision
    return synced
      ? { argocd: { application: manager.application, namespace: manager.namespace, syncedRevision: synced } }
      : {}
  }
  return {}
}

async function snapshotTarget(
  api: KubeApi,
  ref: TargetRef,
  config: DeployGuardConfig,
  ctx: CommandContext
): Promise<{ target: TargetResult; snapshot?: TargetSnapshot }> {
  const kind = workloadKindName(ref.kind, ref.apiVersion)
  if (!kind)
    return {
      target: {
        ref,
        checks: [
          row(
            'failed',
            'not a workload',
            `${ref.kind} has no revisions deploy-guard can record; snapshot takes deployments, statefulsets and daemonsets`
          )
        ]
      }
    }
  const { readWorkload } = await import('../act/rollback/orchestrate.js')
  const read = await readWorkload(api, kind, ref)
  if (!read)
    return {
      target: {
        ref,
        checks: [
          row(
            'failed',
            'not found',
            `${kind.toLowerCase()} "${ref.name}" does not exist in namespace "${ref.namespace}"`
          )
        ]
      }
    }
  const current = read.revisions.current
  if (!current)
    return {
      target: {
        ref,
        checks: [
          row(
            'inconclusive',
            'no revision yet',
            `${kind.toLowerCase()}/${ref.name} has no revision yet (its rollout has not created one): nothing to record`
          )
        ]
      }
    }
  const selector = selectorToString(selectorOf(read.object))
  const pods = selector ? await api.list<Pod>(RESOURCES.Pod, ref.namespace, { labelSelector: selector }) : []
  const base: TargetSnapshot = {
    ref: { kind, name: ref.name, namespace: ref.namespace },
    revision: current.revision,
    templateHash: current.templateHash,
    images: templateImages(read.object),
    ...(desiredReplicas(read.object) !== undefined ? { replicas: desiredReplicas(read.object) } : {}),
    restarts: podRestarts(pods),
    takenAt: ctx.now().toISOString(),
    ...(ctx.run?.url ? { runUrl: ctx.run.url } : {})
  }
  const snapshot: TargetSnapshot = { ...base, ...(await managerRevision(api, read.object, config)) }
  const annotation = snapshotAnnotation(snapshot)
  if (annotation.trimmed) ctx.warn(annotation.trimmed)
  if (!config.dryRun) {
    const { writeSnapshotAnnotation } = await import('../act/snapshot/write.js')
    await writeSnapshotAnnotation(api, kind, ref, annotation)
  }
  const images = Object.entries(snapshot.images)
    .map(([c, image]) => `${c}=${image}`)
    .join(', ')
  const where = config.dryRun ? 'not written (dry run)' : `written to the ${SNAPSHOT_ANNOTATION} annotation`
  ctx.log(`${kind.toLowerCase()}/${ref.name}: revision ${snapshot.revision} (${images}) recorded, ${where}`)
  return {
    target: {
      ref,
      revision: String(snapshot.revision),
      images: snapshot.images,
      checks: [
        row('passed', `revision ${snapshot.revision} (${snapshot.templateHash ?? 'no hash'}): ${images}; ${where}`)
      ]
    },
    snapshot
  }
}

export async function runSnapshot(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  const targets: TargetResult[] = []
  const snapshots: TargetSnapshot[] = []
  let api: KubeApi | undefined
  let kubeError: string | undefined
  try {
    api = await ctx.kube()
  } catch (error) {
    kubeError = error instanceof Error ? error.message : String(error)
  }
  for (const ref of config.targets) {
    if (!api) {
      targets.push({
        ref,
        checks: [row('inconclusive', 'not recorded', `could not set up the Kubernetes client: ${kubeError}`)]
      })
      continue
    }
    try {
      const taken = await ctx.group(`snapshot ${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`, () =>
        snapshotTarget(api, ref, config, ctx)
      )
      targets.push(taken.target)
      if (taken.snapshot) snapshots.push(taken.snapshot)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      targets.push({
        ref,
        checks: [
          row('inconclusive', 'not recorded', `could not record ${ref.kind.toLowerCase()}/${ref.name}: ${message}`)
        ]
      })
    }
  }
  const { decideVerdict } = await import('../decide/verdict.js')
  const decision = decideVerdict({ targets, checks: [] })
  return {
    command: 'snapshot',
    startedAt: startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    verdict: decision.verdict,
    action: 'none',
    reasons: decision.reasons,
    dryRun: config.dryRun,
    targets,
    checks: [],
    snapshots
  }
}
