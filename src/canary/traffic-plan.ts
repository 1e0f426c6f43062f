/**
 * Which workloads and routing objects a canary run uses, and what each step asks of them. Pure.
 *
 * - The stable Deployment is `targets[0]`; the canary is `canary.workload`, else the replicas router's
 *   `canary` name (the older `traffic.replicas: { canary, stable }` form), else `<stable>-canary`.
 * - replicas router: the canary's share of the pods is its share of traffic; `{ replicas: N }` asks
 *   for N canary pods of the same total.
 * - weighted routers (HTTPRoute, VirtualService, nginx Ingress): the canary Deployment runs
 *   `canary.replicas` pods (default: the stable's) from the first weight above 0, and the stable keeps
 *   its own; `{ replicas: N }` runs N canary pods with the share N / (N + stable) of the traffic.
 */
import type { CanaryConfig, CanaryStepConfig } from '../config/schema-canary.js'
import type { TrafficRouterKind, TrafficSpec } from '../act/traffic/types.js'

export interface CanaryNames {
  namespace: string
  stable: string
  canary: string
}

export function canaryNames(
  canary: CanaryConfig | undefined,
  target: { name: string; namespace: string }
): CanaryNames {
  const replicas = canary?.traffic?.replicas
  const stable = replicas?.stable ?? target.name
  return { namespace: target.namespace, stable, canary: canary?.workload ?? replicas?.canary ?? `${stable}-canary` }
}

/** The router spec for the configured router (replicas when none is configured). */
export function trafficSpec(canary: CanaryConfig | undefined, names: CanaryNames): TrafficSpec {
  const traffic = canary?.traffic
  const { namespace } = names
  if (traffic?.gatewayHTTPRoute) return { kind: 'gatewayHTTPRoute', namespace, ...traffic.gatewayHTTPRoute }
  if (traffic?.istioVirtualService) return { kind: 'istioVirtualService', namespace, ...traffic.istioVirtualService }
  if (traffic?.nginxIngress) return { kind: 'nginxIngress', namespace, ...traffic.nginxIngress }
  return { kind: 'replicas', namespace, stable: names.stable, canary: names.canary }
}

/** What one step asks for: a traffic weight and, for a weighted router, how many canary pods. */
export interface StepTraffic {
  /** Percent to the canary; undefined = keep the current weight. */
  weight: number | undefined
  /** Canary pods a weighted router needs before the weight is set; undefined = leave as is. */
  canaryPods: number | undefined
}

export interface Capacity {
  router: TrafficRouterKind
  /** replicas router: stable + canary pods as found; weighted routers: the stable's replicas. */
  pods: number
  /** Canary pods at full weight with a weighted router (`canary.replicas`, default the stable's). */
  canaryReplicas: number
}

/** The weight and canary pods of step `step`, given the capacity. */
export function stepTraffic(step: CanaryStepConfig, capacity: Capacity): StepTraffic {
  if (capacity.router === 'replicas') {
    if (step.replicas !== undefined) {
      const pods = Math.min(step.replicas, capacity.pods)
      return { weight: capacity.pods === 0 ? 0 : (pods / capacity.pods) * 100, canaryPods: undefined }
    }
    return { weight: step.weight, canaryPods: undefined }
  }
  if (step.replicas !== undefined) {
    const n = step.replicas
    const weight = n === 0 ? 0 : Math.round((100 * n) / (n + capacity.pods))
    return { weight, canaryPods: n }
  }
  if (step.weight === undefined) return { weight: undefined, canaryPods: undefined }
  // Scaling down at weight 0 is left to abort/clean-up: the step only moves traffic.
  return { weight: step.weight, canaryPods: step.weight > 0 ? capacity.canaryReplicas : undefined }
}
