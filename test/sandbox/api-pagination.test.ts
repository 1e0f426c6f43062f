import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { builtinResources } from './resources.js'
import { startApiOnly, type ApiOnlySandbox } from './api-harness.js'

const pods = builtinResources.find((r) => r.resource === 'pods')!

describe('LIST pagination through @kubernetes/client-node', () => {
  let sandbox: ApiOnlySandbox
  let core: CoreV1Api

  beforeAll(async () => {
    sandbox = await startApiOnly({ scenarioText: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: big}\n' })
    for (let i = 0; i < 10_000; i++) {
      sandbox.store.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `pod-${String(i).padStart(5, '0')}`,
          namespace: 'big',
          labels: { app: 'big', shard: String(i % 4) }
        },
        spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] }
      })
    }
    const kc = new KubeConfig()
    kc.loadFromFile(sandbox.kubeconfigPath)
    core = kc.makeApiClient(CoreV1Api)
  })

  afterAll(async () => {
    await sandbox.stop()
  })

  it('lists 10,000 pods in 20 pages of 500, none lost or duplicated', async () => {
    const names: string[] = []
    let pages = 0
    let token: string | undefined
    do {
      const page = await core.listNamespacedPod({ namespace: 'big', limit: 500, _continue: token })
      pages++
      names.push(...page.items.map((p) => p.metadata!.name!))
      token = page.metadata?._continue || undefined
      if (token) expect(page.metadata?.remainingItemCount).toBe(10_000 - names.length)
    } while (token)
    // How fast is a figure for `npm run bench` (sandbox: paginated LIST), not a timed test.
    expect(pages).toBe(20)
    expect(names).toHaveLength(10_000)
    expect(new Set(names).size).toBe(10_000)
  })

  it('keeps the list resourceVersion across pages and sees objects created mid-way only once', async () => {
    const first = await core.listNamespacedPod({ namespace: 'big', limit: 500 })
    const rv = first.metadata!.resourceVersion
    sandbox.store.create(pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pod-99999', namespace: 'big' },
      spec: { containers: [{ name: 'c', image: 'x' }] }
    })
    const second = await core.listNamespacedPod({ namespace: 'big', limit: 500, _continue: first.metadata!._continue })
    expect(second.metadata!.resourceVersion).toBe(rv)
    expect(second.items[0]!.metadata!.name).toBe('pod-00500')
  })

  it('paginates with a label selector, without remainingItemCount', async () => {
    const names: string[] = []
    let token: string | undefined
    do {
      const page = await core.listNamespacedPod({
        namespace: 'big',
        labelSelector: 'shard in (1,3),app=big',
        limit: 1000,
        _continue: token
      })
      expect(page.metadata?.remainingItemCount).toBeUndefined()
      names.push(...page.items.map((p) => p.metadata!.name!))
      token = page.metadata?._continue || undefined
    } while (token)
    expect(names).toHaveLength(5000)
    expect(new Set(names).size).toBe(5000)
  })

  it('answers a malformed continue token with 400 BadRequest', async () => {
    await expect(
      core.listNamespacedPod({ namespace: 'big', limit: 5, _continue: 'not-a-token' })
    ).rejects.toMatchObject({ code: 400 })
  })
})
