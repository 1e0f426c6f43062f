/**
 * Issue 7, defect 11a: a source that could not be read (a 403 on events LIST, on Services, on
 * EndpointSlices/Endpoints, on pods/log) makes only the rows that need it inconclusive.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluateWorkload, type WorkloadCheckInput } from '../../src/evaluate/workload-checks.js'
import { deploymentStatus } from '../../src/kube/status/deployment.js'
import type { KubeObject } from '../../src/kube/api.js'
import type { EndpointSlice, Endpoints, Pod, Service } from '../../src/evaluate/k8s-types.js'
import type { WorkloadSnapshot } from '../../src/evaluate/snapshot.js'
import { pod } from './fixtures.js'

const FORBIDDEN_EVENTS =
  'could not check, permission missing: forbidden: cannot list events in namespace "prod" — grant verbs ["list"] on resources ["events"] (apiGroups [""])'
const FORBIDDEN = (resource: string, group = '') =>
  `could not check, permission missing: forbidden: cannot list ${resource} in namespace "prod" — grant verbs ["list"] on resources ["${resource}"] (apiGroups ["${group}"])`

const deployment = (replicas = 2): KubeObject => ({
  kind: 'Deployment',
  metadata: {
    name: 'api',
    namespace: 'prod',
    uid: 'd1',
    generation: 2,
    annotations: { 'deployment.kubernetes.io/revision': '5' }
  },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'api' } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: { containers: [{ name: 'app', image: 'registry/api:v2' }] }
    }
  },
  status: { observedGeneration: 2, replicas, updatedReplicas: replicas, availableReplicas: replicas }
})
const pods = (): Pod[] => [pod({ name: 'api-1', ip: '10.0.0.1' }), pod({ name: 'api-2', ip: '10.0.0.2' })]
const service: Service = {
  kind: 'Service',
  metadata: { name: 'api', namespace: 'prod' },
  spec: { selector: { app: 'api' } }
}
const slice = (ps: Pod[]): EndpointSlice => ({
  kind: 'EndpointSlice',
  metadata: { name: 'api-abc', labels: { 'kubernetes.io/service-name': 'api' } },
  endpoints: ps.map((p) => ({
    addresses: [p.status?.podIP ?? ''],
    conditions: { ready: true },
    targetRef: { kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid }
  }))
})
const legacy = (ps: Pod[]): Endpoints => ({
  kind: 'Endpoints',
  metadata: { name: 'api' },
  subsets: [
    {
      addresses: ps.map((p) => ({
        ip: p.status?.podIP ?? '',
        targetRef: { kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid }
      }))
    }
  ]
})

function input(over: Partial<WorkloadSnapshot> = {}, replicas = 2): WorkloadCheckInput {
  const ps = over.pods ?? pods()
  return {
    snapshot: {
      ref: { kind: 'Deployment', name: 'api', namespace: 'prod' },
      object: deployment(replicas),
      owned: [],
      revision: {
        owner: { kind: 'ReplicaSet', name: 'api-bbb', uid: 'rs1' },
        revision: '5',
        podLabel: { key: 'pod-template-hash', value: 'bbb' },
        createdAt: '2024-05-01T11:59:00Z'
      },
      pods: ps,
      services: [service],
      endpointSlices: [slice(ps)],
      endpoints: [],
      events: [],
      logs: [],
      takenAt: '2024-05-01T12:05:00Z',
      ...over
    },
    kind: deploymentStatus,
    wait: { end: 'done', status: { done: true, message: 'deployment "api" successfully rolled out' }, elapsedMs: 1 },
    settings: {
      timeout: 600_000,
      failFastAfter: 30_000,
      expect: {},
      allowRestarts: 0,
      endpoints: { require: 'any', minReady: 1 },
      ignoreEventReasons: []
    },
    since: new Date('2024-05-01T11:59:00Z'),
    restartBaseline: {}
  }
}

const statuses = (i: WorkloadCheckInput) => Object.fromEntries(evaluateWorkload(i).map((r) => [r.id, r.status]))
const ALL_PASSED = {
  rollout: 'passed',
  'pod-count': 'passed',
  'pods-ready': 'passed',
  restarts: 'passed',
  endpoints: 'passed',
  events: 'passed',
  images: 'passed'
}

describe('rows that need an unreadable source are inconclusive; the others are judged', () => {
  it.each<[string, Partial<WorkloadSnapshot>, Record<string, string>]>([
    [
      'events forbidden: only the events row',
      { unavailable: { events: FORBIDDEN_EVENTS } },
      { events: 'inconclusive' }
    ],
    [
      'Services forbidden: only the endpoints row',
      { services: [], unavailable: { services: FORBIDDEN('services') } },
      { endpoints: 'inconclusive' }
    ],
    [
      'EndpointSlices forbidden but legacy Endpoints readable: judged on Endpoints',
      {
        endpointSlices: [],
        endpoints: [legacy(pods())],
        unavailable: { endpointSlices: FORBIDDEN('endpointslices', 'discovery.k8s.io') }
      },
      {}
    ],
    [
      'EndpointSlices and Endpoints forbidden: only the endpoints row',
      {
        endpointSlices: [],
        unavailable: {
          endpointSlices: FORBIDDEN('endpointslices', 'discovery.k8s.io'),
          endpoints: FORBIDDEN('endpoints')
        }
      },
      { endpoints: 'inconclusive' }
    ],
    [
      'Endpoints forbidden but every Service has a slice: nothing lost',
      { unavailable: { endpoints: FORBIDDEN('endpoints') } },
      {}
    ],
    ['pod logs forbidden: no row changes', { unavailable: { logs: FORBIDDEN('pods/log') } }, {}]
  ])('%s', (_name, over, changed) => {
    expect(statuses(input(over))).toEqual({ ...ALL_PASSED, ...changed })
  })

  it('the events row says why, with the RBAC rule to add, and never passes', () => {
    const events = evaluateWorkload(input({ unavailable: { events: FORBIDDEN_EVENTS } })).find((r) => r.id === 'events')
    expect(events).toEqual({
      id: 'events',
      title: 'No Warning events',
      expected: 'none since 2024-05-01T11:59:00.000Z',
      actual: 'not checked',
      status: 'inconclusive',
      reason: `Warning events: ${FORBIDDEN_EVENTS}`
    })
  })

  it('a failing row is still failed when events are unreadable (what was seen is judged)', () => {
    const crashing = [
      pod({ name: 'api-1', ip: '10.0.0.1', ready: false, waiting: { reason: 'CrashLoopBackOff' }, restarts: 3 }),
      pod({ name: 'api-2', ip: '10.0.0.2' })
    ]
    const rows = statuses(input({ pods: crashing, unavailable: { events: FORBIDDEN_EVENTS } }))
    expect(rows['pods-ready']).toBe('failed')
    expect(rows.events).toBe('inconclusive')
  })

  it('a workload that wants no pods skips the endpoints row even when Services are unreadable', () => {
    const rows = evaluateWorkload(
      input({ pods: [], services: [], endpointSlices: [], unavailable: { services: FORBIDDEN('services') } }, 0)
    )
    expect(rows.find((r) => r.id === 'endpoints')?.status).toBe('skipped')
  })

  it('an unreadable previous log is named in the pod evidence', () => {
    const crashing = [
      pod({ name: 'api-1', ip: '10.0.0.1', ready: false, waiting: { reason: 'CrashLoopBackOff' }, restarts: 3 }),
      pod({ name: 'api-2', ip: '10.0.0.2' })
    ]
    const reason = FORBIDDEN('pods/log')
    const rows = evaluateWorkload(
      input({
        pods: crashing,
        logs: [{ pod: 'api-1', container: 'app', text: '', unavailable: reason }],
        unavailable: { logs: reason }
      })
    )
    const detail = rows.find((r) => r.id === 'pods-ready')?.details?.[0]
    expect(detail?.facts).toContainEqual({ label: 'previous log (app)', value: `not read: ${reason}` })
    expect(detail?.text).toBeUndefined()
  })
})
