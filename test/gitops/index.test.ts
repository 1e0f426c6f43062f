import { describe, expect, it } from '@jest/globals'
import { checkGitOps } from '../../src/gitops/index.js'
import { ARGO_APPLICATIONS, FLUX_HELMRELEASES, FLUX_KUSTOMIZATIONS, SECRETS } from '../../src/gitops/resources.js'
import { KubeApiError } from '../../src/kube/api.js'
import { FakeKubeApi as FakeKube } from '../fakes/kube-api.js'
import { releaseSecret } from './helm-fixtures.js'

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

const argoApp = {
  metadata: { name: 'api', namespace: 'argocd' },
  status: { sync: { status: 'Synced', revision: SHA }, health: { status: 'Healthy' } }
}
const kustomization = {
  metadata: { name: 'apps', namespace: 'flux-system', generation: 1 },
  status: { observedGeneration: 1, conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded' }] }
}

function healthyCluster(): FakeKube {
  return new FakeKube()
    .add(ARGO_APPLICATIONS, argoApp)
    .add(FLUX_KUSTOMIZATIONS, kustomization)
    .add(
      SECRETS,
      releaseSecret({ name: 'api', namespace: 'prod', version: 1, status: 'deployed', description: 'Install complete' })
    )
}

describe('checkGitOps', () => {
  it('runs nothing when nothing is configured', async () => {
    const api = new FakeKube()
    expect(await checkGitOps(api, {}, 'prod')).toEqual([])
    expect(api.requestCount).toBe(0)
  })

  it('runs every configured check, in Argo, Flux, Helm order, with namespace defaults', async () => {
    const rows = await checkGitOps(
      healthyCluster(),
      {
        argocd: { application: 'api', namespace: '', revision: SHA.slice(0, 7) },
        flux: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' },
        helm: { release: 'api' }
      },
      'prod'
    )
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['argocd:sync', 'passed'],
      ['argocd:health', 'passed'],
      ['argocd:revision', 'passed'],
      ['flux', 'passed'],
      ['helm', 'passed']
    ])
  })

  it('reports missing objects as failed with a hint', async () => {
    const rows = await checkGitOps(
      new FakeKube(),
      {
        argocd: { application: 'web', namespace: 'argocd' },
        flux: { kind: 'HelmRelease', name: 'web', namespace: 'flux-system' },
        helm: { release: 'web', namespace: 'prod' }
      },
      'prod'
    )
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.status === 'failed')).toBe(true)
    expect(rows[0]).toMatchObject({
      id: 'argocd',
      actual: 'not found',
      reason: expect.stringMatching(/"web" in namespace "argocd"/)
    })
    expect(rows[1]).toMatchObject({
      id: 'flux',
      title: 'Flux HelmRelease web',
      reason: expect.stringMatching(/flux-system/)
    })
    expect(rows[2]).toMatchObject({ id: 'helm', actual: 'release not found' })
  })

  it('reads the Flux HelmRelease resource for kind HelmRelease', async () => {
    const api = new FakeKube().add(FLUX_HELMRELEASES, {
      ...kustomization,
      metadata: { ...kustomization.metadata, name: 'web' }
    })
    const rows = await checkGitOps(
      api,
      { flux: { kind: 'HelmRelease', name: 'web', namespace: 'flux-system' } },
      'prod'
    )
    expect(rows).toEqual([expect.objectContaining({ title: 'Flux HelmRelease web', status: 'passed' })])
  })

  it('makes a transient API error inconclusive for that tool only', async () => {
    const api = healthyCluster().failOn(
      ARGO_APPLICATIONS,
      new KubeApiError(
        'API server unreachable at https://fake.invalid: ECONNRESET',
        'unreachable',
        undefined,
        'get',
        'applications.argoproj.io'
      )
    )
    const rows = await checkGitOps(
      api,
      { argocd: { application: 'api', namespace: 'argocd' }, helm: { release: 'api' } },
      'prod'
    )
    expect(rows).toEqual([
      {
        id: 'argocd',
        title: 'Argo CD application',
        expected: 'Synced and Healthy',
        actual: 'API unreachable',
        status: 'inconclusive',
        reason: 'Could not read the state (unreachable): API server unreachable at https://fake.invalid: ECONNRESET'
      },
      expect.objectContaining({ id: 'helm', status: 'passed' })
    ])
  })

  it('makes a 5xx on the Secret list inconclusive, never passed', async () => {
    const api = healthyCluster().failOn(
      SECRETS,
      new KubeApiError('Internal error', 'server-error', 500, 'list', 'secrets')
    )
    const rows = await checkGitOps(api, { helm: { release: 'api' } }, 'prod')
    expect(rows).toEqual([expect.objectContaining({ id: 'helm', title: 'Helm release api', status: 'inconclusive' })])
  })

  it('keeps the RBAC hint of a 403', async () => {
    const message =
      'secrets is forbidden: User "ci" cannot list resource "secrets" in the namespace "prod"; grant RBAC list on secrets'
    const api = new FakeKube().failOn(SECRETS, new KubeApiError(message, 'forbidden', 403, 'list', 'secrets'))
    const [row] = await checkGitOps(api, { helm: { release: 'api' } }, 'prod')
    expect(row).toMatchObject({ status: 'inconclusive', actual: 'forbidden', reason: message })
  })

  it('adds an RBAC hint when a 403 message has none', async () => {
    const api = new FakeKube().failOn(
      FLUX_KUSTOMIZATIONS,
      new KubeApiError('Forbidden', 'forbidden', 403, 'get', 'kustomizations.kustomize.toolkit.fluxcd.io')
    )
    const [row] = await checkGitOps(
      api,
      { flux: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' } },
      'prod'
    )
    expect(row).toMatchObject({ status: 'inconclusive', id: 'flux' })
    expect(row?.reason).toBe(
      'Forbidden (RBAC: the runner\'s identity needs "get" on kustomizations.kustomize.toolkit.fluxcd.io in namespace "flux-system")'
    )
  })

  it('makes an unexpected error inconclusive too', async () => {
    const api = new FakeKube().failOn(ARGO_APPLICATIONS, new Error('boom'))
    const [row] = await checkGitOps(api, { argocd: { application: 'api', namespace: 'argocd' } }, 'prod')
    expect(row).toMatchObject({ status: 'inconclusive', reason: 'Could not read the state: boom' })
  })
})
