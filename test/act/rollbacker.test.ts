/** The Rollbackers' I/O against the behaving fake: what lands on the object, dry runs, conflicts. */
import { describe, expect, it } from '@jest/globals'
import type { KubeObject } from '../../src/kube/api.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { isRollbackConflict, rollbackerFor } from '../../src/act/rollback/index.js'
import { FakeKubeApi } from '../fakes/kube-api.js'

const uid = 'u-web'
const owner = (kind: string) => [{ apiVersion: 'apps/v1', kind, name: 'web', uid, controller: true }]
const template = (image: string, labels: Record<string, string> = {}) => ({
  metadata: { labels: { app: 'web', ...labels } },
  spec: { containers: [{ name: 'app', image }] }
})

function deploymentCluster(): { api: FakeKubeApi; deployment: KubeObject } {
  const api = new FakeKubeApi()
  api.put(RESOURCES.Deployment, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'prod',
      uid,
      generation: 3,
      annotations: { 'deployment.kubernetes.io/revision': '2' }
    },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('img:2') }
  })
  for (const [revision, image] of [
    [1, 'img:1'],
    [2, 'img:2']
  ] as const) {
    api.put(RESOURCES.ReplicaSet, {
      kind: 'ReplicaSet',
      metadata: {
        name: `web-h${revision}`,
        namespace: 'prod',
        labels: { app: 'web', 'pod-template-hash': `h${revision}` },
        ownerReferences: owner('Deployment'),
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          'kubernetes.io/change-cause': `deploy ${revision}`
        }
      },
      spec: { template: template(image, { 'pod-template-hash': `h${revision}` }) }
    })
  }
  return { api, deployment: api.stored(RESOURCES.Deployment, 'prod', 'web')! }
}

describe('Deployment rollbacker', () => {
  it('patches the template and annotations of the previous revision', async () => {
    const { api, deployment } = deploymentCluster()
    const outcome = await rollbackerFor('Deployment')!.rollback(api, deployment, { toRevision: 0, dryRun: false })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      fromRevision: 2,
      toRevision: 1,
      dryRun: false,
      message: 'rolled back'
    })
    const after = api.stored(RESOURCES.Deployment, 'prod', 'web')!
    expect(after.spec).toMatchObject({ replicas: 2, template: template('img:1') })
    expect(after.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '2',
      'kubernetes.io/change-cause': 'deploy 1'
    })
    expect(after.metadata.generation).toBe(4)
    expect(api.patches).toHaveLength(1)
    expect(api.patches[0]).toMatchObject({ patchType: 'json', body: outcome.patch!.body })
  })

  it('a dry run reports the exact patch and writes nothing', async () => {
    const { api, deployment } = deploymentCluster()
    const outcome = await rollbackerFor('deploy')!.rollback(api, deployment, { toRevision: 1, dryRun: true })
    expect(outcome).toMatchObject({ result: 'rolled-back', dryRun: true, toRevision: 1, patch: { type: 'json' } })
    expect(api.patches).toEqual([])
    expect(api.stored(RESOURCES.Deployment, 'prod', 'web')!.spec).toMatchObject({ template: template('img:2') })
  })

  it('a workload that changed after it was read fails with a conflict the caller can detect', async () => {
    const { api, deployment } = deploymentCluster()
    // Someone else scales the Deployment between our read and our write.
    await api.patch(RESOURCES.Deployment, 'prod', 'web', { spec: { replicas: 5 } }, 'merge')
    const error = await rollbackerFor('Deployment')!
      .rollback(api, deployment, { toRevision: 0, dryRun: false })
      .catch((e: unknown) => e)
    expect(isRollbackConflict(error)).toBe(true)
    expect(api.stored(RESOURCES.Deployment, 'prod', 'web')!.spec).toMatchObject({
      replicas: 5,
      template: template('img:2')
    })
  })

  it("kubectl's refusals are outcomes, not exceptions", async () => {
    const { api, deployment } = deploymentCluster()
    expect(await rollbackerFor('Deployment')!.rollback(api, deployment, { toRevision: 7, dryRun: false })).toEqual({
      result: 'error',
      reason: 'revision-not-found',
      fromRevision: 2,
      dryRun: false,
      message: 'unable to find specified revision 7 in history'
    })
    expect(api.patches).toEqual([])
  })
})

describe.each(['StatefulSet', 'DaemonSet'] as const)('%s rollbacker', (kind) => {
  it('applies the revision data as a strategic merge patch ($patch: replace drops fields of the bad template)', async () => {
    const api = new FakeKubeApi()
    const bad = { ...template('img:2'), spec: { containers: [{ name: 'app', image: 'img:2', args: ['--broken'] }] } }
    api.put(RESOURCES[kind], {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name: 'web', namespace: 'prod', uid, generation: 2 },
      spec: { selector: { matchLabels: { app: 'web' } }, template: bad }
    })
    for (const [revision, t] of [
      [1, template('img:1')],
      [2, bad]
    ] as const) {
      api.put(RESOURCES.ControllerRevision, {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: { name: `web-${revision}`, namespace: 'prod', labels: { app: 'web' }, ownerReferences: owner(kind) },
        revision,
        data: { spec: { template: { ...t, $patch: 'replace' } } }
      })
    }
    const workload = api.stored(RESOURCES[kind], 'prod', 'web')!
    const outcome = await rollbackerFor(kind)!.rollback(api, workload, { toRevision: 0, dryRun: false })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      fromRevision: 2,
      toRevision: 1,
      patch: { type: 'strategic' }
    })
    expect(api.stored(RESOURCES[kind], 'prod', 'web')!.spec).toEqual({
      selector: { matchLabels: { app: 'web' } },
      template: template('img:1')
    })
    const again = await rollbackerFor(kind)!.rollback(api, api.stored(RESOURCES[kind], 'prod', 'web')!, {
      toRevision: 1,
      dryRun: false
    })
    expect(again).toMatchObject({
      result: 'skipped',
      message: 'skipped rollback (current template already matches revision 1)'
    })
  })
})
