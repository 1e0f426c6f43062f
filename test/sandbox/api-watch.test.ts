import { HISTORY_LIMIT, HISTORY_SLACK } from './store.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CoreV1Api, KubeConfig, Watch, type V1ConfigMap } from '@kubernetes/client-node'
import { builtinResources } from './resources.js'
import type { StoredObject } from './store.js'
import { startApiOnly, type ApiOnlySandbox } from './api-harness.js'

const configmaps = builtinResources.find((r) => r.resource === 'configmaps')!

/** Polls `condition` every 10 ms until it holds or `timeoutMs` passes. */
async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

interface Seen {
  type: string
  name: string
  rv: string
}

describe('WATCH through @kubernetes/client-node', () => {
  let sandbox: ApiOnlySandbox
  let kc: KubeConfig
  let core: CoreV1Api
  const controllers: AbortController[] = []
  let finished = false

  const cm = (namespace: string, name: string, value = '0'): StoredObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data: { value }
  })

  beforeAll(async () => {
    sandbox = await startApiOnly({
      scenarioText:
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: w}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: old}\n',
      bookmarkIntervalMs: 100
    })
    kc = new KubeConfig()
    kc.loadFromFile(sandbox.kubeconfigPath)
    core = kc.makeApiClient(CoreV1Api)
  })

  afterAll(async () => {
    finished = true
    for (const c of controllers) c.abort()
    await sandbox.stop()
  })

  it('follows every change across a forced disconnect by re-watching from the last resourceVersion', async () => {
    const seen: Seen[] = []
    let lastRv = (await core.listNamespacedConfigMap({ namespace: 'w' })).metadata!.resourceVersion!
    let disconnects = 0
    let watching = false
    const path = '/api/v1/namespaces/w/configmaps'
    sandbox.faults.add({ method: 'GET', path, dropWatchAfterMs: 150, times: 1 })

    const start = async (): Promise<void> => {
      watching = true
      const controller = await new Watch(kc).watch(
        path,
        { resourceVersion: lastRv, allowWatchBookmarks: true },
        (type, object: V1ConfigMap) => {
          lastRv = object.metadata!.resourceVersion!
          if (type !== 'BOOKMARK') seen.push({ type, name: object.metadata!.name!, rv: lastRv })
        },
        () => {
          if (finished) return
          watching = false
          disconnects++
          // changes made while no watch is connected must still be delivered after re-watching
          sandbox.store.create(configmaps, cm('w', `during-${disconnects}`))
          void start()
        }
      )
      controllers.push(controller)
    }
    await start()
    for (let i = 0; i < 5; i++) sandbox.store.create(configmaps, cm('w', `before-${i}`))
    await waitFor(() => disconnects >= 1 && watching, 5000, 'the watch to be cut and restarted')
    for (let i = 0; i < 5; i++) sandbox.store.create(configmaps, cm('w', `after-${i}`))
    const before0 = sandbox.store.get(configmaps, 'w', 'before-0')!
    sandbox.store.update(configmaps, { ...before0, data: { value: 'changed' } })
    sandbox.store.delete(configmaps, 'w', 'after-4')

    const expected = [
      'before-0',
      'before-1',
      'before-2',
      'before-3',
      'before-4',
      'during-1',
      'after-0',
      'after-1',
      'after-2',
      'after-3',
      'after-4'
    ]
    await waitFor(() => seen.some((s) => s.type === 'DELETED' && s.name === 'after-4'), 5000, 'the last event')
    const added = seen.filter((s) => s.type === 'ADDED').map((s) => s.name)
    expect(added).toEqual(expected)
    expect(seen.filter((s) => s.type === 'MODIFIED').map((s) => s.name)).toEqual(['before-0'])
    // each event exactly once, in resourceVersion order
    const rvs = seen.map((s) => Number(s.rv))
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs)
    expect(new Set(rvs).size).toBe(rvs.length)
    const watches = sandbox.requests.filter((r) => r.watch && r.path === path)
    expect(watches.length).toBeGreaterThanOrEqual(2)
  })

  it('sends an ERROR event with a 410 Expired Status for a compacted resourceVersion; re-listing recovers', async () => {
    const first = sandbox.store.create(configmaps, cm('old', 'churn'))
    const staleRv = first.metadata.resourceVersion!
    // push the stale version out of the server's history
    let current = first
    for (let i = 0; i < HISTORY_LIMIT + HISTORY_SLACK + 50; i++)
      current = sandbox.store.update(configmaps, { ...current, data: { value: String(i) } })

    const events: Array<{ type: string; object: { code?: number; reason?: string } }> = []
    let ended = false
    controllers.push(
      await new Watch(kc).watch(
        '/api/v1/namespaces/old/configmaps',
        { resourceVersion: staleRv },
        (type, object) => events.push({ type, object }),
        () => (ended = true)
      )
    )
    await waitFor(() => ended, 5000, 'the expired watch to end')
    expect(events).toEqual([
      { type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired' }) }
    ])

    const list = await core.listNamespacedConfigMap({ namespace: 'old' })
    const names: string[] = []
    controllers.push(
      await new Watch(kc).watch(
        '/api/v1/namespaces/old/configmaps',
        { resourceVersion: list.metadata!.resourceVersion },
        (type, object: V1ConfigMap) => names.push(`${type} ${object.metadata!.name}`),
        () => undefined
      )
    )
    await waitFor(
      () => sandbox.requests.some((r) => r.watch && r.query.resourceVersion === list.metadata!.resourceVersion),
      5000,
      'the new watch'
    )
    sandbox.store.create(configmaps, cm('old', 'fresh'))
    await waitFor(() => names.includes('ADDED fresh'), 5000, 'the fresh event')
  })

  it('honours fieldSelector metadata.name, sends BOOKMARKs and ends at timeoutSeconds', async () => {
    sandbox.store.create(configmaps, cm('w', 'target'))
    const types: string[] = []
    let ended = false
    controllers.push(
      await new Watch(kc).watch(
        '/api/v1/namespaces/w/configmaps',
        { fieldSelector: 'metadata.name=target', allowWatchBookmarks: true, timeoutSeconds: 1 },
        (type, object: V1ConfigMap) => types.push(type === 'BOOKMARK' ? type : `${type} ${object.metadata!.name}`),
        () => (ended = true)
      )
    )
    await waitFor(() => types.includes('ADDED target'), 5000, 'the initial ADDED')
    sandbox.store.create(configmaps, cm('w', 'other'))
    const target = sandbox.store.get(configmaps, 'w', 'target')!
    sandbox.store.update(configmaps, { ...target, data: { value: 'x' } })
    await waitFor(() => ended, 5000, 'timeoutSeconds to end the watch')
    expect(types.filter((t) => t !== 'BOOKMARK')).toEqual(['ADDED target', 'MODIFIED target'])
    expect(types).toContain('BOOKMARK')
  })

  it('turns a label change that leaves the selector into DELETED and one that enters into ADDED', async () => {
    const created = sandbox.store.create(configmaps, {
      ...cm('w', 'moving'),
      metadata: { name: 'moving', namespace: 'w', labels: { tier: 'a' } }
    })
    const types: string[] = []
    controllers.push(
      await new Watch(kc).watch(
        '/api/v1/namespaces/w/configmaps',
        { labelSelector: 'tier=a', resourceVersion: created.metadata.resourceVersion },
        (type, o: V1ConfigMap) => types.push(`${type} ${o.metadata!.name}`),
        () => undefined
      )
    )
    await waitFor(() => sandbox.requests.some((r) => r.watch && r.query.labelSelector === 'tier=a'), 5000, 'the watch')
    const out = sandbox.store.update(configmaps, {
      ...created,
      metadata: { ...created.metadata, labels: { tier: 'b' } }
    })
    sandbox.store.update(configmaps, { ...out, metadata: { ...out.metadata, labels: { tier: 'a' } } })
    await waitFor(() => types.length >= 2, 5000, 'two events')
    expect(types).toEqual(['DELETED moving', 'ADDED moving'])
  })
})
