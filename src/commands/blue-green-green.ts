/**
 * Green from the `image` input (issue 10: "created from the stable one with new images"): an existing
 * green Deployment is given the images; a missing one is made from blue, its pods set apart from
 * blue's by `canary.blueGreen.greenLabels` on the active Service's selector keys. Without those
 * labels a copy of blue would carry blue's selector labels, so the switch could not tell them apart:
 * that is refused before anything is written.
 */
import { ensureCanaryWorkload } from '../act/canary-workload.js'
import { labelText } from '../canary/blue-green-machine.js'
import type { DeployGuardConfig } from '../config/types.js'
import type { KubeApi } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { greenName } from './blue-green-setup.js'
import { errorText } from './canary-run.js'
import type { CommandContext } from './context.js'

export type GreenFromImages =
  | { kind: 'unchanged' }
  | { kind: 'written'; line: string; created: boolean }
  | { kind: 'planned'; line: string; missing: boolean }
  | { kind: 'refused'; reason: string }

export async function greenFromImages(
  api: KubeApi,
  config: DeployGuardConfig,
  ctx: CommandContext
): Promise<GreenFromImages> {
  const images = config.canary?.images
  const target = config.targets[0]
  if (!images || !target || target.kind !== 'Deployment') return { kind: 'unchanged' }
  const { namespace, name: blue } = target
  const green = greenName(config, blue)
  const labels = config.canary?.blueGreen?.greenLabels
  const imageText = Object.entries(images)
    .map(([container, image]) => (container === '*' ? image : `${container}=${image}`))
    .join(', ')
  try {
    const existing = await api.get(RESOURCES.Deployment, namespace, green)
    if (!existing && !labels)
      return {
        kind: 'refused',
        reason: `green ${namespace}/${green} does not exist, and making it from blue ${blue} needs canary.blueGreen.greenLabels: the labels that set green's pods apart on the active Service's selector (e.g. { colour: green } where it selects colour: blue)`
      }
    const line = existing
      ? `green ${green} given ${imageText}`
      : `green ${green} created from blue ${blue} with ${imageText} and labels ${labelText(labels ?? {})}, at 0 replicas`
    if (config.dryRun) return { kind: 'planned', line, missing: !existing }
    const { created } = await ensureCanaryWorkload(api, {
      namespace,
      stable: blue,
      name: green,
      images,
      track: 'green',
      ...(labels ? { labels } : {})
    })
    ctx.log(line)
    return { kind: 'written', line, created }
  } catch (error) {
    return { kind: 'refused', reason: `green not made from blue: ${errorText(error)}` }
  }
}
