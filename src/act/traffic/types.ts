/**
 * Traffic routers (issue 10): one verb set, one implementation per way of splitting traffic, chosen by
 * `routerFor(kind)` (kubectl's polymorphichelpers habit). A router reads its routing objects once and
 * keeps them exactly as read (the saved original), moves traffic with index-guarded JSON patches, and
 * puts back exactly the fields it changed. It never retries a write that lost to someone else's edit:
 * it reports RouteChangedError and leaves their edit in place.
 */
import type { KubeApi, KubeObject, ResourceType } from '../../kube/api.js'

export type TrafficRouterKind =
  'replicas' | 'gatewayHTTPRoute' | 'istioVirtualService' | 'nginxIngress' | 'serviceSelector'

/** Canary and stable Deployments behind one Service: the weight becomes a share of the pods. */
export interface ReplicasTrafficSpec {
  kind: 'replicas'
  namespace: string
  /** Deployment names. */
  stable: string
  canary: string
}

/** Gateway API HTTPRoute: `spec.rules[].backendRefs[].weight` of the two named backends. */
export interface GatewayHTTPRouteTrafficSpec {
  kind: 'gatewayHTTPRoute'
  namespace: string
  /** HTTPRoute name. */
  route: string
  /** backendRef names (Services). Every rule that holds both is weighted; the others are left alone. */
  stable: string
  canary: string
}

/** One Istio destination: a host, optionally narrowed to a DestinationRule subset. */
export interface IstioDestination {
  host: string
  subset?: string
}

/** Istio VirtualService: `spec.http[].route[].weight` of the two destinations. */
export interface IstioVirtualServiceTrafficSpec {
  kind: 'istioVirtualService'
  namespace: string
  virtualService: string
  /** Every http route that holds both destinations is weighted; the others are left alone. */
  stable: IstioDestination
  canary: IstioDestination
}

/** ingress-nginx: `nginx.ingress.kubernetes.io/canary-weight` on the canary Ingress (`canary: "true"`). */
export interface NginxIngressTrafficSpec {
  kind: 'nginxIngress'
  namespace: string
  /** The canary Ingress (the stable Ingress is not touched). */
  canaryIngress: string
}

/** Blue-green: the active Service's selector switches from blue's pod labels to green's. */
export interface ServiceSelectorTrafficSpec {
  kind: 'serviceSelector'
  namespace: string
  activeService: string
  /** Pointed at green from the first setWeight on, so pre-promotion analysis can judge green through it. */
  previewService?: string
  /** Selector labels that pick blue's (stable) pods; the active Service must select them at prepare. */
  blue: Record<string, string>
  /** Selector labels that pick green's (new) pods. */
  green: Record<string, string>
}

export type TrafficSpec =
  | ReplicasTrafficSpec
  | GatewayHTTPRouteTrafficSpec
  | IstioVirtualServiceTrafficSpec
  | NginxIngressTrafficSpec
  | ServiceSelectorTrafficSpec

/** One routing object the router may change: where it lives, as it was read, and as we last wrote it. */
export interface TrackedObject {
  type: ResourceType
  namespace: string
  name: string
  /** Exactly as read by `prepare`, before any change (a deep copy; never mutated). */
  readonly original: KubeObject
  /**
   * The object as the server returned it after our last write (the original before any). Updated in
   * place as each write lands, so after any error `restore` undoes exactly what was written.
   */
  live: KubeObject
  /** Every field a write of ours changed, with the guards that pin it to the right entry (for restore). */
  touched: TouchedField[]
}

/** A field deploy-guard wrote, and the `test` guards (e.g. the backend's name) that go with it. */
export interface TouchedField {
  path: string
  guards: PatchGuard[]
}

/** A `test` op sent before a field's write: the entry at that index must still be ours. */
export interface PatchGuard {
  path: string
  value: unknown
}

export interface RouterState {
  kind: TrafficRouterKind
  spec: TrafficSpec
  objects: TrackedObject[]
  /** The weight last asked for (0 after prepare: all traffic on stable, as found). */
  weight: number
  /**
   * The canary's share actually in effect, in percent: equals `weight` except for the replicas router,
   * where it is canary pods / total pods (ceil(weight × total) makes it at least the weight asked for).
   */
  effectiveWeight: number
}

export interface TrafficRouter {
  kind: TrafficRouterKind
  /** Reads the routing objects, checks they can be routed as the spec says, and saves them as they are. */
  prepare(api: KubeApi, spec: TrafficSpec): Promise<RouterState>
  /**
   * Sends `weight` (0–100) percent of traffic to the canary (serviceSelector: 0 = blue, 100 = green,
   * nothing in between). Throws RouteChangedError when a routing object was edited by someone else
   * since we read or wrote it (nothing of theirs is overwritten). `state` is updated in place as writes
   * land; the same object is returned.
   */
  setWeight(api: KubeApi, state: RouterState, weight: number): Promise<RouterState>
  /**
   * Puts every field this router changed back to its saved value (removing fields that were absent),
   * each guarded by a test on the value deploy-guard set. A field someone else changed meanwhile is
   * left as they set it and reported by a RouteChangedError after everything else is restored.
   */
  restore(api: KubeApi, state: RouterState): Promise<void>
}

/** One field someone else changed: what deploy-guard expected there and what the server holds. */
export interface ForeignChange {
  /** `HTTPRoute shop/web` */
  object: string
  /** JSON pointer, e.g. `/spec/rules/0/backendRefs/1/weight`. */
  path: string
  /** undefined = absent */
  expected: unknown
  found: unknown
}

/**
 * A routing object was changed by someone else between our read (or last write) and this write, so a
 * `test` op failed (422) or the object is gone. Nothing was overwritten.
 */
export class RouteChangedError extends Error {
  constructor(
    message: string,
    readonly changes: ForeignChange[],
    readonly during: 'setWeight' | 'restore'
  ) {
    super(message)
    this.name = 'RouteChangedError'
  }
}

/** The routing objects cannot be routed as the spec says (missing object, backend, annotation …). */
export class TrafficSetupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TrafficSetupError'
  }
}

/** `spec` as the `kind` router's own spec; a spec of another kind is refused. */
export function specOf<K extends TrafficRouterKind>(kind: K, spec: TrafficSpec): Extract<TrafficSpec, { kind: K }> {
  if (spec.kind !== kind) throw new TrafficSetupError(`${kind} router given a ${spec.kind} spec`)
  return spec as Extract<TrafficSpec, { kind: K }>
}
