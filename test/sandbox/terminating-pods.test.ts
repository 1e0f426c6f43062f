/**
 * Pods are deleted gracefully, as on a real cluster: DELETE sets `deletionTimestamp` and
 * `deletionGracePeriodSeconds`, `kubectl get pods` shows `Terminating` for the grace period
 * (controller time), then the pod is gone. A ReplicaSet replaces a Terminating pod at once and does
 * not count it; a StatefulSet waits for the old pod to be gone before it recreates the same name.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from './index.js'
import { builtinResources } from './resources.js'
import type { StoredObject } from './store.js'
import { kubectlOk } from './kubectl-harness.js'

let sandbox: Sandbox

const ok = (...args: string[]) => kubectlOk(sandbox, ...args)

const R = (name: string) => builtinResources.find((r) => r.resource === name && r.group !== 'events.k8s.io')!

// 100 s of grace at time scale 10 is 10 s of wall time: long enough to look at, short enough to wait for
const scenario = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web }, annotations: { sandbox.deploy-guard.dev/ready-after: 100ms } }
    spec:
      terminationGracePeriodSeconds: 100
      containers: [{ name: app, image: img:1 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: default }
spec:
  replicas: 1
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db }, annotations: { sandbox.deploy-guard.dev/ready-after: 100ms } }
    spec:
      terminationGracePeriodSeconds: 20
      containers: [{ name: db, image: db:1 }]
`

const webPods = (): StoredObject[] =>
  sandbox.store.list(R('pods'), 'default').filter((p) => p.metadata.name.startsWith('web-'))

beforeAll(async () => {
  sandbox = await startSandbox({ scenarioText: scenario, timeScale: 10 })
  await ok('rollout', 'status', 'deployment/web', '--timeout=60s')
  await ok('rollout', 'status', 'statefulset/db', '--timeout=60s')
})

afterAll(async () => {
  await sandbox?.stop()
})

describe('graceful pod deletion', () => {
  it('a deleted ReplicaSet pod is Terminating, replaced at once, not counted, and gone after its grace period', async () => {
    const [victim] = webPods()
    const name = victim!.metadata.name
    const started = Date.now()
    await ok('delete', 'pod', name, '--wait=false')

    const pod = JSON.parse(await ok('get', 'pod', name, '-o', 'json')) as StoredObject
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(100)
    const deletionAt = Date.parse(pod.metadata.deletionTimestamp!)
    // deletionTimestamp is wall-clock now + grace period, as the API server sets it
    expect(deletionAt).toBeGreaterThan(started + 95_000)
    expect(await ok('get', 'pod', name, '--no-headers')).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating\\s`))

    // the ReplicaSet replaces it at once and counts only the pods that are not terminating
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s')
    expect(webPods()).toHaveLength(3)
    const rs = sandbox.store.list(R('replicasets'), 'default')[0]!
    expect((rs.status as { replicas: number }).replicas).toBe(2)

    await ok('wait', '--for=delete', `pod/${name}`, '--timeout=60s')
    expect(webPods()).toHaveLength(2)
  })

  it('a StatefulSet pod is recreated under its name only after the Terminating one is gone', async () => {
    const before = sandbox.store.get(R('pods'), 'default', 'db-0')!
    await ok('delete', 'pod', 'db-0', '--wait=false')
    const terminating = sandbox.store.get(R('pods'), 'default', 'db-0')!
    expect(terminating.metadata.uid).toBe(before.metadata.uid)
    expect(terminating.metadata.deletionTimestamp).toBeDefined()
    const sts = JSON.parse(await ok('get', 'statefulset', 'db', '-o', 'json')) as StoredObject
    // computeReplicaStatus: the Terminating pod is still a created replica, but not a current one
    expect(sts.status).toMatchObject({ replicas: 1 })
    expect((sts.status as { currentReplicas?: number }).currentReplicas ?? 0).toBe(0)

    await ok('wait', '--for=delete', `pod/db-0`, '--timeout=60s')
    await ok('rollout', 'status', 'statefulset/db', '--timeout=60s')
    const recreated = sandbox.store.get(R('pods'), 'default', 'db-0')!
    expect(recreated.metadata.uid).not.toBe(before.metadata.uid)
  })

  it('gracePeriodSeconds=0 (kubectl delete --force) deletes at once', async () => {
    const [pod] = webPods()
    await ok('delete', 'pod', pod!.metadata.name, '--grace-period=0', '--force')
    expect(sandbox.store.get(R('pods'), 'default', pod!.metadata.name)).toBeUndefined()
  })
})
