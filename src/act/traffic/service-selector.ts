/**
 * Blue-green by Service selector: the active Service selects blue's pods until weight 100 switches its
 * selector to green's labels (weight 0 switches it back to what it was). The preview Service, when
 * given, selects green from the first setWeight on. Each selector key is written with a `test` on the
 * value we last saw; restore puts the active Service back first, then the preview.
 */
import type { KubeApi, KubeObject } from '../../kube/api.js'
import { restoreObjects, writeFields } from './apply.js'
import { pointer, readPointer } from './json-pointer.js'
import type { FieldWrite } from './plan-writes.js'
import { readTracked } from './prepare-read.js'
import { TRAFFIC_RESOURCES } from './resources.js'
import {
  specOf,
  TrafficSetupError,
  type RouterState,
  type ServiceSelectorTrafficSpec,
  type TrafficRouter,
  type TrafficSpec
} from './types.js'
import { checkWeight } from './weight.js'

const ACTIVE = 0
const PREVIEW = 1

const selectorPath = (key: string): string => pointer('spec', 'selector', key)

/** Selector writes that make `service` select `labels` on the keys blue and green use. Pure. */
export function selectorWrites(
  service: KubeObject,
  spec: Pick<ServiceSelectorTrafficSpec, 'blue' | 'green'>,
  to: 'green' | 'original'
): FieldWrite[] {
  const keys = [...new Set([...Object.keys(spec.blue), ...Object.keys(spec.green)])]
  return keys.map((key) => ({
    path: selectorPath(key),
    value: to === 'green' ? spec.green[key] : readPointer(service, selectorPath(key)),
    guards: []
  }))
}

export const serviceSelectorRouter: TrafficRouter = {
  kind: 'serviceSelector',

  async prepare(api: KubeApi, rawSpec: TrafficSpec): Promise<RouterState> {
    const spec = specOf('serviceSelector', rawSpec)
    if (Object.keys(spec.green).length === 0)
      throw new TrafficSetupError('serviceSelector.green needs at least one label')
    const type = TRAFFIC_RESOURCES.Service
    const active = await readTracked(
      api,
      type,
      spec.namespace,
      spec.activeService,
      'name the Service that takes live traffic'
    )
    const selector = (active.original.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}
    const missing = Object.entries(spec.blue).filter(([k, v]) => selector[k] !== v)
    if (missing.length > 0 || Object.keys(spec.blue).length === 0) {
      throw new TrafficSetupError(
        `Service ${spec.namespace}/${spec.activeService} does not select blue (${
          Object.entries(spec.blue)
            .map(([k, v]) => `${k}=${v}`)
            .join(',') || 'no labels given'
        }): its selector is ${JSON.stringify(selector)}`
      )
    }
    const objects = [active]
    if (spec.previewService !== undefined) {
      objects.push(
        await readTracked(
          api,
          type,
          spec.namespace,
          spec.previewService,
          'create the preview Service or leave previewService out'
        )
      )
    }
    return { kind: 'serviceSelector', spec, objects, weight: 0, effectiveWeight: 0 }
  },

  async setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState> {
    const spec = specOf('serviceSelector', state.spec)
    checkWeight(weight)
    if (weight !== 0 && weight !== 100) {
      throw new TrafficSetupError(`blue-green switches all traffic at once: weight must be 0 or 100 (got ${weight})`)
    }
    const preview = state.objects[PREVIEW]
    if (preview) await writeFields(api, preview, selectorWrites(preview.original, spec, 'green'), 'setWeight')
    const active = state.objects[ACTIVE]!
    await writeFields(
      api,
      active,
      selectorWrites(active.original, spec, weight === 100 ? 'green' : 'original'),
      'setWeight'
    )
    state.weight = weight
    state.effectiveWeight = weight
    return state
  },

  restore: (api, state) => restoreObjects(api, state, state.objects.length > 1 ? [ACTIVE, PREVIEW] : [ACTIVE])
}
