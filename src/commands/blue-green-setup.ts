/**
 * The start of a blue-green run, before anything is written: which Deployments are blue and green,
 * the labels that pick each (from the active Service's selector and green's pod template), the
 * Service-selector router prepared (the Services saved exactly as read), and the versions for the
 * queries. Returns a one-line reason instead when the run cannot start.
 */
import { readDeployment } from '../act/blue-green-scale.js'
import { routerFor, type RouterState, type ServiceSelectorTrafficSpec } from '../act/traffic/index.js'
import { colourLabels, unjudgeable } from '../canary/blue-green-machine.js'
import type { BlueGreenConfig } from '../config/schema-blue-green.js'
import type { DeployGuardConfig } from '../config/types.js'
import type { KubeApi, KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { templateImages, templateLabels } from '../kube/workload/template.js'
import type { BlueGreenReport } from '../model/blue-green.js'
import { errorText } from './canary-run.js'
import { imageTag } from './version.js'

/** Green: `canary.workload`, else `<blue>-canary` (the canary's default name). */
export function greenName(config: DeployGuardConfig, blue: string): string {
  return config.canary?.workload ?? `${blue}-canary`
}

export interface BlueGreenSetup {
  section: BlueGreenConfig
  spec: ServiceSelectorTrafficSpec
  state: RouterState
  report: BlueGreenReport
  /** Green's pod template labels (does a Service's selector still reach green's pods?). */
  greenPodLabels: Record<string, string>
  /** Blue's replica count: green is brought up to it. */
  replicas: number
  /** Image tags, for `{{version}}` (green) and the judge's baseline (blue). */
  versions: { green: string | undefined; blue: string | undefined }
}

/** A Service's selector (empty when absent or the Service is gone). */
export const selectorOf = (object: KubeObject | undefined): Record<string, string> =>
  (object?.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}

/** The version a Deployment runs: its first container's image tag (as canary-run.ts imageVersion reads it). */
function versionOf(deployment: KubeObject): string | undefined {
  const image = Object.values(templateImages(deployment)).find(Boolean)
  return image ? imageTag(image) : undefined
}

/** Reads everything the run needs and prepares the router; a string says why the run cannot start. */
export async function prepareBlueGreen(api: KubeApi, config: DeployGuardConfig): Promise<BlueGreenSetup | string> {
  const section = config.canary?.blueGreen
  if (!section)
    return 'canary.blueGreen is required when canary.strategy is blueGreen: { activeService: <the Service that takes live traffic> }'
  const cannotJudge = unjudgeable({
    checks: config.analysis?.checks.length ?? 0,
    prometheus: config.prometheus !== undefined
  })
  if (cannotJudge) return cannotJudge
  const target = config.targets[0]
  if (!target) return 'blue-green needs a target: the blue (stable) Deployment'
  if (target.kind !== 'Deployment')
    return `blue-green switches between two Deployments, but the target is a ${target.kind}: set target: deployment/<blue>`
  const namespace = target.namespace
  const blue = target.name
  const green = greenName(config, blue)
  if (green === blue) return `canary.workload names the target ${blue} itself: green must be another Deployment`
  try {
    const [blueObject, greenObject] = [
      await readDeployment(api, namespace, blue),
      await readDeployment(api, namespace, green).catch((error: unknown) => {
        throw new Error(`green ${errorText(error)}: create it (at 0 replicas) or set canary.workload`)
      })
    ]
    const active = await api.get(RESOURCES.Service, namespace, section.activeService)
    if (!active)
      return `Service ${namespace}/${section.activeService} not found: canary.blueGreen.activeService names the Service that takes live traffic`
    const greenPodLabels = templateLabels(greenObject)
    const labels = colourLabels(selectorOf(active), greenPodLabels, {
      activeService: `${namespace}/${section.activeService}`,
      green: `${namespace}/${green}`
    })
    if ('error' in labels) return labels.error
    const spec: ServiceSelectorTrafficSpec = {
      kind: 'serviceSelector',
      namespace,
      activeService: section.activeService,
      ...(section.previewService !== undefined ? { previewService: section.previewService } : {}),
      blue: labels.blue,
      green: labels.green
    }
    const state = await routerFor('serviceSelector').prepare(api, spec)
    const services = state.objects.map((tracked, index) => ({
      role: index === 0 ? ('active' as const) : ('preview' as const),
      name: tracked.name,
      before: selectorOf(tracked.original)
    }))
    return {
      section,
      spec,
      state,
      greenPodLabels,
      replicas: blueObject.spec?.replicas ?? 1,
      // From the objects just read: no second GET of either Deployment.
      versions: { green: config.version ?? versionOf(greenObject), blue: versionOf(blueObject) },
      report: { namespace, blue, green, labels, services, phases: [], liveOn: 'blue', writes: [] }
    }
  } catch (error) {
    return errorText(error)
  }
}
