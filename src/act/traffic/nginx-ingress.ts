/**
 * ingress-nginx canary Ingress: the `nginx.ingress.kubernetes.io/canary-weight` annotation (a string,
 * out of `canary-weight-total`, default 100) on the Ingress marked `canary: "true"`. Each write tests
 * that mark and the weight we last saw; a weight that was absent is added, and removed on restore.
 */
import type { KubeApi } from '../../kube/api.js'
import { restoreObjects, writeFields } from './apply.js'
import { pointer } from './json-pointer.js'
import { readTracked } from './prepare-read.js'
import { TRAFFIC_RESOURCES } from './resources.js'
import { specOf, TrafficSetupError, type RouterState, type TrafficRouter, type TrafficSpec } from './types.js'
import { checkWeight } from './weight.js'

export const CANARY_ANNOTATION = 'nginx.ingress.kubernetes.io/canary'
export const CANARY_WEIGHT_ANNOTATION = 'nginx.ingress.kubernetes.io/canary-weight'
export const CANARY_WEIGHT_TOTAL_ANNOTATION = 'nginx.ingress.kubernetes.io/canary-weight-total'

/** The annotation value for a percentage, given the Ingress's `canary-weight-total` (default 100). Pure. */
export function nginxCanaryWeight(
  weight: number,
  totalAnnotation: string | undefined
): { value: string; effectiveWeight: number } {
  const parsed = totalAnnotation === undefined ? 100 : Number.parseInt(totalAnnotation, 10)
  const total = Number.isFinite(parsed) && parsed > 0 ? parsed : 100
  const units = Math.round((weight * total) / 100)
  return { value: String(units), effectiveWeight: (units / total) * 100 }
}

export const nginxIngressRouter: TrafficRouter = {
  kind: 'nginxIngress',

  async prepare(api: KubeApi, rawSpec: TrafficSpec): Promise<RouterState> {
    const spec = specOf('nginxIngress', rawSpec)
    const ingress = await readTracked(
      api,
      TRAFFIC_RESOURCES.Ingress,
      spec.namespace,
      spec.canaryIngress,
      'create the canary Ingress first'
    )
    if (ingress.original.metadata.annotations?.[CANARY_ANNOTATION] !== 'true') {
      throw new TrafficSetupError(
        `Ingress ${spec.namespace}/${spec.canaryIngress} is not an ingress-nginx canary: annotate it ${CANARY_ANNOTATION}: "true"`
      )
    }
    return { kind: 'nginxIngress', spec, objects: [ingress], weight: 0, effectiveWeight: 0 }
  },

  async setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState> {
    const ingress = state.objects[0]!
    const annotations = ingress.original.metadata.annotations ?? {}
    const { value, effectiveWeight } = nginxCanaryWeight(
      checkWeight(weight),
      annotations[CANARY_WEIGHT_TOTAL_ANNOTATION]
    )
    const mark = { path: pointer('metadata', 'annotations', CANARY_ANNOTATION), value: 'true' }
    await writeFields(
      api,
      ingress,
      [{ path: pointer('metadata', 'annotations', CANARY_WEIGHT_ANNOTATION), value, guards: [mark] }],
      'setWeight'
    )
    state.weight = weight
    state.effectiveWeight = effectiveWeight
    return state
  },

  restore: (api, state) => restoreObjects(api, state, [0])
}
