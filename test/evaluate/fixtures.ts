/** Plain-object builders for evaluator tests. */
import type { ContainerStatus, Pod } from '../../src/evaluate/k8s-types.js'

export interface PodSpec {
  name: string
  phase?: string
  ready?: boolean
  restarts?: number
  waiting?: { reason: string; message?: string }
  last?: { reason: string; exitCode: number }
  image?: string
  created?: string
  uid?: string
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>
  reason?: string
  ip?: string
  deleting?: boolean
}

export function pod(p: PodSpec): Pod {
  const status: ContainerStatus = {
    name: 'app',
    ready: p.ready ?? true,
    restartCount: p.restarts ?? 0,
    state: p.waiting ? { waiting: p.waiting } : { running: { startedAt: '2024-01-01T00:00:00Z' } },
    lastState: p.last ? { terminated: p.last } : {}
  }
  return {
    kind: 'Pod',
    metadata: {
      name: p.name,
      uid: p.uid ?? `uid-${p.name}`,
      namespace: 'prod',
      creationTimestamp: p.created ?? '2024-05-01T12:00:00Z',
      labels: { app: 'api', 'pod-template-hash': 'bbb' },
      ...(p.deleting ? { deletionTimestamp: '2024-05-01T12:10:00Z' } : {})
    },
    spec: { containers: [{ name: 'app', image: p.image ?? 'registry/api:v2' }] },
    status: {
      phase: p.phase ?? 'Running',
      reason: p.reason,
      conditions: p.conditions,
      containerStatuses: [status],
      podIP: p.ip
    }
  }
}
