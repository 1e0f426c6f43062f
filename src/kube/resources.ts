/** Built-in resource types, so the common kinds need no discovery request. Pure table. */
import type { ResourceType } from './api.js'

const t = (apiVersion: string, resource: string, kind: string, namespaced = true): ResourceType => ({
  apiVersion,
  resource,
  kind,
  namespaced
})

export const RESOURCES = {
  Deployment: t('apps/v1', 'deployments', 'Deployment'),
  StatefulSet: t('apps/v1', 'statefulsets', 'StatefulSet'),
  DaemonSet: t('apps/v1', 'daemonsets', 'DaemonSet'),
  ReplicaSet: t('apps/v1', 'replicasets', 'ReplicaSet'),
  ControllerRevision: t('apps/v1', 'controllerrevisions', 'ControllerRevision'),
  Pod: t('v1', 'pods', 'Pod'),
  Service: t('v1', 'services', 'Service'),
  Endpoints: t('v1', 'endpoints', 'Endpoints'),
  EndpointSlice: t('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
  Event: t('v1', 'events', 'Event'),
  Secret: t('v1', 'secrets', 'Secret'),
  ConfigMap: t('v1', 'configmaps', 'ConfigMap'),
  Namespace: t('v1', 'namespaces', 'Namespace', false)
} as const satisfies Record<string, ResourceType>

/** The built-in type for a kind, when the apiVersion (if given) matches; kinds are matched case-insensitively. */
export function builtinResource(kind: string, apiVersion?: string): ResourceType | undefined {
  const found = Object.values(RESOURCES).find((r) => r.kind.toLowerCase() === kind.toLowerCase())
  if (!found) return undefined
  if (apiVersion && apiVersion !== found.apiVersion) return undefined
  return found
}

/** `deployments.apps`, `pods` — the name RBAC messages and kubectl use. */
export function qualifiedResource(type: Pick<ResourceType, 'apiVersion' | 'resource'>): string {
  const group = groupOf(type.apiVersion)
  return group ? `${type.resource}.${group}` : type.resource
}

export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : ''
}

/** URL path of a collection or object: `/apis/apps/v1/namespaces/prod/deployments/api`. */
export function resourcePath(type: ResourceType, namespace: string | undefined, name?: string): string {
  const root = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`
  const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
  const tail = name === undefined ? '' : `/${encodeURIComponent(name)}`
  return `${root}${ns}/${type.resource}${tail}`
}
