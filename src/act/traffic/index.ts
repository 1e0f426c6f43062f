/** The traffic routers by kind (one file each); `routerFor(spec.kind).prepare(api, spec)` starts one. */
import { gatewayHTTPRouteRouter } from './gateway-httproute.js'
import { istioVirtualServiceRouter } from './istio-virtualservice.js'
import { nginxIngressRouter } from './nginx-ingress.js'
import { replicasRouter } from './replicas.js'
import { serviceSelectorRouter } from './service-selector.js'
import type { TrafficRouter, TrafficRouterKind } from './types.js'

const ROUTERS: Record<TrafficRouterKind, TrafficRouter> = {
  replicas: replicasRouter,
  gatewayHTTPRoute: gatewayHTTPRouteRouter,
  istioVirtualService: istioVirtualServiceRouter,
  nginxIngress: nginxIngressRouter,
  serviceSelector: serviceSelectorRouter
}

export function routerFor(kind: TrafficRouterKind): TrafficRouter {
  return ROUTERS[kind]
}

export { RouteChangedError, TrafficSetupError } from './types.js'
export type * from './types.js'
