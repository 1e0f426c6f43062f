/** Helpers for tests that drive the controller through an ObjectStore directly. */
import { ControllerClock } from '../clock.js'
import { ObjectStore, type StoredObject } from '../store.js'
import { R } from './cache.js'
import { Controller } from './index.js'

export { R }

export interface Harness {
  store: ObjectStore
  clock: ControllerClock
  controller: Controller
  stop(): Promise<void>
}

export function startHarness(scale = 1000): Harness {
  const store = new ObjectStore()
  const clock = new ControllerClock(scale)
  const controller = new Controller(store, clock)
  controller.start()
  return { store, clock, controller, stop: () => controller.stop() }
}

/** Polls `probe` every few milliseconds until it returns a value that is not undefined/false. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = probe()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
}

export function deployment(
  name: string,
  image: string,
  extra: { replicas?: number; annotations?: Record<string, string>; spec?: Record<string, unknown> } = {}
): StoredObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas: extra.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
        spec: { containers: [{ name: 'app', image, ports: [{ name: 'http', containerPort: 8080 }] }] }
      },
      ...(extra.spec ?? {})
    }
  }
}

/** What kubectl rollout status would print (reference §2), or 'done'/'failed: …'. */
export function rolloutStatus(d: StoredObject): string {
  const status = (d.status ?? {}) as Record<string, number | undefined> & {
    conditions?: Array<{ type: string; reason?: string }>
  }
  const spec = (d.spec ?? {}) as { replicas?: number }
  const name = d.metadata.name
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0))
    return 'Waiting for deployment spec update to be observed...'
  if (status.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded'))
    return `failed: deployment "${name}" exceeded its progress deadline`
  const updated = status.updatedReplicas ?? 0
  const replicas = status.replicas ?? 0
  const available = status.availableReplicas ?? 0
  if (spec.replicas !== undefined && updated < spec.replicas)
    return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...`
  if (replicas > updated)
    return `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`
  if (available < updated)
    return `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`
  return `deployment "${name}" successfully rolled out`
}
