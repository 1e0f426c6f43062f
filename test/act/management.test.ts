/** Who manages a workload (detectManager) and which way its rollback goes (chooseRollbackPath): tables. */
import { describe, expect, it } from '@jest/globals'
import type { KubeObject } from '../../src/kube/api.js'
import { detectManager, parseTrackingId, type Management } from '../../src/kube/workload/management.js'
import { chooseRollbackPath, type ManagerPolicy, type RollbackPath } from '../../src/decide/manager-policy.js'

const workload = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'shop', labels, annotations }
})

const HELM_LABEL = { 'app.kubernetes.io/managed-by': 'Helm' }
const helmAnnotations = (release: string, namespace?: string) => ({
  'meta.helm.sh/release-name': release,
  ...(namespace ? { 'meta.helm.sh/release-namespace': namespace } : {})
})

describe('detectManager', () => {
  const cases: Array<
    [string, KubeObject, Management['managedBy'], Partial<Management>, { argocdNamespace?: string }?]
  > = [
    ['nothing: kubectl', workload(), 'kubectl', {}],
    [
      'Helm label and annotations',
      workload(HELM_LABEL, helmAnnotations('api-prod', 'releases')),
      'helm',
      { release: 'api-prod', namespace: 'releases' }
    ],
    [
      "Helm without release-namespace: the object's namespace",
      workload(HELM_LABEL, helmAnnotations('api')),
      'helm',
      { release: 'api', namespace: 'shop' }
    ],
    ['Helm label only (helm template | kubectl apply): no release', workload(HELM_LABEL), 'kubectl', {}],
    [
      "release annotation without Helm's label: not Helm-owned (Helm's own check)",
      workload({}, helmAnnotations('api')),
      'kubectl',
      {}
    ],
    [
      'managed-by another tool',
      workload({ 'app.kubernetes.io/managed-by': 'kustomize' }, helmAnnotations('api')),
      'kubectl',
      {}
    ],
    [
      'Argo CD tracking id naming this object',
      workload({}, { 'argocd.argoproj.io/tracking-id': 'shop-api:apps/Deployment:shop/api' }),
      'argocd',
      { application: 'shop-api', namespace: 'argocd' }
    ],
    [
      'Argo CD tracking id, configured Argo CD namespace',
      workload({}, { 'argocd.argoproj.io/tracking-id': 'shop-api:apps/Deployment:shop/api' }),
      'argocd',
      { application: 'shop-api', namespace: 'gitops' },
      { argocdNamespace: 'gitops' }
    ],
    [
      'Argo CD app in any namespace: <ns>_<app>',
      workload({}, { 'argocd.argoproj.io/tracking-id': 'team-a_shop-api:apps/Deployment:shop/api' }),
      'argocd',
      { application: 'shop-api', namespace: 'team-a' }
    ],
    [
      'a tracking id copied from another object does not count',
      workload({}, { 'argocd.argoproj.io/tracking-id': 'other:apps/Deployment:shop/other' }),
      'kubectl',
      {}
    ],
    [
      'a malformed tracking id does not count',
      workload({}, { 'argocd.argoproj.io/tracking-id': 'app;apps/Deployment/shop/api' }),
      'kubectl',
      {}
    ],
    [
      'Argo CD instance label (label tracking)',
      workload({ 'argocd.argoproj.io/instance': 'shop-api' }),
      'argocd',
      { application: 'shop-api', namespace: 'argocd' }
    ],
    [
      "Argo CD rendering a Helm chart: Argo CD wins over Helm's labels",
      workload({ ...HELM_LABEL, 'argocd.argoproj.io/instance': 'shop-api' }, helmAnnotations('api')),
      'argocd',
      { application: 'shop-api' }
    ],
    [
      'Flux Kustomization',
      workload({ 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' }),
      'flux',
      { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' }
    ],
    [
      'Flux HelmRelease: Flux wins over Helm (it would undo a helm rollback)',
      workload(
        { ...HELM_LABEL, 'helm.toolkit.fluxcd.io/name': 'api', 'helm.toolkit.fluxcd.io/namespace': 'shop' },
        helmAnnotations('shop-api')
      ),
      'flux',
      { kind: 'HelmRelease', name: 'api', namespace: 'shop' }
    ],
    [
      'Flux name label without its namespace: not Flux',
      workload({ 'kustomize.toolkit.fluxcd.io/name': 'apps' }),
      'kubectl',
      {}
    ]
  ]
  // Rest parameters: a callback declaring more parameters than a row has would be taken for `done`.
  it.each(cases)('%s', (...[, object, managedBy, fields, options]) => {
    const management = detectManager(object, options)
    expect(management.managedBy).toBe(managedBy)
    expect(management).toMatchObject(fields)
    expect(management.evidence.length).toBeGreaterThan(0)
  })

  it('core-group and cluster-scoped objects: empty group and namespace in the tracking id', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'api',
        namespace: 'shop',
        annotations: { 'argocd.argoproj.io/tracking-id': 'shop-api:/Service:shop/api' }
      }
    }
    expect(detectManager(service)).toMatchObject({ managedBy: 'argocd', application: 'shop-api' })
    expect(parseTrackingId('app:rbac.authorization.k8s.io/ClusterRole:/reader')).toEqual({
      application: 'app',
      group: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      namespace: '',
      name: 'reader'
    })
    expect(parseTrackingId('app')).toBeUndefined()
    expect(parseTrackingId(':apps/Deployment:shop/api')).toBeUndefined()
  })
})

describe('chooseRollbackPath', () => {
  const helm: Management = { managedBy: 'helm', release: 'api', namespace: 'shop', evidence: '' }
  const argo: Management = { managedBy: 'argocd', application: 'api', namespace: 'argocd', evidence: '' }
  const flux: Management = {
    managedBy: 'flux',
    kind: 'Kustomization',
    name: 'apps',
    namespace: 'flux-system',
    evidence: ''
  }
  const plain: Management = { managedBy: 'kubectl', evidence: '' }
  const cases: Array<[string, Management, ManagerPolicy, Partial<RollbackPath>]> = [
    ['plain workload: the plain undo', plain, {}, { path: 'kubectl' }],
    ['Helm by default: helm rollback', helm, {}, { path: 'helm', release: 'api', namespace: 'shop' }],
    ['Helm, rollback.helm: kubectl: the plain undo with a note', helm, { helm: 'kubectl' }, { path: 'kubectl' }],
    ['Argo CD by default: refuse', argo, {}, { path: 'argocd', mode: 'refuse' }],
    ['Argo CD, rollback.argocd: sync', argo, { argocd: 'sync' }, { path: 'argocd', mode: 'sync', application: 'api' }],
    [
      'Flux: refused, whatever the policy',
      flux,
      { helm: 'kubectl', argocd: 'sync' },
      { path: 'refuse', manager: 'flux' }
    ]
  ]
  it.each(cases)('%s', (_title, management, policy, expected) => {
    expect(chooseRollbackPath(management, policy)).toMatchObject(expected)
  })

  it('says why a Helm-managed plain undo is a choice, and what Flux needs', () => {
    const undo = chooseRollbackPath(helm, { helm: 'kubectl' })
    expect(undo).toEqual({
      path: 'kubectl',
      note: 'Helm release "api" manages this workload; undoing it directly as configured (rollback.helm: kubectl): the next helm upgrade will revert it, and helm history still shows the failed revision as deployed.'
    })
    expect(chooseRollbackPath(flux)).toMatchObject({
      manualCommand: 'flux suspend kustomization apps -n flux-system',
      message:
        'Workload managed by Flux Kustomization "apps" (namespace "flux-system"): deploy-guard did not roll it back, because Flux would re-apply Git\'s version at its next reconcile. Revert the change in Git, or suspend it first (`flux suspend kustomization apps -n flux-system`) and roll back by hand.'
    })
  })
})
