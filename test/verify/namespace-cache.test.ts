import { describe, expect, it } from '@jest/globals'
import {
  KubeApiError,
  KubeRequestAbortedError,
  type KubeObject,
  type ListOptions,
  type ResourceType
} from '../../src/kube/api.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { SharedNamespaceLists, sharedGetKey, type SharedListsOptions } from '../../src/verify/namespace-cache.js'
import { FakeKubeApi } from '../fakes/kube-api.js'

const podOf = (name: string, app: string, namespace = 'prod'): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace, labels: { app } }
})
const deploymentOf = (name: string, namespace = 'prod'): KubeObject => ({
  kind: 'Deployment',
  metadata: { name, namespace, generation: 1 }
})
const warning = (name: string, lastTimestamp: string): KubeObject => ({
  kind: 'Event',
  metadata: { name, namespace: 'prod' },
  type: 'Warning',
  reason: 'BackOff',
  lastTimestamp
})

/** The fake cluster plus a log of every request it answered (verb, resource, selector). */
class CountingApi extends FakeKubeApi {
  readonly seen: string[] = []
  override async list<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions<T> = {}
  ): Promise<T[]> {
    this.seen.push(`list ${type.resource} ${namespace} ${options.labelSelector ?? ''}`.trim())
    return super.list(type, namespace, options)
  }
  override async get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ) {
    this.seen.push(`get ${type.resource} ${namespace} ${name}`)
    return super.get<T>(type, namespace, name)
  }
}

function setup(over: Partial<SharedListsOptions> = {}) {
  let now = Date.parse('2026-01-01T12:00:00Z')
  const api = new CountingApi()
  api.add(
    RESOURCES.Pod,
    podOf('api-1', 'api'),
    podOf('api-2', 'api'),
    podOf('web-1', 'web'),
    podOf('db-1', 'db', 'data')
  )
  api.add(RESOURCES.Deployment, deploymentOf('api'), deploymentOf('web'), deploymentOf('db', 'data'))
  const lists = new SharedNamespaceLists(api, {
    namespaces: new Map([['prod', 2]]),
    sharedGets: new Set([sharedGetKey('prod', 'Deployment')]),
    ttlMs: 1000,
    eventsNotBefore: new Date(now - 60_000),
    now: () => now,
    ...over
  })
  return { api, lists, advance: (ms: number) => void (now += ms), at: () => now }
}

const names = (objects: KubeObject[]) => objects.map((o) => o.metadata.name).sort()

describe('SharedNamespaceLists', () => {
  it('answers several targets selector LISTs in a shared namespace from one namespace-wide LIST', async () => {
    const { api, lists } = setup()
    const a = lists.forTarget()
    const b = lists.forTarget()
    expect(names(await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' }))).toEqual(['api-1', 'api-2'])
    expect(names(await b.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' }))).toEqual(['web-1'])
    expect(names(await b.list(RESOURCES.Pod, 'prod', { labelSelector: 'app in (api,web)' }))).toEqual([
      'api-1',
      'api-2',
      'web-1'
    ])
    expect(api.seen).toEqual(['list pods prod'])
    expect(a.requestCount).toBe(1)
  })

  it('serves GETs of a kind with several targets from the namespace LIST, undefined when absent', async () => {
    const { api, lists } = setup()
    const a = lists.forTarget()
    expect((await a.get(RESOURCES.Deployment, 'prod', 'api'))?.metadata.name).toBe('api')
    expect((await lists.forTarget().get(RESOURCES.Deployment, 'prod', 'web'))?.metadata.name).toBe('web')
    expect(await a.get(RESOURCES.Deployment, 'prod', 'gone')).toBeUndefined()
    expect(api.seen).toEqual(['list deployments prod'])
  })

  it('leaves a lone target namespace, other kinds GETs and selectors it cannot parse to the API server as asked', async () => {
    const { api, lists } = setup()
    const a = lists.forTarget()
    expect(names(await a.list(RESOURCES.Pod, 'data', { labelSelector: 'app=db' }))).toEqual(['db-1'])
    await a.get(RESOURCES.Deployment, 'data', 'db')
    await a.get(RESOURCES.Service, 'prod', 'api')
    await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'version>1' })
    await a.list(RESOURCES.Pod, undefined, { labelSelector: 'app=api' })
    expect(api.seen).toEqual([
      'list pods data app=db',
      'get deployments data db',
      'get services prod api',
      'list pods prod version>1',
      'list pods undefined app=api'
    ])
  })

  it('goes direct for a resource whose namespace-wide LIST takes more pages than targets share it', async () => {
    const { api, lists, advance } = setup()
    for (let i = 0; i < 1000; i++) api.put(RESOURCES.Pod, podOf(`other-${i}`, 'other'))
    const a = lists.forTarget()
    // 1,003 pods: 3 pages of 500 for 2 targets. The first LIST is paid; afterwards selector LISTs.
    expect(names(await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' }))).toEqual(['api-1', 'api-2'])
    advance(2000)
    expect(names(await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' }))).toEqual(['web-1'])
    // Other resources of the namespace are still shared.
    await a.list(RESOURCES.Service, 'prod', { labelSelector: 'app=api' })
    await lists.forTarget().list(RESOURCES.Service, 'prod', { labelSelector: 'app=web' })
    expect(api.seen).toEqual(['list pods prod', 'list pods prod app=web', 'list services prod'])
  })

  it('lists again once the TTL has passed', async () => {
    const { api, lists, advance } = setup()
    const a = lists.forTarget()
    await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })
    advance(999)
    await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' })
    advance(1)
    await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })
    expect(api.seen).toEqual(['list pods prod', 'list pods prod'])
  })

  it('never gives a target data older than what it already read (pods no older than its Deployment)', async () => {
    const { api, lists, advance } = setup()
    const a = lists.forTarget()
    const b = lists.forTarget()
    await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' }) // pods listed at t0
    advance(100)
    await b.get(RESOURCES.Deployment, 'prod', 'web') // deployments listed at t0+100
    // B's pods must be at least as new as the Deployment it judges them with: a fresh LIST, not t0's.
    api.put(RESOURCES.Pod, podOf('web-2', 'web'))
    expect(names(await b.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' }))).toEqual(['web-1', 'web-2'])
    // A read nothing newer than t0+100, so that LIST serves it too.
    await a.get(RESOURCES.Deployment, 'prod', 'api')
    expect(names(await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' }))).toEqual(['web-1', 'web-2'])
    expect(api.seen).toEqual(['list pods prod', 'list deployments prod', 'list pods prod'])
  })

  it('a direct request moves the watermark too', async () => {
    const { api, lists, advance } = setup()
    const a = lists.forTarget()
    await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' })
    advance(10)
    await a.get(RESOURCES.Service, 'prod', 'api')
    await a.list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })
    expect(api.seen).toEqual(['list pods prod', 'get services prod api', 'list pods prod'])
  })

  it('hands out copies: one target changing what it read does not change what another reads', async () => {
    const { lists } = setup()
    const [first] = await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' })
    first!.metadata.labels = { app: 'changed' }
    expect(names(await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' }))).toEqual(['web-1'])
  })

  it('shares Warning events listed with the run bound, then applies each target keep on top', async () => {
    const { api, lists, at } = setup()
    const iso = (msAgo: number) => new Date(at() - msAgo).toISOString()
    api.add(RESOURCES.Event, warning('old', iso(3600_000)), warning('recent', iso(30_000)), warning('new', iso(1_000)))
    const sinceRun = (e: KubeObject) => Date.parse(String(e.lastTimestamp)) >= at() - 60_000
    const sinceLater = (e: KubeObject) => Date.parse(String(e.lastTimestamp)) >= at() - 10_000
    const a = await lists.forTarget().list(RESOURCES.Event, 'prod', { fieldSelector: 'type=Warning', keep: sinceRun })
    const b = await lists.forTarget().list(RESOURCES.Event, 'prod', { fieldSelector: 'type=Warning', keep: sinceLater })
    expect(names(a)).toEqual(['new', 'recent'])
    expect(names(b)).toEqual(['new'])
    // Without a keep the run's bound would hide events the caller asked for: asked directly.
    expect(names(await lists.forTarget().list(RESOURCES.Event, 'prod', { fieldSelector: 'type=Warning' }))).toEqual([
      'new',
      'old',
      'recent'
    ])
    expect(api.seen).toEqual(['list events prod', 'list events prod'])
  })

  it('asks with the target selector when the namespace-wide LIST is refused as too large', async () => {
    const { api, lists } = setup()
    const original = api.list.bind(api)
    api.list = async <T extends KubeObject>(
      type: ResourceType,
      namespace: string | undefined,
      options?: ListOptions<T>
    ) => {
      if (!options?.labelSelector) {
        api.seen.push('refused')
        throw new KubeApiError('answer too large', 'too-large', undefined, 'list', 'pods')
      }
      return original<T>(type, namespace, options)
    }
    expect(names(await lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' }))).toEqual([
      'api-1',
      'api-2'
    ])
    expect(api.seen).toEqual(['refused', 'list pods prod app=api'])
  })

  it('passes other failures to every target waiting, and does not keep them', async () => {
    const { api, lists } = setup()
    api.failOn(RESOURCES.Pod, new KubeApiError('forbidden', 'forbidden', 403, 'list', 'pods'))
    const a = lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })
    const b = lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' })
    await expect(a).rejects.toThrow('forbidden')
    await expect(b).rejects.toThrow('forbidden')
    expect(api.seen).toEqual(['list pods prod'])
    await expect(lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })).rejects.toThrow()
    expect(api.seen).toEqual(['list pods prod', 'list pods prod'])
  })

  it('a target stops waiting at its own deadline; the LIST goes on for the others', async () => {
    const { api, lists } = setup()
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const original = api.list.bind(api)
    api.list = async <T extends KubeObject>(
      type: ResourceType,
      namespace: string | undefined,
      options?: ListOptions<T>
    ) => {
      await answered
      return original<T>(type, namespace, options)
    }
    const deadline = new AbortController()
    const late = lists.forTarget().withSignal(deadline.signal).list(RESOURCES.Pod, 'prod', { labelSelector: 'app=api' })
    const patient = lists.forTarget().list(RESOURCES.Pod, 'prod', { labelSelector: 'app=web' })
    deadline.abort(new DOMException('deadline', 'TimeoutError'))
    const error = await late.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KubeRequestAbortedError)
    expect((error as KubeRequestAbortedError).by).toBe('deadline')
    expect((error as Error).message).toContain('list pods in namespace "prod"')
    answer()
    expect(names(await patient)).toEqual(['web-1'])
  })

  it('passes everything it does not share to the client unchanged (methods, getters)', async () => {
    const { api, lists } = setup()
    const view = lists.forTarget()
    expect(view.server).toBe(api.server)
    await view.patch(RESOURCES.Deployment, 'prod', 'api', { metadata: { labels: { x: 'y' } } }, 'merge')
    expect(api.stored(RESOURCES.Deployment, 'prod', 'api')?.metadata.labels).toEqual({ x: 'y' })
    expect(view.requestCount).toBe(api.requestCount)
    expect(await view.podLog('prod', 'api-1', {})).toBe('log line\n')
  })
})
