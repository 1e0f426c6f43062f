/**
 * The resource types the sandbox serves: the single source for discovery, REST mapping, OpenAPI and
 * storage. A few custom kinds deploy-guard reads are built in; any other is served once a
 * CustomResourceDefinition for it is created (api/crd.ts adds it to the running registry).
 */
export interface ResourceDef {
  /** '' for the core group. */
  group: string
  version: string
  /** Lower-case plural used in URLs. */
  resource: string
  kind: string
  /** Lower-case singular, as discovery reports it. */
  singular: string
  namespaced: boolean
  shortNames?: string[]
  /** Sub-resources served, e.g. ['status', 'log', 'scale']. */
  subresources?: string[]
  /** kubectl categories such as 'all'. */
  categories?: string[]
  /** A CRD's additionalPrinterColumns (table output: Name, then these). */
  printerColumns?: PrinterColumn[]
  /** Name of the CustomResourceDefinition that registered this type (unset for built-in types). */
  definedBy?: string
}

export interface PrinterColumn {
  name: string
  /** string | integer | number | boolean | date */
  type: string
  /** Simple JSONPath: `.spec.replicas`, `.status.conditions[?(@.type=="Ready")].status`, `.items[0]`. */
  jsonPath: string
  priority?: number
}

export const groupVersion = (r: Pick<ResourceDef, 'group' | 'version'>): string =>
  r.group ? `${r.group}/${r.version}` : r.version

const verbsFor = (): string[] => ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
export const resourceVerbs = verbsFor

export const builtinResources: ResourceDef[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    subresources: ['status']
  },
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    subresources: ['status', 'log'],
    categories: ['all']
  },
  {
    group: '',
    version: 'v1',
    resource: 'services',
    kind: 'Service',
    singular: 'service',
    namespaced: true,
    shortNames: ['svc'],
    subresources: ['status'],
    categories: ['all']
  },
  {
    group: '',
    version: 'v1',
    resource: 'endpoints',
    kind: 'Endpoints',
    singular: 'endpoints',
    namespaced: true,
    shortNames: ['ep']
  },
  {
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev']
  },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', singular: 'secret', namespaced: true },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    singular: 'configmap',
    namespaced: true,
    shortNames: ['cm']
  },
  {
    group: '',
    version: 'v1',
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    singular: 'serviceaccount',
    namespaced: true,
    shortNames: ['sa']
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    singular: 'deployment',
    namespaced: true,
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
    categories: ['all']
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    singular: 'replicaset',
    namespaced: true,
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
    categories: ['all']
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    singular: 'statefulset',
    namespaced: true,
    shortNames: ['sts'],
    subresources: ['status', 'scale'],
    categories: ['all']
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    singular: 'daemonset',
    namespaced: true,
    shortNames: ['ds'],
    subresources: ['status'],
    categories: ['all']
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'controllerrevisions',
    kind: 'ControllerRevision',
    singular: 'controllerrevision',
    namespaced: true
  },
  {
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    kind: 'EndpointSlice',
    singular: 'endpointslice',
    namespaced: true
  },
  {
    group: 'events.k8s.io',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    singular: 'event',
    namespaced: true,
    shortNames: ['ev']
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    resource: 'ingresses',
    kind: 'Ingress',
    singular: 'ingress',
    namespaced: true,
    shortNames: ['ing'],
    subresources: ['status']
  },
  {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    resource: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    singular: 'customresourcedefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
    categories: ['api-extensions']
  },
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    resource: 'applications',
    kind: 'Application',
    singular: 'application',
    namespaced: true,
    shortNames: ['app', 'apps']
  },
  {
    group: 'argoproj.io',
    version: 'v1alpha1',
    resource: 'rollouts',
    kind: 'Rollout',
    singular: 'rollout',
    namespaced: true,
    shortNames: ['ro'],
    subresources: ['status']
  },
  {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    resource: 'kustomizations',
    kind: 'Kustomization',
    singular: 'kustomization',
    namespaced: true,
    shortNames: ['ks'],
    subresources: ['status']
  },
  {
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    resource: 'helmreleases',
    kind: 'HelmRelease',
    singular: 'helmrelease',
    namespaced: true,
    shortNames: ['hr'],
    subresources: ['status']
  },
  {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    resource: 'httproutes',
    kind: 'HTTPRoute',
    singular: 'httproute',
    namespaced: true,
    subresources: ['status']
  },
  {
    group: 'networking.istio.io',
    version: 'v1',
    resource: 'virtualservices',
    kind: 'VirtualService',
    singular: 'virtualservice',
    namespaced: true,
    shortNames: ['vs']
  },
  {
    group: 'example.com',
    version: 'v1',
    resource: 'widgets',
    kind: 'Widget',
    singular: 'widget',
    namespaced: true,
    subresources: ['status']
  }
]

/** Finds a resource by kind (and group/version when given). */
export function resourceForKind(
  resources: readonly ResourceDef[],
  apiVersion: string,
  kind: string
): ResourceDef | undefined {
  return resources.find((r) => r.kind === kind && groupVersion(r) === apiVersion)
}
