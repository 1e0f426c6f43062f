import { describe, expect, it } from '@jest/globals'
import { evaluateWorkload, type WorkloadCheckInput } from '../../src/evaluate/workload-checks.js'
import { deploymentStatus } from '../../src/kube/status/deployment.js'
import type { KubeObject } from '../../src/kube/api.js'
import type { EndpointSlice, KubeEvent, Pod, Service } from '../../src/evaluate/k8s-types.js'
import type { CheckResult } from '../../src/model/result.js'
import type { WorkloadSnapshot } from '../../src/evaluate/snapshot.js'
import { pod } from './fixtures.js'

const deployment: KubeObject = {
  kind: 'Deployment',
  metadata: {
    name: 'api',
    namespace: 'prod',
    uid: 'd1',
    generation: 2,
    annotations: { 'deployment.kubernetes.io/revision': '5' }
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'api' } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'app', image: 'registry/api:v2' }] }
    }
  },
  status: { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }
}
const healthyPods = (): Pod[] => [
  pod({ name: 'api-1', ip: '10.0.0.1' }),
  pod({ name: 'api-2', ip: '10.0.0.2' }),
  pod({ name: 'api-3', ip: '10.0.0.3' })
]
const service = (name: string, selector: Record<string, string>): Service => ({
  kind: 'Service',
  metadata: { name, namespace: 'prod' },
  spec: { selector }
})
const slice = (serviceName: string, pods: Pod[], ready = true): EndpointSlice => ({
  kind: 'EndpointSlice',
  metadata: { name: `${serviceName}-abc`, labels: { 'kubernetes.io/service-name': serviceName } },
  endpoints: pods.map((p) => ({
    addresses: [p.status?.podIP ?? ''],
    conditions: { ready },
    targetRef: { kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid }
  }))
})

function input(
  over: Partial<WorkloadSnapshot> = {},
  extra: Partial<Omit<WorkloadCheckInput, 'snapshot'>> = {}
): WorkloadCheckInput {
  const pods = over.pods ?? healthyPods()
  const snapshot: WorkloadSnapshot = {
    ref: { kind: 'Deployment', name: 'api', namespace: 'prod' },
    object: deployment,
    owned: [],
    revision: {
      owner: { kind: 'ReplicaSet', name: 'api-bbb', uid: 'rs1' },
      revision: '5',
      podLabel: { key: 'pod-template-hash', value: 'bbb' },
      createdAt: '2024-05-01T11:59:00Z'
    },
    pods,
    services: [service('api', { app: 'api' })],
    endpointSlices: [slice('api', pods)],
    endpoints: [],
    events: [],
    logs: [],
    takenAt: '2024-05-01T12:05:00Z',
    ...over
  }
  return {
    snapshot,
    kind: deploymentStatus,
    wait: {
      end: 'done',
      status: { done: true, message: 'deployment "api" successfully rolled out' },
      elapsedMs: 30_000
    },
    settings: {
      timeout: 600_000,
      failFastAfter: 30_000,
      expect: {},
      allowRestarts: 0,
      endpoints: { require: 'any', minReady: 1 },
      ignoreEventReasons: []
    },
    since: new Date('2024-05-01T11:59:00Z'),
    restartBaseline: {},
    ...extra
  }
}

const row = (rows: CheckResult[], id: string): CheckResult => {
  const found = rows.find((r) => r.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}

describe('evaluateWorkload', () => {
  it('passes every row for a healthy rollout, in a fixed order', () => {
    const rows = evaluateWorkload(input())
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['rollout', 'passed'],
      ['pod-count', 'passed'],
      ['pods-ready', 'passed'],
      ['restarts', 'passed'],
      ['endpoints', 'passed'],
      ['events', 'passed'],
      ['images', 'passed']
    ])
    expect(row(rows, 'pod-count')).toMatchObject({ expected: '3 ready (revision 5)', actual: '3 ready of 3 pods' })
    expect(row(rows, 'images').actual).toBe('all 3 pods run registry/api:v2')
  })

  describe('rollout', () => {
    it.each([
      [
        'progress deadline',
        {
          end: 'error' as const,
          status: {
            done: false,
            message: 'deployment "api" exceeded its progress deadline',
            error: 'deployment "api" exceeded its progress deadline'
          },
          elapsedMs: 1
        },
        'deployment "api" exceeded its progress deadline'
      ],
      [
        'timeout',
        {
          end: 'timeout' as const,
          status: {
            done: false,
            message: 'Waiting for deployment "api" rollout to finish: 1 of 3 updated replicas are available...'
          },
          elapsedMs: 600_000
        },
        'timed out after 10m: Waiting for deployment "api" rollout to finish: 1 of 3 updated replicas are available...'
      ],
      [
        'fail fast',
        {
          end: 'fail-fast' as const,
          status: { done: false, message: 'Waiting...' },
          elapsedMs: 1,
          failFast: { pod: 'api-1', reason: 'CrashLoopBackOff', container: 'app', forMs: 45_000 }
        },
        'pod api-1 has been in CrashLoopBackOff (container app) for 45s, longer than failFastAfter 30s: Waiting...'
      ]
    ])('%s fails with a reason', (_name, wait, reason) => {
      expect(row(evaluateWorkload(input({}, { wait })), 'rollout')).toMatchObject({ status: 'failed', reason })
    })
  })

  it('pod count: too few ready fails; more than expected passes; expect.replicas overrides spec', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b', ready: false })]
    expect(row(evaluateWorkload(input({ pods })), 'pod-count')).toMatchObject({
      status: 'failed',
      reason: '1 of 3 expected pods of revision 5 are ready.'
    })
    const more = input({}, {})
    more.settings = { ...more.settings, expect: { replicas: 2 } }
    expect(row(evaluateWorkload(more), 'pod-count').status).toBe('passed')
    const terminatingDoNotCount = input({
      pods: [...healthyPods().slice(0, 2), pod({ name: 'api-3', deleting: true })]
    })
    expect(row(evaluateWorkload(terminatingDoNotCount), 'pod-count').status).toBe('failed')
  })

  it('pods ready: a crash-looping pod fails with its evidence and previous log', () => {
    const pods = [
      ...healthyPods().slice(0, 2),
      pod({
        name: 'api-3',
        ready: false,
        restarts: 3,
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' },
        last: { reason: 'Error', exitCode: 1 }
      })
    ]
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n')
    const r = row(evaluateWorkload(input({ pods, logs: [{ pod: 'api-3', container: 'app', text }] })), 'pods-ready')
    expect(r).toMatchObject({
      status: 'failed',
      actual: '2/3 pods running and ready',
      reason: '1 of 3 pods are not running and ready (pod api-3: CrashLoopBackOff in container app).'
    })
    const detail = r.details?.[0]
    expect(detail?.title).toBe('pod api-3')
    expect(detail?.facts).toEqual(
      expect.arrayContaining([
        { label: 'last termination (app)', value: 'Error, exit code 1' },
        { label: 'CrashLoopBackOff (app)', value: 'back-off 40s' }
      ])
    )
    expect(detail?.text?.split('\n')).toHaveLength(21)
    expect(detail?.text).toContain('line 50')
    expect(detail?.text).not.toContain('line 30\n')
  })

  it('pods ready: no pods when some are wanted fails; details are bounded', () => {
    expect(row(evaluateWorkload(input({ pods: [] })), 'pods-ready')).toMatchObject({
      status: 'failed',
      reason: 'No pods of revision 5 exist.'
    })
    const many = Array.from({ length: 15 }, (_, i) =>
      pod({ name: `p${i}`, ready: false, waiting: { reason: 'ImagePullBackOff' } })
    )
    const details = row(evaluateWorkload(input({ pods: many })), 'pods-ready').details ?? []
    expect(details).toHaveLength(11)
    expect(details[10]?.title).toBe('and 5 more pods')
  })

  describe('restarts since the deploy', () => {
    const since = new Date('2024-05-01T12:00:00Z')
    it.each([
      [
        'new pod counts from 0',
        [pod({ name: 'n', created: '2024-05-01T12:01:00Z', restarts: 2 })],
        {},
        0,
        'failed',
        '2'
      ],
      [
        'old pod: restarts before the deploy do not count',
        [pod({ name: 'o', uid: 'o1', created: '2024-04-01T00:00:00Z', restarts: 7 })],
        { o1: { app: 7 } },
        0,
        'passed',
        '0'
      ],
      [
        'old pod: new restarts count',
        [pod({ name: 'o', uid: 'o1', created: '2024-04-01T00:00:00Z', restarts: 9 })],
        { o1: { app: 7 } },
        0,
        'failed',
        '2'
      ],
      ['within allowRestarts', [pod({ name: 'n', created: '2024-05-01T12:01:00Z', restarts: 2 })], {}, 2, 'passed', '2']
    ])('%s', (_name, pods, baseline, allowRestarts, status, actual) => {
      const i = input({ pods }, { since, restartBaseline: baseline })
      i.settings = { ...i.settings, allowRestarts }
      expect(row(evaluateWorkload(i), 'restarts')).toMatchObject({ status, actual })
    })
  })

  describe('endpoints', () => {
    const pods = healthyPods()
    it.each([
      [
        'no selecting Service is skipped',
        { services: [service('web', { app: 'web' })] },
        'any',
        'skipped',
        'no Service selects this workload'
      ],
      [
        'Service without selector selects nothing',
        { services: [service('ext', {})] },
        'any',
        'skipped',
        'no Service selects this workload'
      ],
      [
        'no ready endpoints fails',
        { endpointSlices: [slice('api', pods, false)] },
        'any',
        'failed',
        'Service api does not have the required ready endpoints on the pods of revision 5.'
      ],
      [
        'require all: a missing pod fails',
        { endpointSlices: [slice('api', pods.slice(0, 2))] },
        'all',
        'failed',
        'Service api does not have the required ready endpoints on the pods of revision 5.'
      ],
      [
        "any: ready endpoints of other workloads' pods do not count",
        {
          services: [service('shop', { app: 'api' })],
          endpointSlices: [slice('shop', [pod({ name: 'worker-1', ip: '10.0.9.1' })])]
        },
        'any',
        'failed',
        'Service shop does not have the required ready endpoints on the pods of revision 5.'
      ],
      [
        'a workload scaled to 0 needs no endpoints',
        {
          pods: [],
          endpointSlices: [],
          object: { ...deployment, spec: { ...(deployment.spec as object), replicas: 0 } }
        },
        'any',
        'skipped',
        'the workload wants 0 pods'
      ],
      ['require all: every pod present passes', {}, 'all', 'passed', undefined],
      [
        'legacy Endpoints when there is no slice',
        {
          endpointSlices: [],
          endpoints: [{ kind: 'Endpoints', metadata: { name: 'api' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }] }] }]
        },
        'any',
        'passed',
        undefined
      ]
    ])('%s', (_name, over, require, status, reason) => {
      const i = input({ pods, ...over } as Partial<WorkloadSnapshot>)
      i.settings = { ...i.settings, endpoints: { require: require as 'any' | 'all', minReady: 1 } }
      const r = row(evaluateWorkload(i), 'endpoints')
      expect(r.status).toBe(status)
      expect(r.reason).toBe(reason)
    })
  })

  it("endpoints: says how many ready endpoints belong to other pods, apart from the workload's", () => {
    const pods = healthyPods()
    const other = pod({ name: 'worker-1', ip: '10.0.9.1' })
    const r = row(
      evaluateWorkload(
        input({ pods, services: [service('shop', { app: 'api' })], endpointSlices: [slice('shop', [pods[0], other])] })
      ),
      'endpoints'
    )
    expect(r).toMatchObject({ status: 'passed', actual: 'shop: 1 ready (+1 of other pods)' })
  })

  it('events: Warning events on current pods since the rollout fail, with a bounded table', () => {
    const events: KubeEvent[] = Array.from({ length: 25 }, (_, i) => ({
      metadata: { name: `e${i}` },
      type: 'Warning',
      reason: 'Unhealthy',
      message: `Readiness probe failed ${i}`,
      involvedObject: { kind: 'Pod', name: 'api-1', uid: 'uid-api-1' },
      lastTimestamp: '2024-05-01T12:01:00Z'
    }))
    const r = row(evaluateWorkload(input({ events })), 'events')
    expect(r).toMatchObject({ status: 'failed', actual: '25 Warning events (25 distinct)' })
    expect(r.details).toHaveLength(21)
    const ignoring = input({ events })
    ignoring.settings = { ...ignoring.settings, ignoreEventReasons: ['Unhealthy'] }
    expect(row(evaluateWorkload(ignoring), 'events').status).toBe('passed')
  })

  describe('images', () => {
    it.each([
      ['template matches expect.image (normalised)', {}, { image: 'registry/api:v2' }, 'passed'],
      ['template differs from expect.image', {}, { image: 'registry/api:v3' }, 'failed'],
      ['expect.images names a missing container', {}, { images: { sidecar: 'envoy:1' } }, 'failed'],
      [
        'a pod runs another image',
        { pods: [...healthyPods().slice(0, 2), pod({ name: 'x', image: 'registry/api:v1' })] },
        {},
        'failed'
      ]
    ])('%s', (_name, over, expect_, status) => {
      const i = input(over as Partial<WorkloadSnapshot>)
      i.settings = { ...i.settings, expect: expect_ }
      expect(row(evaluateWorkload(i), 'images').status).toBe(status)
    })

    it('says which image is wrong', () => {
      const i = input()
      i.settings = { ...i.settings, expect: { image: 'registry/api:v3' } }
      expect(row(evaluateWorkload(i), 'images').reason).toBe(
        'The pod template does not run the expected image: app registry/api:v2 (expected registry/api:v3).'
      )
    })

    it('with a sidecar, expect.image says it applies to every container and points at expect.images', () => {
      const withSidecar = (p: Pod): Pod => ({
        ...p,
        spec: { containers: [...(p.spec?.containers ?? []), { name: 'envoy', image: 'envoyproxy/envoy:v1.30' }] }
      })
      const object = {
        ...deployment,
        spec: {
          ...(deployment.spec as object),
          template: {
            metadata: { labels: { app: 'api' } },
            spec: {
              containers: [
                { name: 'app', image: 'registry/api:v2' },
                { name: 'envoy', image: 'envoyproxy/envoy:v1.30' }
              ]
            }
          }
        }
      }
      const i = input({ object, pods: healthyPods().map(withSidecar) })
      i.settings = { ...i.settings, expect: { image: 'registry/api:v2' } }
      expect(row(evaluateWorkload(i), 'images').reason).toBe(
        'The pod template does not run the expected image: envoy envoyproxy/envoy:v1.30 (expected registry/api:v2). expect.image applies to every container (app, envoy); use expect.images to check only some.'
      )
      i.settings = { ...i.settings, expect: { images: { app: 'registry/api:v2' } } }
      expect(row(evaluateWorkload(i), 'images').status).toBe('passed')
    })
  })
})
