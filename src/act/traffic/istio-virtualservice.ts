/**
 * Istio VirtualService (networking.istio.io/v1): `spec.http[i].route[j].weight` of the stable and
 * canary destinations in every http route that holds both (we write 100 − w and w, which sum to 100
 * as older Istio versions require). Each write tests the destination's host (and subset) at that index
 * and the weight we last saw.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import { restoreObjects, writeFields } from './apply.js'
import { pointer } from './json-pointer.js'
import { readTracked } from './prepare-read.js'
import { TRAFFIC_RESOURCES } from './resources.js'
import {
  specOf,
  TrafficSetupError,
  type IstioDestination,
  type PatchGuard,
  type RouterState,
  type TrafficRouter,
  type TrafficSpec
} from './types.js'
import { checkWeight } from './weight.js'
import { pairWrites, type WeightedEntry, type WeightedPair } from './weighted-pairs.js'

interface RouteDestination {
  destination?: { host?: unknown; subset?: unknown }
}

function matches(route: RouteDestination, want: IstioDestination): boolean {
  const d = route.destination
  return d?.host === want.host && (want.subset === undefined || d.subset === want.subset)
}

function label(d: IstioDestination): string {
  return d.subset === undefined ? d.host : `${d.host} (subset ${d.subset})`
}

/** The http routes holding both destinations, as index-guarded pairs. Pure. */
export function virtualServicePairs(
  vs: KubeObject,
  stable: IstioDestination,
  canary: IstioDestination
): WeightedPair[] {
  const http = ((vs.spec as { http?: unknown } | undefined)?.http ?? []) as Array<{ route?: RouteDestination[] }>
  const pairs: WeightedPair[] = []
  http.forEach((rule, i) => {
    const routes = Array.isArray(rule.route) ? rule.route : []
    const entry = (want: IstioDestination): WeightedEntry | undefined => {
      const j = routes.findIndex((r) => matches(r, want))
      if (j < 0) return undefined
      const path = pointer('spec', 'http', i, 'route', j)
      const guards: PatchGuard[] = [{ path: `${path}/destination/host`, value: want.host }]
      if (want.subset !== undefined) guards.push({ path: `${path}/destination/subset`, value: want.subset })
      return { path, guards }
    }
    const s = entry(stable)
    const c = entry(canary)
    if (s && c) pairs.push({ stable: s, canary: c })
  })
  return pairs
}

export const istioVirtualServiceRouter: TrafficRouter = {
  kind: 'istioVirtualService',

  async prepare(api: KubeApi, rawSpec: TrafficSpec): Promise<RouterState> {
    const spec = specOf('istioVirtualService', rawSpec)
    const vs = await readTracked(
      api,
      TRAFFIC_RESOURCES.VirtualService,
      spec.namespace,
      spec.virtualService,
      'name an existing VirtualService'
    )
    if (virtualServicePairs(vs.original, spec.stable, spec.canary).length === 0) {
      throw new TrafficSetupError(
        `VirtualService ${spec.namespace}/${spec.virtualService} has no http route with both destinations ${label(spec.stable)} and ${label(spec.canary)}: add the canary destination with weight: 0 next to the stable one`
      )
    }
    return { kind: 'istioVirtualService', spec, objects: [vs], weight: 0, effectiveWeight: 0 }
  },

  async setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState> {
    const spec = specOf('istioVirtualService', state.spec)
    const whole = Math.round(checkWeight(weight)) // route weights are integers
    const pairs = virtualServicePairs(state.objects[0]!.original, spec.stable, spec.canary)
    await writeFields(api, state.objects[0]!, pairWrites(pairs, whole), 'setWeight')
    state.weight = weight
    state.effectiveWeight = whole
    return state
  },

  restore: (api, state) => restoreObjects(api, state, [0])
}
