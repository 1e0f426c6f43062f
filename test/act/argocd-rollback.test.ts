/**
 * Argo CD-managed rollback (issue 8, acceptance 6) against the sandbox, with the Application CRD
 * registered by the scenario. There is no Argo CD controller, so the tests assert what lands on the
 * Application: the default refusal leaves it untouched; `rollback.argocd: sync` turns automated sync
 * off and sets the sync operation `argocd app rollback` would set; the refusals of the Argo CD server.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { ARGO_APPLICATIONS } from '../../src/gitops/resources.js'
import { rollbackArgoCd } from '../../src/act/rollback/argocd.js'
import type { ArgoApplicationForRollback } from '../../src/act/rollback/argocd-plan.js'
import { detectManager } from '../../src/kube/workload/management.js'
import { chooseRollbackPath } from '../../src/decide/manager-policy.js'
import { builtinResources } from '../sandbox/resources.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'

const SHA = { a: 'a'.repeat(40), b: 'b'.repeat(40), c: 'c'.repeat(40) }
const source = { repoURL: 'https://git.example/shop.git', path: 'deploy', targetRevision: 'main' }

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: applications.argoproj.io }
spec:
  group: argoproj.io
  scope: Namespaced
  names: { plural: applications, singular: application, kind: Application, listKind: ApplicationList, shortNames: [app, apps] }
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } }
`

interface AppOptions {
  name: string
  automated?: Record<string, unknown>
  history?: unknown[]
  operation?: unknown
  namespace?: string
}

function application(o: AppOptions): string {
  const app = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: o.name, namespace: o.namespace ?? 'argocd' },
    spec: {
      project: 'default',
      source,
      destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
      syncPolicy: { ...(o.automated ? { automated: o.automated } : {}), syncOptions: ['CreateNamespace=true'] }
    },
    ...(o.operation ? { operation: o.operation } : {}),
    status: {
      sync: { status: 'Synced', revision: SHA.c },
      health: { status: 'Degraded' },
      history: o.history ?? [
        { id: 1, revision: SHA.a, source, deployedAt: '2026-01-01T00:00:00Z' },
        { id: 2, revision: SHA.b, source, deployedAt: '2026-01-02T00:00:00Z' },
        { id: 3, revision: SHA.c, source, deployedAt: '2026-01-03T00:00:00Z' }
      ],
      operationState: { phase: 'Succeeded', operation: { sync: { revision: SHA.c } } }
    }
  }
  return JSON.stringify(app)
}

const scenario = [
  'apiVersion: v1\nkind: Namespace\nmetadata: { name: argocd }',
  'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }',
  'apiVersion: v1\nkind: Namespace\nmetadata: { name: team }',
  crd,
  application({ name: 'api', automated: { prune: true, selfHeal: true } }),
  application({ name: 'api-manual' }),
  application({ name: 'api-sync', automated: { prune: true, selfHeal: true } }),
  application({ name: 'api-dry', automated: { selfHeal: true } }),
  application({ name: 'api-recorded' }),
  application({ name: 'api-busy', operation: { sync: { revision: SHA.c }, initiatedBy: { automated: true } } }),
  application({ name: 'api-young', history: [{ id: 7, revision: SHA.c, source }] }),
  application({ name: 'api-conflict', automated: {} }),
  application({ name: 'api-deleting' }),
  application({
    name: 'api-multi',
    namespace: 'team',
    history: [
      {
        id: 1,
        revisions: [SHA.a, '1.0.0'],
        sources: [source, { repoURL: 'https://charts.example', chart: 'api', targetRevision: '1.0.0' }]
      },
      {
        id: 2,
        revisions: [SHA.c, '1.1.0'],
        sources: [source, { repoURL: 'https://charts.example', chart: 'api', targetRevision: '1.1.0' }]
      }
    ]
  }),
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  annotations: { argocd.argoproj.io/tracking-id: "api-sync:apps/Deployment:shop/api" }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: app, image: "registry/api:v2" }] }`
].join('\n---\n')

let sandbox: Sandbox
let api: KubeClient

const getApp = async (name: string, namespace = 'argocd'): Promise<ArgoApplicationForRollback> =>
  (await api.get<ArgoApplicationForRollback>(ARGO_APPLICATIONS, namespace, name))!

beforeAll(async () => {
  sandbox = await startSandbox({ scenarioText: scenario, timeScale: 100 })
  api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, { retries: 1, minRetryDelayMs: 10 })
}, 60_000)

afterAll(async () => {
  await api?.close()
  await sandbox?.stop()
})

describe('Argo CD-managed rollback', () => {
  it('default: refuses with the reason and the commands to run, and leaves the Application alone', async () => {
    const before = await getApp('api')
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api', namespace: 'argocd' },
      { mode: 'refuse', dryRun: false }
    )
    expect(outcome).toMatchObject({
      result: 'error',
      reason: 'auto-sync',
      fromRevision: 3,
      toRevision: 2,
      autoSyncDisabled: false
    })
    expect(outcome.manualCommand).toBe('argocd app set api --sync-policy none && argocd app rollback api 2')
    expect(outcome.message).toBe(
      'Workload managed by Argo CD application "api": deploy-guard did not roll it back, because its automated sync would put Git\'s version straight back after a plain undo. Roll back through Argo CD: disable auto-sync first, then roll back (`argocd app set api --sync-policy none && argocd app rollback api 2`), and re-enable auto-sync once a fix is in Git; or set `rollback.argocd: sync` to let deploy-guard do this.'
    )
    expect(outcome.patch).toBeUndefined()
    expect(await getApp('api')).toEqual(before)
  })

  it('default without auto-sync: still refuses, with the one command', async () => {
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-manual', namespace: 'argocd' },
      { mode: 'refuse', dryRun: false }
    )
    expect(outcome).toMatchObject({
      result: 'error',
      reason: 'manual-only',
      manualCommand: 'argocd app rollback api-manual 2'
    })
  })

  it("sync: from the workload's tracking id to the patched Application — auto-sync off, the rollback operation set", async () => {
    const workload = (await api.get(RESOURCES.Deployment, 'shop', 'api'))!
    const management = detectManager(workload)
    expect(management).toMatchObject({ managedBy: 'argocd', application: 'api-sync', namespace: 'argocd' })
    const path = chooseRollbackPath(management, { argocd: 'sync' })
    expect(path).toEqual({ path: 'argocd', application: 'api-sync', namespace: 'argocd', mode: 'sync' })
    if (path.path !== 'argocd') throw new Error('unreachable')

    const outcome = await rollbackArgoCd(api, path, { mode: path.mode, dryRun: false })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      fromRevision: 3,
      toRevision: 2,
      targetRevisions: [SHA.b],
      autoSyncDisabled: true,
      removedAutomation: { prune: true, selfHeal: true },
      reenableCommand: 'argocd app set api-sync --sync-policy automated --auto-prune --self-heal'
    })
    expect(outcome.message).toBe(
      'asked Argo CD to sync application "api-sync" back to history id 2 (revision bbbbbbb); its controller runs the sync, and the app reads OutOfSync until Git is fixed. Automated sync was turned off (it would sync straight back to Git): turn it back on once a fix is in Git (`argocd app set api-sync --sync-policy automated --auto-prune --self-heal`).'
    )
    const after = await getApp('api-sync')
    expect(after.spec?.syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'] })
    expect(after.operation).toEqual({
      sync: {
        revision: SHA.b,
        source,
        prune: false,
        syncOptions: ['CreateNamespace=true'],
        syncStrategy: { apply: {} }
      },
      initiatedBy: { username: 'deploy-guard' },
      info: [{ name: 'Reason', value: 'deploy-guard rollback to history id 2' }]
    })
    expect(after.status).not.toHaveProperty('operationState')
    expect(after.status?.history).toHaveLength(3)

    // A second run finds the operation set: refused, nothing written.
    const again = await rollbackArgoCd(api, path, { mode: 'sync', dryRun: false })
    expect(again).toMatchObject({ result: 'error', reason: 'operation-in-progress' })
    expect((await getApp('api-sync')).metadata.resourceVersion).toBe(after.metadata.resourceVersion)
  })

  it('sync, dry run: reports the exact patch and changes nothing', async () => {
    const before = await getApp('api-dry')
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-dry', namespace: 'argocd' },
      { mode: 'sync', dryRun: true }
    )
    expect(outcome).toMatchObject({ result: 'rolled-back', dryRun: true, autoSyncDisabled: true, toRevision: 2 })
    expect(outcome.patch).toEqual({
      type: 'merge',
      body: {
        metadata: { resourceVersion: before.metadata.resourceVersion },
        spec: { syncPolicy: { automated: null } },
        operation: {
          sync: {
            revision: SHA.b,
            source,
            prune: false,
            syncOptions: ['CreateNamespace=true'],
            syncStrategy: { apply: {} }
          },
          initiatedBy: { username: 'deploy-guard' },
          info: [{ name: 'Reason', value: 'deploy-guard rollback to history id 2' }]
        },
        status: { operationState: null }
      }
    })
    expect(outcome.message).toMatch(
      /^would ask Argo CD to sync application "api-dry" back to history id 2 .*Automated sync would be turned off/
    )
    expect(await getApp('api-dry')).toEqual(before)
  })

  it('sync to the revision the snapshot recorded (a short SHA), auto-sync already off', async () => {
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-recorded', namespace: 'argocd', recordedRevision: SHA.a.slice(0, 7) },
      { mode: 'sync', dryRun: false, prune: true }
    )
    expect(outcome).toMatchObject({ result: 'rolled-back', toRevision: 1, autoSyncDisabled: false })
    expect(outcome.reenableCommand).toBeUndefined()
    expect((await getApp('api-recorded')).operation).toMatchObject({ sync: { revision: SHA.a, prune: true } })
  })

  it('a multi-source history entry: sources and revisions, --app-namespace outside argocd', async () => {
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-multi', namespace: 'team' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({ result: 'rolled-back', toRevision: 1, targetRevisions: [SHA.a, '1.0.0'] })
    const sync = ((await getApp('api-multi', 'team')).operation as { sync: Record<string, unknown> }).sync
    expect(sync).toEqual({
      revisions: [SHA.a, '1.0.0'],
      sources: [source, { repoURL: 'https://charts.example', chart: 'api', targetRevision: '1.0.0' }],
      prune: false,
      syncOptions: ['CreateNamespace=true'],
      syncStrategy: { apply: {} }
    })
    const refused = await rollbackArgoCd(
      api,
      { application: 'api-multi', namespace: 'team' },
      { mode: 'refuse', dryRun: false }
    )
    expect(refused.manualCommand).toBe('argocd app rollback api-multi 1 --app-namespace team')
  })

  it('another operation in progress: refused before anything is written', async () => {
    const before = await getApp('api-busy')
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-busy', namespace: 'argocd' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({
      result: 'error',
      reason: 'operation-in-progress',
      manualCommand: 'argocd app rollback api-busy 2'
    })
    expect(outcome.message).toBe(
      'Argo CD application "api-busy": another operation is already in progress; wait for it or stop it (`argocd app terminate-op api-busy`), then roll back.'
    )
    expect(await getApp('api-busy')).toEqual(before)
  })

  it("too little history: Argo CD's message", async () => {
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-young', namespace: 'argocd' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({
      result: 'error',
      reason: 'history-too-short',
      message: "application 'api-young' should have at least two successful deployments"
    })
    const unknownId = await rollbackArgoCd(
      api,
      { application: 'api-young', namespace: 'argocd', id: 3 },
      { mode: 'sync', dryRun: false }
    )
    expect(unknownId).toMatchObject({
      reason: 'history-id-not-found',
      message: 'application api-young does not have deployment with id 3'
    })
  })

  it('a deleting Application: refused', async () => {
    const resource = builtinResources.find((r) => r.group === 'argoproj.io' && r.resource === 'applications')!
    const stored = sandbox.store.get(resource, 'argocd', 'api-deleting')!
    sandbox.store.update(resource, {
      ...stored,
      metadata: { ...stored.metadata, deletionTimestamp: new Date().toISOString() }
    })
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-deleting', namespace: 'argocd' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({ result: 'error', reason: 'deleting' })
    expect((await getApp('api-deleting')).operation).toBeUndefined()
  })

  it('a missing Application: says where it looked', async () => {
    const outcome = await rollbackArgoCd(
      api,
      { application: 'nope', namespace: 'argocd' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({ result: 'error', reason: 'not-found' })
    expect(outcome.message).toContain('no Application "nope" in namespace "argocd"')
  })

  it('a 409 (the controller wrote the Application meanwhile): re-read, re-checked, set once', async () => {
    sandbox.faults.add({
      method: 'PATCH',
      path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/api-conflict',
      status: 409,
      times: 1
    })
    sandbox.clearRequests()
    const outcome = await rollbackArgoCd(
      api,
      { application: 'api-conflict', namespace: 'argocd' },
      { mode: 'sync', dryRun: false }
    )
    expect(outcome).toMatchObject({ result: 'rolled-back', autoSyncDisabled: true, toRevision: 2 })
    const calls = sandbox.requests
      .filter((r) => r.path.endsWith('/applications/api-conflict'))
      .map((r) => `${r.method} ${r.status}`)
    expect(calls).toEqual(['GET 200', 'PATCH 409', 'GET 200', 'PATCH 200'])
    const after = await getApp('api-conflict')
    expect(after.spec?.syncPolicy).not.toHaveProperty('automated')
    expect(after.operation).toMatchObject({ sync: { revision: SHA.b } })
  })
})
