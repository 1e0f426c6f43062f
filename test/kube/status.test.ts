import { describe, expect, it } from '@jest/globals'
import { deploymentStatus } from '../../src/kube/status/deployment.js'
import { statefulSetStatus } from '../../src/kube/status/statefulset.js'
import { daemonSetStatus } from '../../src/kube/status/daemonset.js'
import { templateImages } from '../../src/kube/workload/template.js'
import { statusViewerFor } from '../../src/kube/status/index.js'
import type { KubeObject } from '../../src/kube/api.js'

const meta = (name: string, extra: Partial<KubeObject['metadata']> = {}) => ({ name, namespace: 'prod', ...extra })

describe('Deployment rolloutStatus (kubectl order and messages)', () => {
  const dep = (
    generation: number,
    spec: number | undefined,
    status: Record<string, unknown>,
    annotations?: Record<string, string>
  ): KubeObject => ({
    kind: 'Deployment',
    metadata: meta('api', { generation, annotations }),
    spec: spec === undefined ? {} : { replicas: spec },
    status
  })
  const deadline = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }
  it.each([
    [
      'spec update not observed',
      dep(3, 3, { observedGeneration: 2, conditions: [deadline] }),
      false,
      'Waiting for deployment spec update to be observed...',
      undefined
    ],
    [
      'progress deadline (reason only, before counts)',
      dep(2, 3, { observedGeneration: 2, updatedReplicas: 1, conditions: [{ ...deadline, status: 'True' }] }),
      false,
      'deployment "api" exceeded its progress deadline',
      'deployment "api" exceeded its progress deadline'
    ],
    [
      'new replicas updated',
      dep(2, 3, { observedGeneration: 2, replicas: 3, updatedReplicas: 1 }),
      false,
      'Waiting for deployment "api" rollout to finish: 1 out of 3 new replicas have been updated...',
      undefined
    ],
    [
      'old replicas pending termination',
      dep(2, 3, { observedGeneration: 2, replicas: 5, updatedReplicas: 3 }),
      false,
      'Waiting for deployment "api" rollout to finish: 2 old replicas are pending termination...',
      undefined
    ],
    [
      'updated replicas available',
      dep(2, 3, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 1 }),
      false,
      'Waiting for deployment "api" rollout to finish: 1 of 3 updated replicas are available...',
      undefined
    ],
    [
      'done',
      dep(2, 3, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      true,
      'deployment "api" successfully rolled out',
      undefined
    ],
    [
      'spec.replicas unset skips the first count check',
      dep(1, undefined, { observedGeneration: 1, replicas: 0, updatedReplicas: 0 }),
      true,
      'deployment "api" successfully rolled out',
      undefined
    ]
  ])('%s', (_name, obj, done, message, error) => {
    expect(deploymentStatus.rolloutStatus(obj)).toEqual(error ? { done, message, error } : { done, message })
  })

  it('checks the desired revision first', () => {
    const obj = dep(2, 3, { observedGeneration: 1 }, { 'deployment.kubernetes.io/revision': '4' })
    expect(deploymentStatus.rolloutStatus(obj, 5).error).toBe(
      'desired revision (5) is different from the running revision (4)'
    )
    expect(deploymentStatus.rolloutStatus(obj, 4).message).toBe('Waiting for deployment spec update to be observed...')
  })
})

describe('StatefulSet rolloutStatus', () => {
  const sts = (spec: Record<string, unknown>, status: Record<string, unknown>, generation = 2): KubeObject => ({
    kind: 'StatefulSet',
    metadata: meta('db', { generation }),
    spec,
    status
  })
  const ru = (partition?: number) => ({
    type: 'RollingUpdate',
    rollingUpdate: partition === undefined ? {} : { partition }
  })
  it.each([
    [
      'OnDelete is an error, done',
      sts({ updateStrategy: { type: 'OnDelete' } }, {}),
      true,
      'rollout status is only available for RollingUpdate strategy type',
      true
    ],
    [
      'observedGeneration 0',
      sts({ replicas: 3, updateStrategy: ru(0) }, { observedGeneration: 0 }),
      false,
      'Waiting for statefulset spec update to be observed...',
      false
    ],
    [
      'generation ahead',
      sts({ replicas: 3, updateStrategy: ru(0) }, { observedGeneration: 1 }),
      false,
      'Waiting for statefulset spec update to be observed...',
      false
    ],
    [
      'pods not ready',
      sts({ replicas: 3, updateStrategy: ru(0) }, { observedGeneration: 2, readyReplicas: 1 }),
      false,
      'Waiting for 2 pods to be ready...',
      false
    ],
    [
      'partitioned waiting',
      sts({ replicas: 3, updateStrategy: ru(1) }, { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1 }),
      false,
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
      false
    ],
    [
      'partitioned complete',
      sts({ replicas: 3, updateStrategy: ru(0) }, { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 3 }),
      true,
      'partitioned roll out complete: 3 new pods have been updated...',
      false
    ],
    [
      'rollingUpdate without partition completes',
      sts({ replicas: 3, updateStrategy: ru() }, { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2 }),
      true,
      'partitioned roll out complete: 2 new pods have been updated...',
      false
    ],
    [
      'revision comparison waiting',
      sts(
        { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
        { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2, currentRevision: 'db-1', updateRevision: 'db-2' }
      ),
      false,
      'waiting for statefulset rolling update to complete 2 pods at revision db-2...',
      false
    ],
    [
      'revision comparison complete',
      sts(
        { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
        { observedGeneration: 2, readyReplicas: 3, currentReplicas: 3, currentRevision: 'db-2', updateRevision: 'db-2' }
      ),
      true,
      'statefulset rolling update complete 3 pods at revision db-2...',
      false
    ]
  ])('%s', (_name, obj, done, message, isError) => {
    const status = statefulSetStatus.rolloutStatus(obj)
    expect(status.done).toBe(done)
    expect(status.message).toBe(message)
    expect(status.error !== undefined).toBe(isError)
  })
})

describe('DaemonSet rolloutStatus', () => {
  const ds = (status: Record<string, unknown>, type = 'RollingUpdate', generation = 2): KubeObject => ({
    kind: 'DaemonSet',
    metadata: meta('agent', { generation }),
    spec: { updateStrategy: { type } },
    status
  })
  it.each([
    ['OnDelete', ds({}, 'OnDelete'), true, 'rollout status is only available for RollingUpdate strategy type'],
    ['not observed', ds({ observedGeneration: 1 }), false, 'Waiting for daemon set spec update to be observed...'],
    [
      'updating',
      ds({ observedGeneration: 2, desiredNumberScheduled: 4, updatedNumberScheduled: 1 }),
      false,
      'Waiting for daemon set "agent" rollout to finish: 1 out of 4 new pods have been updated...'
    ],
    [
      'available',
      ds({ observedGeneration: 2, desiredNumberScheduled: 4, updatedNumberScheduled: 4, numberAvailable: 3 }),
      false,
      'Waiting for daemon set "agent" rollout to finish: 3 of 4 updated pods are available...'
    ],
    [
      'done',
      ds({ observedGeneration: 2, desiredNumberScheduled: 4, updatedNumberScheduled: 4, numberAvailable: 4 }),
      true,
      'daemon set "agent" successfully rolled out'
    ]
  ])('%s', (_name, obj, done, message) => {
    expect(daemonSetStatus.rolloutStatus(obj)).toMatchObject({ done, message })
  })
})

describe('current revision and pod selection', () => {
  const template = (image: string, hash?: string) => ({
    metadata: { labels: { app: 'api', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'app', image }] }
  })
  const deployment: KubeObject = {
    kind: 'Deployment',
    metadata: meta('api', { uid: 'd1', generation: 3, annotations: { 'deployment.kubernetes.io/revision': '3' } }),
    spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: template('api:v2') },
    status: { observedGeneration: 3 }
  }
  const rs = (
    name: string,
    hash: string,
    image: string,
    revision: string,
    created: string,
    owner = 'd1'
  ): KubeObject => ({
    kind: 'ReplicaSet',
    metadata: meta(name, {
      uid: `u-${name}`,
      creationTimestamp: created,
      labels: { app: 'api', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: owner, controller: true }]
    }),
    spec: { template: template(image, hash) }
  })

  it('finds the new ReplicaSet by template ignoring pod-template-hash, and selects its pods', () => {
    const owned = [
      rs('api-old', 'aaa', 'api:v1', '2', '2024-01-01T00:00:00Z'),
      rs('api-new', 'bbb', 'api:v2', '3', '2024-02-01T00:00:00Z'),
      rs('other', 'ccc', 'api:v2', '9', '2023-01-01T00:00:00Z', 'someone-else')
    ]
    const revision = deploymentStatus.currentRevision({ object: deployment, owned })
    expect(revision).toEqual({
      owner: { kind: 'ReplicaSet', name: 'api-new', uid: 'u-api-new' },
      revision: '3',
      podLabel: { key: 'pod-template-hash', value: 'bbb' },
      createdAt: '2024-02-01T00:00:00Z'
    })
    expect(deploymentStatus.podSelectorForRevision(deployment, revision!)).toBe('app=api,pod-template-hash=bbb')
    const pod = (uid: string) => ({
      metadata: {
        name: 'p',
        labels: { app: 'api', 'pod-template-hash': 'bbb' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-new', uid, controller: true }]
      }
    })
    expect(deploymentStatus.ownsPod(deployment, revision!, pod('u-api-new'))).toBe(true)
    expect(deploymentStatus.ownsPod(deployment, revision!, pod('u-other'))).toBe(false)
  })

  it('falls back to the revision annotation, but only once the generation is observed', () => {
    const owned = [rs('api-x', 'xxx', 'api:defaulted-differently', '3', '2024-02-01T00:00:00Z')]
    expect(deploymentStatus.currentRevision({ object: deployment, owned })?.owner.name).toBe('api-x')
    const unobserved = { ...deployment, metadata: { ...deployment.metadata, generation: 4 } }
    expect(deploymentStatus.currentRevision({ object: unobserved, owned })).toBeUndefined()
  })

  it('a paused Deployment with a changed template has no current revision yet, and is blocked', () => {
    // Paused: the controller observed the change but created no ReplicaSet; the annotation names the old one.
    const paused: KubeObject = {
      ...deployment,
      spec: { ...(deployment.spec as object), paused: true },
      metadata: { ...deployment.metadata, annotations: { 'deployment.kubernetes.io/revision': '2' } }
    }
    const owned = [rs('api-old', 'aaa', 'api:v1', '2', '2024-01-01T00:00:00Z')]
    expect(deploymentStatus.currentRevision({ object: paused, owned })).toBeUndefined()
    expect(deploymentStatus.blocked?.(paused)).toBe(
      'deployment "api" is paused: its rollout will not progress until it is resumed (kubectl rollout resume deployment/api -n prod)'
    )
    expect(deploymentStatus.blocked?.(deployment)).toBeUndefined()
  })

  it.each([
    ['no strategy (RollingUpdate by default)', undefined, 4],
    ['RollingUpdate without partition', { type: 'RollingUpdate' }, 4],
    ['RollingUpdate partition 3', { type: 'RollingUpdate', rollingUpdate: { partition: 3 } }, 1],
    ['partition above replicas', { type: 'RollingUpdate', rollingUpdate: { partition: 9 } }, 0],
    ['OnDelete ignores a stale partition', { type: 'OnDelete', rollingUpdate: { partition: 3 } }, 4]
  ])('StatefulSet: pods wanted on the update revision, %s', (_label, updateStrategy, wanted) => {
    const sts: KubeObject = { kind: 'StatefulSet', metadata: meta('db'), spec: { replicas: 4, updateStrategy } }
    expect(statefulSetStatus.desiredReplicas(sts)).toBe(wanted)
  })

  it('StatefulSet: updateRevision names the ControllerRevision; pods carry its name', () => {
    const sts: KubeObject = {
      kind: 'StatefulSet',
      metadata: meta('db', { uid: 's1' }),
      spec: { replicas: 3, selector: { matchLabels: { app: 'db' } }, template: template('db:2') },
      status: { updateRevision: 'db-6c7' }
    }
    const cr = (name: string, revision: number): KubeObject => ({
      kind: 'ControllerRevision',
      revision,
      metadata: meta(name, {
        uid: `u-${name}`,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 's1', controller: true }]
      })
    })
    const revision = statefulSetStatus.currentRevision({ object: sts, owned: [cr('db-6c7', 4), cr('db-9f9', 5)] })
    expect(revision?.revision).toBe('4')
    expect(statefulSetStatus.podSelectorForRevision(sts, revision!)).toBe('app=db,controller-revision-hash=db-6c7')
    const withoutStatus = { ...sts, status: {} }
    expect(
      statefulSetStatus.currentRevision({ object: withoutStatus, owned: [cr('db-6c7', 4), cr('db-9f9', 5)] })?.owner
        .name
    ).toBe('db-9f9')
    expect(statefulSetStatus.desiredReplicas(sts)).toBe(3)
  })

  it('DaemonSet: newest ControllerRevision; pods carry the bare hash; desired comes from status', () => {
    const ds: KubeObject = {
      kind: 'DaemonSet',
      metadata: meta('agent', { uid: 'ds1' }),
      spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent:1') },
      status: { desiredNumberScheduled: 5 }
    }
    const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds1', controller: true }]
    const owned: KubeObject[] = [
      {
        kind: 'ControllerRevision',
        revision: 1,
        metadata: meta('agent-111', { ownerReferences: owner, labels: { 'controller-revision-hash': '111' } })
      },
      { kind: 'ControllerRevision', revision: 2, metadata: meta('agent-222', { ownerReferences: owner }) }
    ]
    const revision = daemonSetStatus.currentRevision({ object: ds, owned })
    expect(revision?.podLabel).toEqual({ key: 'controller-revision-hash', value: '222' })
    expect(daemonSetStatus.desiredReplicas(ds)).toBe(5)
    expect(templateImages(ds)).toEqual({ app: 'agent:1' })
  })

  it('looks kinds up by name and short name; others are custom resources', () => {
    expect(statusViewerFor('deployment')?.kind).toBe('Deployment')
    expect(statusViewerFor('sts')?.kind).toBe('StatefulSet')
    expect(statusViewerFor('DaemonSet', 'apps/v1')?.kind).toBe('DaemonSet')
    expect(statusViewerFor('Rollout', 'argoproj.io/v1alpha1')).toBeUndefined()
    expect(statusViewerFor('Application')).toBeUndefined()
  })
})
