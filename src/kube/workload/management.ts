/**
 * Who manages a workload, read from the marks each tool leaves on the objects it owns. Pure.
 *
 * It matters for rollback because a plain undo behind the manager's back does not last: the next
 * `helm upgrade`, Argo CD sync or Flux reconcile puts the bad version back. The rules, checked in
 * this order (the first match wins, because the tools stack):
 *
 * 1. **Argo CD** — the `argocd.argoproj.io/tracking-id` annotation `<app>:<group>/<kind>:<ns>/<name>`
 *    (argo-cd util/argo/resource_tracking.go ParseAppInstanceValue), counted only when it names this
 *    very object: Argo CD itself ignores a tracking id copied onto another object. Else the label
 *    `argocd.argoproj.io/instance` (label tracking, the default before Argo CD 3.0). The app name is
 *    `<appNamespace>_<app>` for apps outside Argo CD's own namespace (apps in any namespace). Checked
 *    first because Argo CD renders Helm charts with `helm template`: its objects carry Helm's labels
 *    without any Helm release behind them.
 * 2. **Flux** — `kustomize.toolkit.fluxcd.io/name`+`/namespace` or `helm.toolkit.fluxcd.io/name`+
 *    `/namespace` labels. Before Helm, because Flux's helm-controller drives a real Helm release and
 *    would undo a `helm rollback` made behind its back.
 * 3. **Helm** — Helm's own ownership check (helm pkg/action/validate.go): label
 *    `app.kubernetes.io/managed-by=Helm` and annotation `meta.helm.sh/release-name` (the release
 *    namespace from `meta.helm.sh/release-namespace`, else the object's). The label alone (e.g.
 *    `helm template | kubectl apply`) is no release: that stays `kubectl`, with a note.
 * 4. Otherwise **kubectl**: nothing reverts a plain undo.
 */
import type { KubeObject } from '../api.js'
import { groupOf } from '../resources.js'

const ARGOCD_TRACKING_ID = 'argocd.argoproj.io/tracking-id'
const ARGOCD_INSTANCE_LABEL = 'argocd.argoproj.io/instance'
const HELM_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by'
const HELM_RELEASE_NAME = 'meta.helm.sh/release-name'
const HELM_RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace'
const FLUX_LABELS = {
  Kustomization: 'kustomize.toolkit.fluxcd.io',
  HelmRelease: 'helm.toolkit.fluxcd.io'
} as const

/** Argo CD's namespace when the config names none (where its Applications live by default). */
export const DEFAULT_ARGOCD_NAMESPACE = 'argocd'

export type Management =
  | { managedBy: 'helm'; release: string; namespace: string; evidence: string }
  | {
      managedBy: 'argocd'
      /** The Application's name. */
      application: string
      /** Where the Application object lives. */
      namespace: string
      evidence: string
    }
  | { managedBy: 'flux'; kind: 'Kustomization' | 'HelmRelease'; name: string; namespace: string; evidence: string }
  | { managedBy: 'kubectl'; evidence: string }

export interface DetectOptions {
  /** Argo CD's control-plane namespace (config `verify.gitops.argocd.namespace`); default `argocd`. */
  argocdNamespace?: string
}

interface TrackingId {
  application: string
  group: string
  kind: string
  namespace: string
  name: string
}

/** `<app>:<group>/<kind>:<namespace>/<name>` as Argo CD parses it (SplitN on ':' into 3), or undefined. */
export function parseTrackingId(value: string): TrackingId | undefined {
  const first = value.indexOf(':')
  const second = first < 0 ? -1 : value.indexOf(':', first + 1)
  if (first <= 0 || second < 0) return undefined
  const groupKind = value.slice(first + 1, second).split('/')
  const namespaceName = value.slice(second + 1).split('/')
  if (groupKind.length !== 2 || namespaceName.length !== 2) return undefined
  const [group, kind] = groupKind as [string, string]
  const [namespace, name] = namespaceName as [string, string]
  return { application: value.slice(0, first), group, kind, namespace, name }
}

/** `ns_app` → the app in `ns`; `app` → the app in Argo CD's own namespace (argo-cd Application.InstanceName). */
function argoApplication(instance: string, argocdNamespace: string): { application: string; namespace: string } {
  const split = instance.indexOf('_')
  if (split > 0 && split < instance.length - 1) {
    return { namespace: instance.slice(0, split), application: instance.slice(split + 1) }
  }
  return { namespace: argocdNamespace, application: instance }
}

function trackedHere(id: TrackingId, workload: KubeObject): boolean {
  return (
    id.kind === workload.kind &&
    id.group === groupOf(workload.apiVersion ?? '') &&
    id.name === workload.metadata.name &&
    id.namespace === (workload.metadata.namespace ?? '')
  )
}

function detectArgoCd(workload: KubeObject, argocdNamespace: string): Management | undefined {
  const annotation = workload.metadata.annotations?.[ARGOCD_TRACKING_ID]
  const tracking = annotation ? parseTrackingId(annotation) : undefined
  if (tracking && tracking.application && trackedHere(tracking, workload)) {
    const app = argoApplication(tracking.application, argocdNamespace)
    return { managedBy: 'argocd', ...app, evidence: `annotation ${ARGOCD_TRACKING_ID}=${annotation}` }
  }
  const label = workload.metadata.labels?.[ARGOCD_INSTANCE_LABEL]
  if (label) {
    const app = argoApplication(label, argocdNamespace)
    return { managedBy: 'argocd', ...app, evidence: `label ${ARGOCD_INSTANCE_LABEL}=${label}` }
  }
  return undefined
}

function detectFlux(workload: KubeObject): Management | undefined {
  const labels = workload.metadata.labels ?? {}
  // helm-controller first: a HelmRelease's objects are the release's, whoever created the HelmRelease.
  for (const kind of ['HelmRelease', 'Kustomization'] as const) {
    const prefix = FLUX_LABELS[kind]
    const name = labels[`${prefix}/name`]
    const namespace = labels[`${prefix}/namespace`]
    if (name && namespace) {
      return {
        managedBy: 'flux',
        kind,
        name,
        namespace,
        evidence: `labels ${prefix}/name=${name}, ${prefix}/namespace=${namespace}`
      }
    }
  }
  return undefined
}

function detectHelm(workload: KubeObject): Management | undefined {
  if (workload.metadata.labels?.[HELM_MANAGED_BY_LABEL] !== 'Helm') return undefined
  const release = workload.metadata.annotations?.[HELM_RELEASE_NAME]
  if (!release) {
    return {
      managedBy: 'kubectl',
      evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm without the ${HELM_RELEASE_NAME} annotation: rendered by Helm but not owned by a Helm release`
    }
  }
  const namespace = workload.metadata.annotations?.[HELM_RELEASE_NAMESPACE] || workload.metadata.namespace || 'default'
  return {
    managedBy: 'helm',
    release,
    namespace,
    evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm, annotation ${HELM_RELEASE_NAME}=${release}`
  }
}

/** Who manages `workload` (see the rules above). */
export function detectManager(workload: KubeObject, options: DetectOptions = {}): Management {
  const argocdNamespace = options.argocdNamespace || DEFAULT_ARGOCD_NAMESPACE
  return (
    detectArgoCd(workload, argocdNamespace) ??
    detectFlux(workload) ??
    detectHelm(workload) ?? { managedBy: 'kubectl', evidence: 'no Argo CD, Flux or Helm marks on the object' }
  )
}
