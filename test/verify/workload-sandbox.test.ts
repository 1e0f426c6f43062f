/**
 * createKubeApi + verifyWorkload against the sandbox cluster, reached only through its kubeconfig
 * (HTTPS with the sandbox's CA), like a real cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { verifyWorkload } from '../../src/verify/workload.js'
import type { VerifyConfig } from '../../src/config/types.js'
import type { CheckResult } from '../../src/model/result.js'

const config = (over: Partial<VerifyConfig> = {}): VerifyConfig => ({
  timeout: 20_000,
  failFastAfter: 500,
  pollInterval: 100,
  expect: {},
  allowRestarts: 0,
  endpoints: { require: 'any', minReady: 1 },
  ignoreEventReasons: [],
  smoke: [],
  gitops: {},
  ...over
})

const deployment = (name: string, image: string, replicas: number, annotations: Record<string, string> = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: prod }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels: { app: ${name} }
      annotations: ${JSON.stringify(annotations)}
    spec:
      containers: [{ name: app, image: "${image}" }]
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: prod }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80 }]
`

const podSet = (kind: string, name: string) => `
apiVersion: apps/v1
kind: ${kind}
metadata: { name: ${name}, namespace: prod, annotations: { sandbox.deploy-guard.dev/nodes: "2" } }
spec:
  ${kind === 'StatefulSet' ? 'replicas: 2\n  serviceName: db' : ''}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: app, image: "registry/${name}:v1" }]
`

const statusOf = (checks: CheckResult[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))
const fast = { retries: 4, minRetryDelayMs: 10, maxRetryDelayMs: 50, maxRetryAfterMs: 100 }

describe('verifyWorkload against the sandbox', () => {
  let sandbox: Sandbox
  let api: KubeClient
  const lines: string[] = []
  const log = (line: string) => lines.push(line)

  beforeAll(async () => {
    sandbox = await startSandbox({
      timeScale: 20,
      scenarioText: [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}',
        deployment('api', 'registry/api:v1', 3),
        deployment('worker', 'registry/worker:v1-crashloop', 2, {
          'sandbox.deploy-guard.dev/previous-log': 'starting\npanic: cannot connect to db'
        }),
        deployment('broken', 'registry/broken:v1-pullerror', 1).split('---')[0] as string,
        podSet('StatefulSet', 'statefulset'),
        podSet('DaemonSet', 'daemonset'),
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: shop, namespace: prod, generation: 1}\nstatus:\n  observedGeneration: 1\n  conditions: [{type: Ready, status: "True"}]'
      ].join('\n---\n')
    })
    api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, fast)
  })

  afterAll(async () => {
    await api?.close()
    await sandbox?.stop()
  })

  it('passes a healthy Deployment, every row', async () => {
    const result = await verifyWorkload(
      api,
      { kind: 'Deployment', name: 'api', namespace: 'prod' },
      config({ expect: { image: 'registry/api:v1' } }),
      { startedAt: new Date(), log }
    )
    expect(statusOf(result.checks)).toEqual({
      rollout: 'passed',
      'pod-count': 'passed',
      'pods-ready': 'passed',
      restarts: 'passed',
      endpoints: 'passed',
      events: 'passed',
      images: 'passed'
    })
    expect(result.revision).toBe('1')
    expect(result.images).toEqual({ app: 'registry/api:v1' })
    expect(lines.some((l) => l.startsWith('deployment "api": '))).toBe(true)
  })

  it('fails a crash-looping Deployment fast, with the crash evidence', async () => {
    const started = Date.now()
    const result = await verifyWorkload(api, { kind: 'Deployment', name: 'worker', namespace: 'prod' }, config(), {
      startedAt: new Date(),
      log
    })
    expect(Date.now() - started).toBeLessThan(15_000)
    const rollout = result.checks.find((c) => c.id === 'rollout')
    expect(rollout?.status).toBe('failed')
    expect(rollout?.reason).toMatch(/^pod worker-\S+ has been in CrashLoopBackOff \(container app\)/)
    const ready = result.checks.find((c) => c.id === 'pods-ready')
    expect(ready?.status).toBe('failed')
    const detail = ready?.details?.[0]
    expect(detail?.facts).toEqual(
      expect.arrayContaining([{ label: 'last termination (app)', value: 'Error, exit code 1' }])
    )
    expect(detail?.text).toContain('panic: cannot connect to db')
  })

  it('waits for a rolling update to a new image and judges the new revision', async () => {
    const deployments = await api.resourceFor('Deployment')
    await api.patch(
      deployments,
      'prod',
      'api',
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'registry/api:v2' }] } } } },
      'strategic'
    )
    const progress: string[] = []
    const result = await verifyWorkload(
      api,
      { kind: 'Deployment', name: 'api', namespace: 'prod' },
      config({ expect: { image: 'registry/api:v2' } }),
      { startedAt: new Date(), log: (l) => progress.push(l) }
    )
    expect(statusOf(result.checks)).toEqual({
      rollout: 'passed',
      'pod-count': 'passed',
      'pods-ready': 'passed',
      restarts: 'passed',
      endpoints: 'passed',
      events: 'passed',
      images: 'passed'
    })
    expect(result.revision).toBe('2')
    expect(progress.at(-1)).toMatch(/^deployment "api": deployment "api" successfully rolled out, \d/)
  })

  it('fails fast on an image that cannot be pulled', async () => {
    const result = await verifyWorkload(api, { kind: 'Deployment', name: 'broken', namespace: 'prod' }, config(), {
      startedAt: new Date(),
      log
    })
    expect(result.checks.find((c) => c.id === 'rollout')?.reason).toMatch(
      /has been in (ErrImagePull|ImagePullBackOff) \(container app\)/
    )
    expect(result.checks.find((c) => c.id === 'events')?.status).toBe('failed')
  })

  it('verifies a StatefulSet and a DaemonSet through their ControllerRevisions', async () => {
    for (const kind of ['StatefulSet', 'DaemonSet']) {
      const result = await verifyWorkload(api, { kind, name: kind.toLowerCase(), namespace: 'prod' }, config(), {
        startedAt: new Date(),
        log
      })
      expect([kind, statusOf(result.checks)]).toEqual([
        kind,
        {
          rollout: 'passed',
          'pod-count': 'passed',
          'pods-ready': 'passed',
          restarts: 'passed',
          endpoints: 'skipped',
          events: 'passed',
          images: 'passed'
        }
      ])
      expect(result.checks.find((c) => c.id === 'pod-count')?.actual).toBe('2 ready of 2 pods')
    }
  })

  it('judges a custom resource by kstatus', async () => {
    const result = await verifyWorkload(
      api,
      { kind: 'Application', apiVersion: 'argoproj.io/v1alpha1', name: 'shop', namespace: 'prod' },
      config(),
      { startedAt: new Date(), log }
    )
    expect(result.checks).toEqual([
      expect.objectContaining({ id: 'kstatus', status: 'passed', actual: 'Current: Resource is Ready' })
    ])
  })

  it('maps custom kinds through discovery, with or without apiVersion', async () => {
    expect(await api.resourceFor('Application')).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      resource: 'applications',
      kind: 'Application',
      namespaced: true
    })
    await expect(api.resourceFor('Gadget', 'gadgets.example.org/v1')).rejects.toThrow(
      'apiVersion "gadgets.example.org/v1" is not served by the API server'
    )
    await expect(api.resourceFor('Gizmo', 'example.com/v1')).rejects.toThrow(
      'kind "Gizmo" is not served by the API server under apiVersion "example.com/v1"'
    )
  })

  it('reports a missing target with what exists', async () => {
    const result = await verifyWorkload(api, { kind: 'Deployment', name: 'apii', namespace: 'prod' }, config(), {
      startedAt: new Date(),
      log
    })
    expect(result.checks).toEqual([
      expect.objectContaining({
        id: 'target',
        status: 'failed',
        reason: 'deployment "apii" not found in namespace "prod"; deployments there: api, broken, worker'
      })
    ])
  })

  it('retries 503s and 429s (honouring Retry-After) and then succeeds', async () => {
    sandbox.faults.add({ method: 'GET', path: '/apis/apps/v1/namespaces/prod/deployments/api', status: 503, times: 2 })
    sandbox.faults.add({
      method: 'GET',
      path: '/apis/apps/v1/namespaces/prod/deployments/api',
      status: 429,
      retryAfterSeconds: 1,
      times: 1
    })
    sandbox.clearRequests()
    const before = api.requestCount
    const started = Date.now()
    const obj = await api.get(
      { apiVersion: 'apps/v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
      'prod',
      'api'
    )
    expect(obj?.metadata.name).toBe('api')
    // Retry-After 1 s, capped by maxRetryAfterMs (100 ms in these tests), comes on top of the backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
    expect(api.requestCount - before).toBe(4)
    expect(sandbox.requests.map((r) => r.status)).toEqual([503, 503, 429, 200])
    sandbox.faults.clear()
  })

  it('gives up after the retries with a transient error', async () => {
    sandbox.faults.add({ path: '/api/v1/namespaces/prod/pods', status: 500 })
    try {
      const result = await verifyWorkload(api, { kind: 'Deployment', name: 'api', namespace: 'prod' }, config(), {
        startedAt: new Date(),
        log
      })
      expect(result.checks.every((c) => c.status === 'inconclusive')).toBe(true)
      expect(result.checks[0]?.reason).toMatch(
        new RegExp(`^Kubernetes API unreachable at ${sandbox.url} after retries: the Kubernetes API at .* answered 500`)
      )
    } finally {
      sandbox.faults.clear()
    }
  })
})

describe('LIST pagination through createKubeApi', () => {
  it('lists 1,200 pods in 3 pages of 500', async () => {
    const pods = Array.from(
      { length: 1200 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p-${i}, namespace: big, labels: {app: big}, annotations: {sandbox.deploy-guard.dev/unmanaged: "true"}}\nspec: {containers: [{name: c, image: "nginx:1"}]}`
    )
    const sandbox = await startSandbox({
      scenarioText: `apiVersion: v1\nkind: Namespace\nmetadata: {name: big}\n${pods.join('\n')}`
    })
    const api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, fast)
    try {
      sandbox.clearRequests()
      const listed = await api.list({ apiVersion: 'v1', resource: 'pods', kind: 'Pod', namespaced: true }, 'big', {
        labelSelector: 'app=big'
      })
      expect(listed).toHaveLength(1200)
      expect(new Set(listed.map((p) => p.metadata.name)).size).toBe(1200)
      expect(listed[0]?.kind).toBe('Pod')
      const lists = sandbox.requests.filter((r) => r.path === '/api/v1/namespaces/big/pods')
      expect(lists.map((r) => [r.query.limit, Boolean(r.query.continue)])).toEqual([
        ['500', false],
        ['500', true],
        ['500', true]
      ])
    } finally {
      await api.close()
      await sandbox.stop()
    }
  })
})

describe('request cost', () => {
  it('verifies a 1,200-pod Deployment with paged LISTs and no per-pod requests', async () => {
    const sandbox = await startSandbox({
      timeScale: 20,
      scenarioText: `apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\n${deployment('big', 'registry/big:v1', 1200)}`
    })
    const api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, fast)
    try {
      const result = await verifyWorkload(
        api,
        { kind: 'Deployment', name: 'big', namespace: 'prod' },
        config({ timeout: 60_000, pollInterval: 300 }),
        { startedAt: new Date(), log: () => {} }
      )
      expect(statusOf(result.checks)).toMatchObject({
        rollout: 'passed',
        'pod-count': 'passed',
        'pods-ready': 'passed',
        images: 'passed'
      })
      expect(sandbox.requests.filter((r) => /\/pods\/[^/]+/.test(r.path))).toEqual([])
      const podLists = sandbox.requests.filter((r) => r.path === '/api/v1/namespaces/prod/pods')
      const firstPages = podLists.filter((r) => !r.query.continue).length
      // Every LIST of pods is 3 pages of 500 for 1,200 pods, however many polls there were.
      expect(podLists.length).toBe(firstPages * 3)
      expect(api.requestCount).toBe(sandbox.requests.length)
    } finally {
      await api.close()
      await sandbox.stop()
    }
  })
})

describe('an unreachable API server', () => {
  it('makes every row inconclusive with the server URL, never passed', async () => {
    const sandbox = await startSandbox({ scenarioText: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}' })
    const api = await createKubeApi(
      { kubeconfig: sandbox.kubeconfig },
      { retries: 2, minRetryDelayMs: 5, maxRetryDelayMs: 10 }
    )
    await sandbox.stop()
    const result = await verifyWorkload(api, { kind: 'Deployment', name: 'api', namespace: 'prod' }, config(), {
      startedAt: new Date(),
      log: () => {}
    })
    await api.close()
    expect(result.checks).toHaveLength(7)
    for (const check of result.checks) {
      expect(check.status).toBe('inconclusive')
      expect(check.reason).toContain(
        `Kubernetes API unreachable at ${sandbox.url} after retries: cannot reach the Kubernetes API at ${sandbox.url}: connect ECONNREFUSED`
      )
    }
    expect(api.requestCount).toBe(3)
  })
})
