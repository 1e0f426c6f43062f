/**
 * The custom and built-in resources the GitOps checks read. Fixed here rather than discovered: one less
 * round trip, and a cluster without the CRD simply answers 404, which the checks explain as "not found".
 */
import type { ResourceType } from '../kube/api.js'

export const ARGO_APPLICATIONS: ResourceType = {
  apiVersion: 'argoproj.io/v1alpha1',
  resource: 'applications',
  kind: 'Application',
  namespaced: true
}

export const FLUX_KUSTOMIZATIONS: ResourceType = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  resource: 'kustomizations',
  kind: 'Kustomization',
  namespaced: true
}

export const FLUX_HELMRELEASES: ResourceType = {
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  resource: 'helmreleases',
  kind: 'HelmRelease',
  namespaced: true
}

export const SECRETS: ResourceType = { apiVersion: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true }
