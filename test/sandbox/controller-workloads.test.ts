/** StatefulSets, DaemonSets and Service endpoints in the sandbox controller. */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { StoredObject } from './store.js'
import { PREFIX } from './controller/index.js'
import { R, startHarness, waitFor, type Harness } from './controller/testing.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

const template = (app: string, image: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'app', image, ports: [{ name: 'http', containerPort: 8080 }] }] }
})

function setImage(resource: typeof R.statefulsets, name: string, image: string): void {
  const o = h.store.get(resource, 'default', name)!
  ;(o.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image =
    image
  h.store.update(resource, o)
}

const revisions = (owner: string): StoredObject[] =>
  h.store.list(R.controllerrevisions, 'default').filter((r) => r.metadata.ownerReferences?.[0]?.name === owner)
const st = (resource: typeof R.statefulsets, name: string): Record<string, unknown> =>
  h.store.get(resource, 'default', name)?.status ?? {}

describe('StatefulSet', () => {
  it('creates ordered pods, records ControllerRevisions and rolls from the highest ordinal', async () => {
    h = startHarness(1000)
    h.store.create(R.statefulsets, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: template('db', 'db:1'),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }
      }
    })
    const order: string[] = []
    const unsubscribe = h.store.subscribe((e) => {
      if (e.type === 'ADDED' && e.object.kind === 'Pod') order.push(e.object.metadata.name)
    })
    await waitFor(() => st(R.statefulsets, 'db').readyReplicas === 3, 'sts ready')
    expect(order).toEqual(['db-0', 'db-1', 'db-2'])
    const [rev1] = revisions('db')
    expect(rev1).toMatchObject({
      revision: 1,
      data: { spec: { template: { $patch: 'replace', metadata: { labels: { app: 'db' } } } } }
    })
    expect(rev1!.metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(st(R.statefulsets, 'db')).toMatchObject({
      replicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: rev1!.metadata.name,
      updateRevision: rev1!.metadata.name,
      observedGeneration: 1
    })
    expect(h.store.get(R.pods, 'default', 'db-1')?.metadata.labels).toMatchObject({
      'controller-revision-hash': rev1!.metadata.name,
      'statefulset.kubernetes.io/pod-name': 'db-1'
    })

    order.length = 0
    const deleted: string[] = []
    const unsubscribeDeletes = h.store.subscribe((e) => {
      if (e.type === 'DELETED' && e.object.kind === 'Pod') deleted.push(e.object.metadata.name)
    })
    setImage(R.statefulsets, 'db', 'db:2')
    await waitFor(
      () =>
        revisions('db').length === 2 &&
        st(R.statefulsets, 'db').currentRevision === st(R.statefulsets, 'db').updateRevision &&
        st(R.statefulsets, 'db').readyReplicas === 3,
      'sts updated'
    )
    unsubscribe()
    unsubscribeDeletes()
    expect(deleted).toEqual(['db-2', 'db-1', 'db-0'])
    const rev2 = revisions('db').find((r) => r.revision === 2)!
    expect(st(R.statefulsets, 'db')).toMatchObject({
      updateRevision: rev2.metadata.name,
      updatedReplicas: 3,
      currentReplicas: 3
    })

    // partition: only ordinals >= 2 move to the new template
    const sts = h.store.get(R.statefulsets, 'default', 'db')!
    ;(sts.spec as { updateStrategy: { rollingUpdate: { partition: number } } }).updateStrategy.rollingUpdate.partition =
      2
    ;(sts.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image =
      'db:3'
    h.store.update(R.statefulsets, sts)
    await waitFor(
      () => st(R.statefulsets, 'db').updatedReplicas === 1 && st(R.statefulsets, 'db').readyReplicas === 3,
      'partitioned update'
    )
    const images = ['db-0', 'db-1', 'db-2'].map(
      (n) => (h.store.get(R.pods, 'default', n)?.spec as { containers: Array<{ image: string }> }).containers[0]!.image
    )
    expect(images).toEqual(['db:2', 'db:2', 'db:3'])

    // back to the db:1 template: the old revision is renumbered, not duplicated
    setImage(R.statefulsets, 'db', 'db:1')
    await waitFor(
      () => revisions('db').find((r) => r.metadata.name === rev1!.metadata.name)?.revision === 4,
      'revision renumbered'
    )
    expect(revisions('db')).toHaveLength(3)
  })

  it('Parallel replaces a broken old pod during a rolling update; OrderedReady waits for it', async () => {
    h = startHarness(1000)
    const sts = (name: string, policy: 'Parallel' | 'OrderedReady'): StoredObject => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: 'default' },
      spec: {
        replicas: 3,
        serviceName: name,
        podManagementPolicy: policy,
        selector: { matchLabels: { app: name } },
        template: template(name, `${name}:v1-crashloop`),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }
      }
    })
    h.store.create(R.statefulsets, sts('par', 'Parallel'))
    h.store.create(R.statefulsets, sts('ord', 'OrderedReady'))
    const restarted = (pod: string): boolean =>
      ((h.store.get(R.pods, 'default', pod)?.status as { containerStatuses?: Array<{ restartCount: number }> })
        ?.containerStatuses?.[0]?.restartCount ?? 0) > 0
    await waitFor(() => ['par-0', 'par-1', 'par-2', 'ord-0'].every(restarted), 'broken pods crash')
    // OrderedReady never got past the broken ord-0
    expect(h.store.get(R.pods, 'default', 'ord-1')).toBeUndefined()
    const deleted: string[] = []
    const unsubscribe = h.store.subscribe((e) => {
      if (e.type === 'DELETED' && e.object.kind === 'Pod') deleted.push(e.object.metadata.name)
    })
    setImage(R.statefulsets, 'par', 'par:v2')
    setImage(R.statefulsets, 'ord', 'ord:v2')
    await waitFor(
      () =>
        st(R.statefulsets, 'par').readyReplicas === 3 &&
        st(R.statefulsets, 'par').currentRevision === st(R.statefulsets, 'par').updateRevision,
      'parallel set rolled past its broken pods'
    )
    unsubscribe()
    expect(deleted.filter((n) => n.startsWith('par-'))).toEqual(['par-2', 'par-1', 'par-0'])
    // the OrderedReady set is stuck behind ord-0 (Kubernetes' known forced-rollback case)
    expect(deleted.filter((n) => n.startsWith('ord-'))).toEqual([])
    expect(st(R.statefulsets, 'ord').updatedReplicas ?? 0).toBe(0)
  })
})

describe('DaemonSet', () => {
  it('runs one pod per sandbox node, with revisions and rolling updates', async () => {
    h = startHarness(1000)
    h.store.create(R.daemonsets, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default', annotations: { [`${PREFIX}nodes`]: '3' } },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: template('agent', 'agent:1'),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }
      }
    })
    await waitFor(() => st(R.daemonsets, 'agent').numberAvailable === 3, 'ds available')
    expect(st(R.daemonsets, 'agent')).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3
    })
    const nodes = h.store
      .list(R.pods, 'default')
      .map((p) => (p.spec as { nodeName: string }).nodeName)
      .sort()
    expect(nodes).toEqual(['sandbox-node-1', 'sandbox-node-2', 'sandbox-node-3'])
    setImage(R.daemonsets, 'agent', 'agent:crashloop')
    await waitFor(
      () =>
        st(R.daemonsets, 'agent').observedGeneration === 2 && st(R.daemonsets, 'agent').updatedNumberScheduled === 1,
      'one pod replaced'
    )
    // the replaced pod never becomes available, so maxUnavailable 1 stops the rollout there
    await waitFor(() => h.store.list(R.events, 'default').some((e) => e.reason === 'BackOff'), 'crash loop')
    expect(st(R.daemonsets, 'agent')).toMatchObject({
      updatedNumberScheduled: 1,
      numberAvailable: 2,
      numberUnavailable: 1
    })
    expect(
      revisions('agent')
        .map((r) => r.revision)
        .sort()
    ).toEqual([1, 2])
  })
})

describe('Endpoints and EndpointSlices', () => {
  it('follow pod readiness', async () => {
    h = startHarness(1000)
    h.store.create(R.services, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] }
    })
    const pod = (name: string, annotations: Record<string, string> = {}): StoredObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'web' }, annotations },
      spec: template('web', 'web:1').spec
    })
    h.store.create(R.pods, pod('web-a'))
    h.store.create(R.pods, pod('web-b', { [`${PREFIX}behavior`]: 'never-ready' }))
    h.store.create(R.pods, {
      ...pod('other'),
      metadata: { name: 'other', namespace: 'default', labels: { app: 'other' } }
    })
    const endpoints = () =>
      h.store.get(R.endpoints, 'default', 'web') as
        | (StoredObject & {
            subsets?: Array<{
              addresses?: Array<{ targetRef: { name: string } }>
              notReadyAddresses?: Array<{ targetRef: { name: string } }>
              ports: unknown[]
            }>
          })
        | undefined
    await waitFor(
      () =>
        endpoints()?.subsets?.[0]?.addresses?.length === 1 &&
        endpoints()?.subsets?.[0]?.notReadyAddresses?.length === 1,
      'endpoints'
    )
    expect(endpoints()!.subsets![0]!.addresses![0]!.targetRef.name).toBe('web-a')
    expect(endpoints()!.subsets![0]!.notReadyAddresses![0]!.targetRef.name).toBe('web-b')
    expect(endpoints()!.subsets![0]!.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])

    const slices = () =>
      h.store
        .list(R.endpointslices, 'default')
        .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    type Endpoint = {
      addresses: string[]
      conditions: { ready: boolean; serving: boolean; terminating: boolean }
      targetRef: { kind: string; name: string }
    }
    await waitFor(() => slices().length === 1 && (slices()[0]!.endpoints as Endpoint[]).length === 2, 'slice')
    const slice = slices()[0]!
    expect(slice).toMatchObject({ addressType: 'IPv4', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] })
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true })
    const byPod = Object.fromEntries((slice.endpoints as Endpoint[]).map((e) => [e.targetRef.name, e.conditions]))
    expect(byPod).toEqual({
      'web-a': { ready: true, serving: true, terminating: false },
      'web-b': { ready: false, serving: false, terminating: false }
    })

    h.store.delete(R.pods, 'default', 'web-a')
    await waitFor(
      () => !endpoints()?.subsets?.[0]?.addresses && (slices()[0]?.endpoints as Endpoint[]).length === 1,
      'endpoints after delete'
    )
    h.store.delete(R.services, 'default', 'web')
    await waitFor(() => slices().length === 0 && !endpoints(), 'endpoints removed with their service')
  })
})
