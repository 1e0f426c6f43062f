/**
 * replicas (default router): canary and stable Deployments behind one Service, so the canary's share
 * of traffic is its share of the pods. `spec.replicas` of both is written with a JSON patch whose
 * `test` op holds the count we last saw, so an HPA or a person scaling meanwhile is reported, not
 * overwritten. The canary is scaled up before the stable is scaled down (and the stable up before the
 * canary down), so capacity never dips below the total.
 */
import type { KubeApi } from '../../kube/api.js'
import { restoreObjects, writeFields } from './apply.js'
import { pointer, readPointer } from './json-pointer.js'
import { readTracked } from './prepare-read.js'
import { splitReplicas } from './replica-split.js'
import { TRAFFIC_RESOURCES } from './resources.js'
import { specOf, TrafficSetupError, type RouterState, type TrafficRouter, type TrafficSpec } from './types.js'
import { checkWeight } from './weight.js'

const STABLE = 0
const CANARY = 1
const REPLICAS = pointer('spec', 'replicas')

function replicasOf(state: RouterState, index: number, which: 'original' | 'live'): number {
  const value = readPointer(state.objects[index]![which], REPLICAS)
  return typeof value === 'number' ? value : 1 // Kubernetes' default when unset
}

/** Pods of both Deployments as found by prepare: the total the split keeps. */
export function replicaTotal(state: RouterState): number {
  return replicasOf(state, STABLE, 'original') + replicasOf(state, CANARY, 'original')
}

export const replicasRouter: TrafficRouter = {
  kind: 'replicas',

  async prepare(api: KubeApi, rawSpec: TrafficSpec): Promise<RouterState> {
    const spec = specOf('replicas', rawSpec)
    const type = TRAFFIC_RESOURCES.Deployment
    const stable = await readTracked(api, type, spec.namespace, spec.stable, 'the stable workload must exist')
    const canary = await readTracked(api, type, spec.namespace, spec.canary, 'create the canary Deployment first')
    const state: RouterState = { kind: 'replicas', spec, objects: [stable, canary], weight: 0, effectiveWeight: 0 }
    const total = replicaTotal(state)
    if (total === 0)
      throw new TrafficSetupError(
        `Deployments ${spec.namespace}/${spec.stable} and ${spec.canary} have 0 replicas between them: nothing to split`
      )
    state.effectiveWeight = (replicasOf(state, CANARY, 'original') / total) * 100
    return state
  },

  async setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState> {
    const split = splitReplicas(replicaTotal(state), checkWeight(weight))
    const growCanary = split.canary >= replicasOf(state, CANARY, 'live')
    const writes = [
      { index: CANARY, replicas: split.canary },
      { index: STABLE, replicas: split.stable }
    ]
    for (const w of growCanary ? writes : writes.reverse()) {
      await writeFields(api, state.objects[w.index]!, [{ path: REPLICAS, value: w.replicas, guards: [] }], 'setWeight')
    }
    state.weight = weight
    state.effectiveWeight = split.effectiveWeight
    return state
  },

  async restore(api: KubeApi, state: RouterState): Promise<void> {
    const canaryGrows = replicasOf(state, CANARY, 'original') >= replicasOf(state, CANARY, 'live')
    await restoreObjects(api, state, canaryGrows ? [CANARY, STABLE] : [STABLE, CANARY])
  }
}
