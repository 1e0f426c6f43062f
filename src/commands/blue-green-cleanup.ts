/**
 * Putting blue back (an abort before the switch, or a switch back after it), and the last look at the
 * Services for the report. These run on a KubeApi detached from the run's cancel signal, held to its
 * own deadline: a cancelled run must still take live traffic off an unjudged green.
 */
import { scaleDeployment } from '../act/promote.js'
import { RouteChangedError, routerFor } from '../act/traffic/index.js'
import { labelText } from '../canary/blue-green-machine.js'
import { serviceSelects } from '../evaluate/selector.js'
import type { KubeApi } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { selectorOf, type BlueGreenSetup } from './blue-green-setup.js'
import { errorText } from './canary-run.js'

/** Time the clean-up gets on its own (the runner kills a cancelled job a few seconds after SIGINT). */
export const CLEANUP_TIMEOUT_MS = 10_000

export function cleanupApi(api: KubeApi): KubeApi {
  return api.detachedFromRun(AbortSignal.timeout(CLEANUP_TIMEOUT_MS))
}

export interface BackToBlue {
  /** The active Service is back to its saved selector (or was never changed). */
  activeRestored: boolean
  problems: string[]
}

/**
 * The Services back exactly as found (a field someone else changed meanwhile is left as they set it),
 * then green to zero — unless the active Service still sends traffic to green's pods (then scaling green
 * down would take the site down: it is left running and said so).
 */
export async function backToBlue(api: KubeApi, setup: BlueGreenSetup): Promise<BackToBlue> {
  const { report, state, spec } = setup
  const problems: string[] = []
  const activeLabel = `Service ${spec.namespace}/${spec.activeService}`
  let activeRestored = true
  try {
    await routerFor('serviceSelector').restore(api, state)
  } catch (error) {
    problems.push(`could not restore the Services: ${errorText(error)}`)
    activeRestored = error instanceof RouteChangedError && !error.changes.some((c) => c.object === activeLabel)
  }
  const restored = state.objects.filter((o) => o.touched.length > 0).map((o) => o.name)
  if (restored.length > 0 && problems.length === 0)
    report.writes.push(`Service(s) ${restored.join(', ')} restored to the selector found at the start`)
  let active: Record<string, string> | undefined
  try {
    active = selectorOf(await api.get(RESOURCES.Service, spec.namespace, spec.activeService))
  } catch (error) {
    problems.push(`could not read ${activeLabel} to check where live traffic goes: ${errorText(error)}`)
  }
  if (active === undefined || serviceSelects(active, setup.greenPodLabels)) {
    if (active !== undefined) {
      problems.push(
        `${activeLabel} still selects green (${labelText(active)}): green ${report.green} was left running; switch the Service to blue before scaling green down`
      )
      report.liveOn = 'green'
    }
    return { activeRestored: false, problems }
  }
  report.liveOn = 'blue'
  try {
    if (await scaleDeployment(api, spec.namespace, report.green, 0))
      report.writes.push(`green ${report.green} scaled to 0`)
  } catch (error) {
    problems.push(`could not scale green ${report.green} to 0: ${errorText(error)}`)
  }
  return { activeRestored, problems }
}

/** Each Service's selector as the run leaves it (for the summary's before/after). */
export async function recordSelectorsAfter(api: KubeApi, setup: BlueGreenSetup): Promise<void> {
  for (const service of setup.report.services) {
    try {
      const object = await api.get(RESOURCES.Service, setup.spec.namespace, service.name)
      if (object) service.after = selectorOf(object)
    } catch {
      // Left out: the summary then shows the selector after as unknown.
    }
  }
}
