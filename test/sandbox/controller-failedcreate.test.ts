/** A ReplicaSet whose pods the API server refuses (quota): ReplicaFailure, FailedCreate, a stuck Deployment. */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { StoredObject } from './store.js'
import { PREFIX } from './controller/index.js'
import { R, deployment, rolloutStatus, startHarness, waitFor, type Harness } from './controller/testing.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

interface Cond {
  type: string
  status: string
  reason?: string
  message?: string
  lastUpdateTime?: string
  lastTransitionTime?: string
}
const conditions = (o: StoredObject | undefined): Cond[] => (o?.status as { conditions?: Cond[] })?.conditions ?? []
const cond = (o: StoredObject | undefined, type: string): Cond | undefined => conditions(o).find((c) => c.type === type)
const rsOf = (name: string): StoredObject[] =>
  h.store.list(R.replicasets, 'default').filter((rs) => rs.metadata.name.startsWith(`${name}-`))

describe('ReplicaSet FailedCreate (exceeded quota)', () => {
  it('a template asking for it: no pods, ReplicaFailure on the RS and the Deployment, then the deadline', async () => {
    h = startHarness(1000)
    const d = deployment('api', 'registry/api:v1', {
      replicas: 2,
      annotations: { [`${PREFIX}quota-exceeded`]: 'true' },
      spec: { progressDeadlineSeconds: 30 }
    })
    const template = (d.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template
    template.spec.containers[0]!.resources = { requests: { cpu: '500m' } }
    h.store.create(R.deployments, d)
    const rs = await waitFor(() => rsOf('api').find((r) => cond(r, 'ReplicaFailure')), 'ReplicaFailure on the RS')
    const rsName = rs.metadata.name
    const message = `pods "${rsName}-" is forbidden: exceeded quota: compute, requested: cpu=500m, used: cpu=4, limited: cpu=4`
    expect(cond(rs, 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', message })
    expect(h.store.list(R.pods, 'default')).toEqual([])
    const events = h.store
      .list(R.events, 'default')
      .filter((e) => e.reason === 'FailedCreate' && (e.involvedObject as { kind: string }).kind === 'ReplicaSet')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      type: 'Warning',
      message: `Error creating: ${message}`,
      source: { component: 'replicaset-controller' },
      involvedObject: { name: rsName }
    })
    const failed = await waitFor(() => {
      const current = h.store.get(R.deployments, 'default', 'api')
      return cond(current, 'ReplicaFailure') ? current : undefined
    }, 'ReplicaFailure on the Deployment')
    expect(cond(failed, 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', message })
    // retried with back-off: the event's count grows
    await waitFor(
      () => h.store.list(R.events, 'default').some((e) => e.reason === 'FailedCreate' && Number(e.count) >= 3),
      'repeated FailedCreate'
    )
    const stuck = await waitFor(() => {
      const current = h.store.get(R.deployments, 'default', 'api')
      return cond(current, 'Progressing')?.reason === 'ProgressDeadlineExceeded' ? current : undefined
    }, 'progress deadline')
    expect(rolloutStatus(stuck)).toBe('failed: deployment "api" exceeded its progress deadline')
    expect(cond(stuck, 'ReplicaFailure')?.status).toBe('True')
    expect(cond(stuck, 'Available')?.status).toBe('False')
  })

  it('a namespace over quota refuses pods until the annotation goes; the condition is then removed', async () => {
    h = startHarness(1000)
    h.store.create(R.namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'default',
        annotations: {
          [`${PREFIX}quota-exceeded`]: 'compute-resources, requested: memory=2Gi, used: memory=7Gi, limited: memory=8Gi'
        }
      }
    })
    h.store.create(R.deployments, deployment('web', 'registry/web:v1', { replicas: 1 }))
    const rs = await waitFor(() => rsOf('web').find((r) => cond(r, 'ReplicaFailure')), 'ReplicaFailure')
    expect(cond(rs, 'ReplicaFailure')?.message).toBe(
      `pods "${rs.metadata.name}-" is forbidden: exceeded quota: compute-resources, requested: memory=2Gi, used: memory=7Gi, limited: memory=8Gi`
    )
    const ns = h.store.get(R.namespaces, undefined, 'default')!
    delete ns.metadata.annotations
    h.store.update(R.namespaces, ns)
    const done = await waitFor(() => {
      const current = h.store.get(R.deployments, 'default', 'web')
      return current && rolloutStatus(current) === 'deployment "web" successfully rolled out' ? current : undefined
    }, 'rollout once the quota allows it')
    expect(cond(done, 'ReplicaFailure')).toBeUndefined()
    expect(cond(h.store.get(R.replicasets, 'default', rs.metadata.name), 'ReplicaFailure')).toBeUndefined()
  })
})
