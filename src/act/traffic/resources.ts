/** The routing kinds' resource types, so a router needs no discovery request (plurals are fixed by the projects). */
import type { ResourceType } from '../../kube/api.js'
import { RESOURCES } from '../../kube/resources.js'

export const TRAFFIC_RESOURCES = {
  Deployment: RESOURCES.Deployment,
  Service: RESOURCES.Service,
  HTTPRoute: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    resource: 'httproutes',
    kind: 'HTTPRoute',
    namespaced: true
  },
  VirtualService: {
    apiVersion: 'networking.istio.io/v1',
    resource: 'virtualservices',
    kind: 'VirtualService',
    namespaced: true
  },
  Ingress: { apiVersion: 'networking.k8s.io/v1', resource: 'ingresses', kind: 'Ingress', namespaced: true }
} as const satisfies Record<string, ResourceType>
