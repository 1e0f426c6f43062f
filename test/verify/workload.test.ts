import { describe, expect, it } from '@jest/globals'
import { KubeApiError, type KubeObject } from '../../src/kube/api.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { verifyWorkload } from '../../src/verify/workload.js'
import { rampedPollInterval } from '../../src/verify/workload-wait.js'
import type { VerifyConfig } from '../../src/config/types.js'
import { FakeKubeApi, fakeClock } from '../fakes/kube-api.js'
import { pod } from '../evaluate/fixtures.js'
import type { Pod } from '../../src/evaluate/k8s-types.js'

const config: VerifyConfig = {
  timeout: 60_000,
  failFastAfter: 5_000,
  pollInterval: 2_000,
  expect: {},
  allowRestarts: 0,
  endpoints: { require: 'any', minReady: 1 },
  ignoreEventReasons: [],
  smoke: [],
  gitops: {}
}
const ref = { kind: 'Deployment', name: 'api', namespace: 'prod' }
const template = {
  metadata: { labels: { app: 'api' } },
  spec: { containers: [{ name: 'app', image: 'registry/api:v2' }] }
}

function deployment(status: Record<string, unknown>): KubeObject {
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name: 'api',
      namespace: 'prod',
      uid: 'd1',
      generation: 2,
      annotations: { 'deployment.kubernetes.io/revision': '2' }
    },
    spec: { replicas: 3, selector: { matchLabels: { app: 'api' } }, template },
    status: { observedGeneration: 2, ...status }
  }
}

function cluster(start: number): FakeKubeApi {
  const api = new FakeKubeApi()
  api.put(RESOURCES.ReplicaSet, {
    kind: 'ReplicaSet',
    metadata: {
      name: 'api-bbb',
      namespace: 'prod',
      uid: 'rs1',
      creationTimestamp: new Date(start - 30_000).toISOString(),
      labels: { app: 'api', 'pod-template-hash': 'bbb' },
      annotations: { 'deployment.kubernetes.io/revision': '2' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'd1', controller: true }]
    },
    spec: { template: { ...template, metadata: { labels: { app: 'api', 'pod-template-hash': 'bbb' } } } }
  })
  return api
}

function putPods(api: FakeKubeApi, pods: Pod[]): void {
  for (const p of pods) {
    p.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-bbb', uid: 'rs1', controller: true }
    ]
    api.put(RESOURCES.Pod, p)
  }
}

describe('verifyWorkload wait loop', () => {
  it('fails a rollout still progressing at the timeout with the last kubectl message, logging changes and every 10 s', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 1, availableReplicas: 1 }))
    putPods(api, [pod({ name: 'api-1' })])
    const lines: string[] = []
    const result = await verifyWorkload(api, ref, config, {
      startedAt: new Date(clock.now()),
      log: (l) => lines.push(l),
      ...clock
    })
    const rollout = result.checks.find((c) => c.id === 'rollout')
    expect(rollout).toMatchObject({
      status: 'failed',
      reason:
        'timed out after 1m: Waiting for deployment "api" rollout to finish: 1 out of 3 new replicas have been updated...'
    })
    // Polls ramp up (0.25 s, 0.5 s, 1 s, then every pollInterval), so the first repeat lands at the
    // first poll 10 s or more after the last line: 12 s, then every 10 s.
    expect(lines).toHaveLength(6)
    expect(lines[0]).toBe(
      'deployment "api": Waiting for deployment "api" rollout to finish: 1 out of 3 new replicas have been updated..., 0ms'
    )
    expect(lines[1]).toMatch(/, 12s$/)
    expect(clock.now() - Date.parse('2024-05-01T12:00:00Z')).toBe(60_000)
  })

  it('runs the timeout from timeoutFrom (the target own start), while "since the deploy" stays the run start', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 1, availableReplicas: 1 }))
    putPods(api, [pod({ name: 'api-1' })])
    const lines: string[] = []
    // The run began 50 s ago; this target waited its turn and starts now: it still gets its whole minute.
    const result = await verifyWorkload(api, ref, config, {
      startedAt: new Date(clock.now() - 50_000),
      timeoutFrom: new Date(clock.now()),
      log: (l) => lines.push(l),
      ...clock
    })
    expect(result.checks.find((c) => c.id === 'rollout')).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^timed out after 1m: /)
    })
    expect(clock.now() - Date.parse('2024-05-01T12:00:00Z')).toBe(60_000)
    expect(lines[0]).toMatch(/, 0ms$/)
    // "Since the rollout began" is still bounded by the run's start (the earlier of it and the new
    // ReplicaSet's creation, 30 s ago), not by this target's own start.
    expect(result.rolloutStartedAt).toBe('2024-05-01T11:59:10.000Z')
  })

  it('fails on a progress deadline at once', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(
      RESOURCES.Deployment,
      deployment({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] })
    )
    const result = await verifyWorkload(api, ref, config, { startedAt: new Date(clock.now()), log: () => {}, ...clock })
    expect(result.checks.find((c) => c.id === 'rollout')).toMatchObject({
      status: 'failed',
      reason: 'deployment "api" exceeded its progress deadline'
    })
    expect(clock.now()).toBe(Date.parse('2024-05-01T12:00:00Z'))
  })

  it('fails fast only when a terminal signal persists longer than failFastAfter, measured from first sight', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }))
    putPods(api, [
      pod({ name: 'api-1' }),
      pod({ name: 'api-2' }),
      pod({ name: 'api-3', ready: false, waiting: { reason: 'CrashLoopBackOff' }, restarts: 2 })
    ])
    const lines: string[] = []
    const result = await verifyWorkload(api, ref, config, {
      startedAt: new Date(clock.now()),
      log: (l) => lines.push(l),
      ...clock
    })
    expect(result.checks.find((c) => c.id === 'rollout')?.reason).toBe(
      'pod api-3 has been in CrashLoopBackOff (container app) for 6s, longer than failFastAfter 5s: Waiting for deployment "api" rollout to finish: 2 of 3 updated replicas are available...'
    )
    expect(lines).toContain('pod api-3: CrashLoopBackOff (container app); failing in 5s unless it recovers')
  })

  it('keeps the fail-fast clock running while a crash-looping container flaps between back-off and running', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }))
    const crashing = pod({ name: 'api-3', ready: false, waiting: { reason: 'CrashLoopBackOff' }, restarts: 2 })
    const restarted = pod({ name: 'api-3', ready: false, restarts: 3 })
    putPods(api, [pod({ name: 'api-1' }), pod({ name: 'api-2' }), crashing])
    let polls = 0
    api.onRequest = (verb, type) => {
      if (verb !== 'get' || type.kind !== 'Deployment') return
      polls++
      // Every other poll the container is briefly running again (not ready) before it crashes once more.
      putPods(api, [pod({ name: 'api-1' }), pod({ name: 'api-2' }), polls % 2 === 1 ? restarted : crashing])
    }
    const result = await verifyWorkload(api, ref, config, { startedAt: new Date(clock.now()), log: () => {}, ...clock })
    const rollout = result.checks.find((c) => c.id === 'rollout')
    expect(rollout?.status).toBe('failed')
    expect(rollout?.reason).toMatch(/CrashLoopBackOff \(container app\) for \d+s, longer than failFastAfter 5s/)
  })

  it('does not fail fast when the signal clears; a completed rollout passes', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }))
    putPods(api, [
      pod({ name: 'api-1' }),
      pod({ name: 'api-2' }),
      pod({ name: 'api-3', ready: false, waiting: { reason: 'ErrImagePull' } })
    ])
    let polls = 0
    api.onRequest = (verb, type) => {
      if (verb !== 'get' || type.kind !== 'Deployment') return
      polls++
      if (polls === 3) {
        // The image appeared in the registry: the pod starts and the rollout completes.
        putPods(api, [pod({ name: 'api-3', created: new Date(clock.now()).toISOString() })])
        api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }))
      }
    }
    const result = await verifyWorkload(api, ref, config, { startedAt: new Date(clock.now()), log: () => {}, ...clock })
    expect(result.checks.find((c) => c.id === 'rollout')?.status).toBe('passed')
    expect(result.checks.find((c) => c.id === 'pods-ready')?.status).toBe('passed')
  })

  it('makes every row inconclusive when RBAC forbids a read, naming the rule to grant', async () => {
    const clock = fakeClock()
    const api = cluster(clock.now())
    api.put(RESOURCES.Deployment, deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }))
    api.onRequest = (verb, type) => {
      if (verb === 'list' && type.kind === 'Pod') {
        throw new KubeApiError(
          'forbidden: cannot list pods in namespace "prod" — grant verbs ["list"] on resources ["pods"] (apiGroups [""])',
          'forbidden',
          403,
          'list',
          'pods'
        )
      }
    }
    const result = await verifyWorkload(api, ref, config, { startedAt: new Date(clock.now()), log: () => {}, ...clock })
    expect(result.checks).toHaveLength(7)
    expect(new Set(result.checks.map((c) => c.status))).toEqual(new Set(['inconclusive']))
    expect(result.checks[0]?.reason).toBe(
      'could not check, permission missing: forbidden: cannot list pods in namespace "prod" — grant verbs ["list"] on resources ["pods"] (apiGroups [""])'
    )
  })

  it('waits for a custom resource to become Current, and fails it at the timeout', async () => {
    const clock = fakeClock()
    const api = new FakeKubeApi()
    const type = await api.resourceFor('Kustomization', 'kustomize.toolkit.fluxcd.io/v1')
    api.put(type, {
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux', generation: 3 },
      status: { observedGeneration: 2 }
    })
    const crRef = {
      kind: 'Kustomization',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      name: 'apps',
      namespace: 'flux'
    }
    const result = await verifyWorkload(
      api,
      crRef,
      { ...config, timeout: 10_000 },
      { startedAt: new Date(clock.now()), log: () => {}, ...clock }
    )
    expect(result.checks).toEqual([
      {
        id: 'kstatus',
        title: 'Resource status (kstatus)',
        expected: 'Current',
        actual: 'InProgress: Kustomization generation is 3, but latest observed generation is 2',
        status: 'failed',
        reason: 'timed out after 10s: Kustomization generation is 3, but latest observed generation is 2'
      }
    ])
    api.put(type, {
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux', generation: 3 },
      status: {
        observedGeneration: 3,
        conditions: [{ type: 'Stalled', status: 'True', message: 'kustomize build failed' }]
      }
    })
    const stalled = await verifyWorkload(api, crRef, config, {
      startedAt: new Date(clock.now()),
      log: () => {},
      ...clock
    })
    expect(stalled.checks[0]).toMatchObject({
      status: 'failed',
      reason: 'Kustomization "apps" is stalled: kustomize build failed'
    })
  })
})

describe('rampedPollInterval', () => {
  it.each([
    [2000, 0, 250],
    [2000, 1, 500],
    [2000, 2, 1000],
    [2000, 3, 2000],
    [2000, 50, 2000],
    [100, 0, 100]
  ])('pollInterval %d, wait %d: %d ms', (pollInterval, n, expected) => {
    expect(rampedPollInterval(pollInterval, n)).toBe(expected)
  })
})
