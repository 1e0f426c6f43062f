/**
 * Gateway API HTTPRoute (gateway.networking.k8s.io/v1): `spec.rules[i].backendRefs[j].weight` of the
 * stable and canary backends in every rule that holds both (weights are relative; we write
 * 100 − w and w). Each write tests the backendRef's name at that index and the weight we last saw.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import { restoreObjects, writeFields } from './apply.js'
import { pointer } from './json-pointer.js'
import { readTracked } from './prepare-read.js'
import { TRAFFIC_RESOURCES } from './resources.js'
import { specOf, TrafficSetupError, type RouterState, type TrafficRouter, type TrafficSpec } from './types.js'
import { checkWeight } from './weight.js'
import { pairWrites, type WeightedEntry, type WeightedPair } from './weighted-pairs.js'

interface BackendRef {
  name?: unknown
  group?: unknown
  kind?: unknown
}

/** A backendRef to a core Service of that name (group '' and kind Service are the defaults). */
function isServiceRef(ref: BackendRef, name: string): boolean {
  return (
    ref.name === name &&
    (ref.group === undefined || ref.group === '') &&
    (ref.kind === undefined || ref.kind === 'Service')
  )
}

/** The rules holding both backends, as index-guarded pairs. Pure. */
export function httpRoutePairs(route: KubeObject, stable: string, canary: string): WeightedPair[] {
  const rules = ((route.spec as { rules?: unknown } | undefined)?.rules ?? []) as Array<{ backendRefs?: BackendRef[] }>
  const pairs: WeightedPair[] = []
  rules.forEach((rule, i) => {
    const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : []
    const entry = (name: string): WeightedEntry | undefined => {
      const j = refs.findIndex((ref) => isServiceRef(ref, name))
      if (j < 0) return undefined
      const path = pointer('spec', 'rules', i, 'backendRefs', j)
      return { path, guards: [{ path: `${path}/name`, value: name }] }
    }
    const s = entry(stable)
    const c = entry(canary)
    if (s && c) pairs.push({ stable: s, canary: c })
  })
  return pairs
}

function pairsOf(state: RouterState): WeightedPair[] {
  const spec = specOf('gatewayHTTPRoute', state.spec)
  return httpRoutePairs(state.objects[0]!.original, spec.stable, spec.canary)
}

export const gatewayHTTPRouteRouter: TrafficRouter = {
  kind: 'gatewayHTTPRoute',

  async prepare(api: KubeApi, rawSpec: TrafficSpec): Promise<RouterState> {
    const spec = specOf('gatewayHTTPRoute', rawSpec)
    const route = await readTracked(
      api,
      TRAFFIC_RESOURCES.HTTPRoute,
      spec.namespace,
      spec.route,
      'name an existing HTTPRoute'
    )
    if (httpRoutePairs(route.original, spec.stable, spec.canary).length === 0) {
      throw new TrafficSetupError(
        `HTTPRoute ${spec.namespace}/${spec.route} has no rule with both backendRefs "${spec.stable}" and "${spec.canary}": add the canary backendRef with weight: 0 next to the stable one`
      )
    }
    return { kind: 'gatewayHTTPRoute', spec, objects: [route], weight: 0, effectiveWeight: 0 }
  },

  async setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState> {
    // backendRef weights are int32: whole percents.
    const whole = Math.round(checkWeight(weight))
    await writeFields(api, state.objects[0]!, pairWrites(pairsOf(state), whole), 'setWeight')
    state.weight = weight
    state.effectiveWeight = whole
    return state
  },

  restore: (api, state) => restoreObjects(api, state, [0])
}
