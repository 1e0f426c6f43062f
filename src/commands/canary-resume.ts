/**
 * Manual pause and resume (`pause: manual`): the paused run saves its routing state on the canary
 * Deployment (annotation deploy-guard.io/canary-state, src/canary/pause-state.ts) and stops with the
 * traffic where it is. A later run with the same canary config finds it and, as `canary-resume` says,
 * goes on from the next step or aborts (routing restored from the SAVED originals, canary retired).
 */
import { setAnnotation } from '../act/promote.js'
import type { RouterState } from '../act/traffic/index.js'
import { describeChanges } from '../act/traffic/messages.js'
import {
  changedSincePause,
  parsePause,
  resumedRouterState,
  serializePause,
  STATE_ANNOTATION,
  type PausedCanary
} from '../canary/pause-state.js'
import type { KubeApi } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import type { CanaryRun } from './canary-run.js'

/** Saves the state a resume needs on the canary Deployment and marks the report paused; `nextStep` is 0-based. */
export async function savePause(run: CanaryRun, configHash: string, nextStep: number): Promise<void> {
  const text = serializePause({
    configHash,
    nextStep,
    names: run.names,
    state: run.state,
    created: run.created,
    analysedBefore: run.analysedBefore,
    now: run.ctx.now()
  })
  await setAnnotation(run.api, run.names.namespace, run.names.canary, STATE_ANNOTATION, text)
  run.report.state = 'paused'
  run.report.nextStep = nextStep + 1
  run.report.writes.push(`paused: the routing state is saved on ${run.names.canary} (annotation ${STATE_ANNOTATION})`)
  run.ctx.log(
    `paused for approval before step ${nextStep + 1}: traffic stays at ${run.state.effectiveWeight.toFixed(1)} % on the canary`
  )
}

/** The paused state on the canary Deployment: absent, readable, or why it cannot be used. */
export async function findPause(
  api: KubeApi,
  namespace: string,
  canary: string
): Promise<PausedCanary | { problem: string } | undefined> {
  const object = await api.get(RESOURCES.Deployment, namespace, canary)
  const text = object?.metadata.annotations?.[STATE_ANNOTATION]
  if (text === undefined) return undefined
  const parsed = parsePause(text)
  return typeof parsed === 'string'
    ? { problem: `Deployment ${namespace}/${canary}: ${parsed}; remove the annotation and restore the routing by hand` }
    : parsed
}

/**
 * The router state to go on with: the saved originals and touched fields over the objects as they
 * are now. A field someone changed during the pause (or a guard that no longer holds) is left out of
 * the state, so nothing restores over it, and described in `left`; a resumed run that finds any
 * aborts rather than go on over someone else's routing.
 */
export async function resumeState(api: KubeApi, paused: PausedCanary): Promise<{ state: RouterState; left: string[] }> {
  const fresh = []
  const left: string[] = []
  const kept: PausedCanary = { ...paused, objects: [] }
  for (const saved of paused.objects) {
    const object = await api.get(saved.type, saved.namespace, saved.name)
    const label = `${saved.type.kind} ${saved.namespace}/${saved.name}`
    if (!object) {
      left.push(describeChanges(label, true, [], 'restore'))
      continue
    }
    const changes = changedSincePause(saved, object)
    if (changes.length > 0) left.push(describeChanges(label, false, changes, 'restore'))
    const changed = new Set(changes.map((c) => c.path))
    const touched = saved.touched.filter((t) => !changed.has(t.path) && !t.guards.some((g) => changed.has(g.path)))
    kept.objects.push({ ...saved, touched })
    fresh.push(object)
  }
  return { state: resumedRouterState(kept, fresh), left }
}
