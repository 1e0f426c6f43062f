/**
 * A canary run's set-up, before any traffic moves: a paused run's state resumed, or the canary
 * Deployment ensured (made from the stable with the `image` input) and the routing objects read; the
 * capacity each step's traffic is planned against; the versions queries and the judge use.
 */
import { ensureCanaryWorkload } from '../act/canary-workload.js'
import { deleteCanary } from '../act/promote.js'
import { routerFor, type RouterState } from '../act/traffic/index.js'
import { replicaTotal } from '../act/traffic/replicas.js'
import type { PausedCanary } from '../canary/pause-state.js'
import { trafficSpec, type Capacity, type CanaryNames } from '../canary/traffic-plan.js'
import type { DeployGuardConfig } from '../config/types.js'
import type { KubeApi } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { cleanupApi } from './canary-abort.js'
import { resumeState } from './canary-resume.js'
import { imageVersion, type CanaryRun } from './canary-run.js'
import type { CommandContext } from './context.js'

async function capacityOf(
  api: KubeApi,
  config: DeployGuardConfig,
  names: CanaryNames,
  state: RouterState
): Promise<Capacity> {
  if (state.kind === 'replicas') return { router: 'replicas', pods: replicaTotal(state), canaryReplicas: 0 }
  const stable = await api.get<{ metadata: { name: string }; spec?: { replicas?: number } }>(
    RESOURCES.Deployment,
    names.namespace,
    names.stable
  )
  if (!stable) throw new Error(`the stable Deployment ${names.namespace}/${names.stable} not found: check the target`)
  const pods = stable.spec?.replicas ?? 1
  return { router: state.kind, pods, canaryReplicas: config.canary?.replicas ?? Math.max(pods, 1) }
}

/** The routing state to start from, and whether deploy-guard made the canary. */
async function routing(
  config: DeployGuardConfig,
  ctx: CommandContext,
  api: KubeApi,
  names: CanaryNames,
  paused: PausedCanary | undefined
): Promise<{ state: RouterState; created: boolean; left: string[] }> {
  if (paused) {
    const { state, left } = await resumeState(api, paused)
    return { state, created: paused.created, left }
  }
  let created = false
  const images = config.canary?.images
  if (config.dryRun) {
    if (images && !(await api.get(RESOURCES.Deployment, names.namespace, names.canary)))
      throw new Error(
        `dry run: Deployment ${names.namespace}/${names.canary} does not exist yet; a real run makes it from ${names.stable} with ${JSON.stringify(images)}, and the steps cannot be simulated before it exists`
      )
    if (images) ctx.log(`dry run: would give ${names.canary} ${JSON.stringify(images)}`)
  } else {
    created = (await ensureCanaryWorkload(api, { ...names, name: names.canary, images })).created
    if (created) ctx.log(`canary ${names.canary} created from ${names.stable} at 0 replicas`)
  }
  const spec = trafficSpec(config.canary, names)
  try {
    return { state: await routerFor(spec.kind).prepare(api, spec), created, left: [] }
  } catch (error) {
    // Nothing was routed yet: a canary this run made is not left behind.
    if (created) await deleteCanary(cleanupApi(api), names.namespace, names.canary).catch(() => false)
    throw error
  }
}

export interface CanarySetup {
  run: CanaryRun
  /** Fields someone changed during a pause, left as they set them by a resumed abort. */
  left: string[]
}

export async function setUpCanary(
  config: DeployGuardConfig,
  ctx: CommandContext,
  api: KubeApi,
  names: CanaryNames,
  paused: PausedCanary | undefined
): Promise<CanarySetup> {
  const { state, created, left } = await routing(config, ctx, api, names, paused)
  const capacity = await capacityOf(api, config, names, state)
  const run: CanaryRun = {
    config,
    ctx,
    api,
    names,
    state,
    capacity,
    created,
    analysedBefore: paused?.analysedBefore ?? false,
    report: {
      router: state.kind,
      namespace: names.namespace,
      stable: names.stable,
      canary: names.canary,
      steps: [],
      plannedSteps: config.canary?.steps?.length ?? 0,
      writes: [],
      ...(created ? { created: true } : {}),
      ...(paused ? { resumedAt: paused.nextStep + 1 } : {})
    },
    version: config.version ?? (await imageVersion(api, names.namespace, names.canary, ctx)),
    stableVersion: config.canary?.judge ? await imageVersion(api, names.namespace, names.stable, ctx) : undefined
  }
  return { run, left }
}
