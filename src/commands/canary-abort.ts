/**
 * Abort and clean-up of a canary: the routing put back exactly as saved, then the canary Deployment
 * scaled to zero (or deleted: `canary.cleanup: delete`, and always a canary deploy-guard created).
 *
 * Clean-up must also happen when the job is cancelled, and the run's client stops every request on
 * cancel. So these writes go through a view detached from the run's signal, held to its own deadline
 * (CLEANUP_MS): a cancelled job still takes its traffic back, and a stalled API cannot hold it forever.
 */
import { deleteCanary, scaleToZero, setAnnotation } from '../act/promote.js'
import { routerFor } from '../act/traffic/index.js'
import { STATE_ANNOTATION } from '../canary/pause-state.js'
import type { KubeApi } from '../kube/api.js'
import { errorText, type CanaryRun } from './canary-run.js'

/** The clean-up's own time budget, independent of the run's (cancelled) signal. */
export const CLEANUP_MS = 30_000

export function cleanupApi(api: KubeApi): KubeApi {
  return api.detachedFromRun(AbortSignal.timeout(CLEANUP_MS))
}

/** The routing exactly as saved, then the canary at zero (or gone). Returns what could not be done. */
export function abortCanary(run: CanaryRun): Promise<string[]> {
  const work = restoreAndRetire(run)
  run.ctx.holdExit?.(work)
  return work
}

async function restoreAndRetire(run: CanaryRun): Promise<string[]> {
  const api = cleanupApi(run.api)
  const problems: string[] = []
  const { names } = run
  await restoreRouting(
    run,
    api,
    problems,
    run.state.kind === 'replicas'
      ? `routing restored: ${names.stable} and ${names.canary} back to their replicas`
      : `routing restored: ${run.state.objects.map((o) => `${o.type.kind} ${o.name}`).join(', ')} as found`
  )
  await retireCanary(run, api, problems)
  return problems
}

/** Puts the routing back as saved, reporting `done` as the write. Problems are appended. */
export async function restoreRouting(run: CanaryRun, api: KubeApi, problems: string[], done: string): Promise<void> {
  try {
    await routerFor(run.state.kind).restore(api, run.state)
    run.report.writes.push(done)
  } catch (error) {
    problems.push(`could not restore the routing: ${errorText(error)}`)
  }
}

/** Scales the canary to zero or deletes it, and removes a paused state. Problems are appended. */
export async function retireCanary(run: CanaryRun, api: KubeApi, problems: string[]): Promise<void> {
  const { namespace, canary } = run.names
  const remove = run.created || run.config.canary?.cleanup === 'delete'
  try {
    if (remove) {
      if (await deleteCanary(api, namespace, canary)) run.report.writes.push(`canary ${canary} deleted`)
      return
    }
    if (await scaleToZero(api, namespace, canary)) run.report.writes.push(`canary ${canary} scaled to 0`)
    await setAnnotation(api, namespace, canary, STATE_ANNOTATION, undefined)
  } catch (error) {
    problems.push(`could not ${remove ? 'delete' : 'scale to 0'} the canary ${canary}: ${errorText(error)}`)
  }
}
