/** kubectl's undo decisions as tables of plain objects (reference/k8s-semantics.md §1). */
import { describe, expect, it } from '@jest/globals'
import type { KubeObject } from '../../src/kube/api.js'
import { planRollback } from '../../src/act/rollback/index.js'

const uid = 'u-web'
const ref = (kind: string, name: string, id = uid) => [{ apiVersion: 'apps/v1', kind, name, uid: id, controller: true }]
const template = (image: string, extraLabels: Record<string, string> = {}) => ({
  metadata: { labels: { app: 'web', ...extraLabels } },
  spec: { containers: [{ name: 'app', image }] }
})

function deployment(image: string, extra: { paused?: boolean; annotations?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'prod',
      uid,
      resourceVersion: '77',
      annotations: extra.annotations ?? { 'deployment.kubernetes.io/revision': '3' }
    },
    spec: { paused: extra.paused, selector: { matchLabels: { app: 'web' } }, template: template(image) }
  }
}

function rs(
  revision: number | undefined,
  image: string,
  annotations: Record<string, string> = {},
  owner = uid
): KubeObject {
  const hash = `h${revision}`
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'prod',
      creationTimestamp: `2024-01-0${revision ?? 0}T00:00:00Z`,
      ownerReferences: ref('Deployment', 'web', owner),
      annotations: {
        ...(revision === undefined ? {} : { 'deployment.kubernetes.io/revision': String(revision) }),
        ...annotations
      }
    },
    spec: { template: template(image, { 'pod-template-hash': hash }) }
  }
}

const history = [rs(1, 'img:1', { 'kubernetes.io/change-cause': 'first' }), rs(2, 'img:2'), rs(3, 'img:3')]

describe('planRollback: Deployment (DeploymentRollbacker)', () => {
  it('default: the second-highest revision, kubectl JSON patch behind a resourceVersion guard', () => {
    const annotations = {
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      team: 'dropped: not on the ReplicaSet'
    }
    const plan = planRollback(deployment('img:3', { annotations }), history, 0)
    expect(plan).toEqual({
      action: 'patch',
      fromRevision: 3,
      toRevision: 2,
      patch: {
        type: 'json',
        body: [
          { op: 'replace', path: '/metadata/resourceVersion', value: '77' },
          { op: 'replace', path: '/spec/template', value: template('img:2') },
          {
            op: 'replace',
            path: '/metadata/annotations',
            value: {
              'deployment.kubernetes.io/revision': '3',
              'kubectl.kubernetes.io/last-applied-configuration': '{}'
            }
          }
        ]
      }
    })
  })

  it('--to-revision=N copies the ReplicaSet annotations that are not skipped and drops pod-template-hash', () => {
    const plan = planRollback(deployment('img:3'), history, 1)
    expect(plan).toMatchObject({ action: 'patch', fromRevision: 3, toRevision: 1 })
    const body = plan.action === 'patch' ? (plan.patch.body as Array<{ path: string; value: unknown }>) : []
    expect(body.find((op) => op.path === '/spec/template')?.value).toEqual(template('img:1'))
    expect(body.find((op) => op.path === '/metadata/annotations')?.value).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'first'
    })
  })

  it.each<[string, KubeObject, KubeObject[], number, Record<string, unknown>]>([
    [
      'already at the default target',
      deployment('img:2'),
      history,
      0,
      { action: 'skip', toRevision: 2, message: 'skipped rollback (current template already matches revision 0)' }
    ],
    [
      'already at --to-revision',
      deployment('img:3'),
      history,
      3,
      { action: 'skip', toRevision: 3, message: 'skipped rollback (current template already matches revision 3)' }
    ],
    [
      'missing revision',
      deployment('img:3'),
      history,
      9,
      { action: 'refuse', reason: 'revision-not-found', message: 'unable to find specified revision 9 in history' }
    ],
    [
      'negative revision',
      deployment('img:3'),
      history,
      -1,
      { action: 'refuse', reason: 'revision-not-found', message: 'unable to find specified revision -1 in history' }
    ],
    [
      'a single revision',
      deployment('img:1'),
      [rs(1, 'img:1')],
      0,
      { action: 'refuse', reason: 'no-history', message: 'no rollout history found for deployment "web"' }
    ],
    [
      'ReplicaSets of another owner do not count',
      deployment('img:1'),
      [rs(1, 'img:1'), rs(2, 'img:2', {}, 'u-other')],
      0,
      { action: 'refuse', reason: 'no-history' }
    ],
    [
      'paused (checked after the revision is found, before already-at-target)',
      deployment('img:2', { paused: true }),
      history,
      0,
      {
        action: 'refuse',
        reason: 'paused',
        message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"
      }
    ],
    [
      'paused but the revision is missing: the revision error comes first',
      deployment('img:3', { paused: true }),
      history,
      8,
      { action: 'refuse', reason: 'revision-not-found' }
    ]
  ])('%s', (_label, workload, listed, toRevision, expected) => {
    expect(planRollback(workload, listed, toRevision)).toMatchObject(expected)
  })
})

const data = (image: string) => ({ spec: { template: { ...template(image), $patch: 'replace' } } })
const cr = (revision: number, image: string, kind = 'StatefulSet', owner = uid): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { name: `web-${revision}`, namespace: 'prod', ownerReferences: ref(kind, 'web', owner) },
  revision,
  data: data(image)
})
const workload = (kind: string, image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'web', namespace: 'prod', uid, resourceVersion: '12' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(image) }
})

describe.each(['StatefulSet', 'DaemonSet'])('planRollback: %s (ControllerRevision history)', (kind) => {
  const revisions = [cr(3, 'img:3', kind), cr(1, 'img:1', kind), cr(2, 'img:2', kind)]
  it('default: the revision before the last, its data as a strategic merge patch with a resourceVersion guard', () => {
    expect(planRollback(workload(kind, 'img:3'), revisions, 0)).toEqual({
      action: 'patch',
      fromRevision: 3,
      toRevision: 2,
      patch: { type: 'strategic', body: { ...data('img:2'), metadata: { resourceVersion: '12' } } }
    })
  })

  it.each<[string, string, KubeObject[] | undefined, number, Record<string, unknown>]>([
    ['--to-revision=1', 'img:3', undefined, 1, { action: 'patch', toRevision: 1 }],
    [
      'already at the target',
      'img:2',
      undefined,
      0,
      {
        action: 'skip',
        fromRevision: 2,
        toRevision: 2,
        message: 'skipped rollback (current template already matches revision 0)'
      }
    ],
    [
      'missing revision',
      'img:3',
      undefined,
      5,
      { action: 'refuse', message: 'unable to find specified revision 5 in history' }
    ],
    [
      'one revision',
      'img:1',
      [cr(1, 'img:1', kind)],
      0,
      { action: 'refuse', reason: 'no-history', message: 'no last revision to roll back to' }
    ],
    [
      'one revision, --to-revision=1: already there',
      'img:1',
      [cr(1, 'img:1', kind)],
      1,
      { action: 'skip', message: 'skipped rollback (current template already matches revision 1)' }
    ],
    [
      'revisions of another owner do not count',
      'img:1',
      [cr(1, 'img:1', kind), cr(2, 'img:2', kind, 'u-x')],
      0,
      { action: 'refuse', reason: 'no-history' }
    ]
  ])('%s', (_label, image, listed, toRevision, expected) => {
    expect(planRollback(workload(kind, image), listed ?? revisions, toRevision)).toMatchObject(expected)
  })

  it('"already matches" compares semantically: key order and empty maps do not matter', () => {
    const live = workload(kind, 'img:2')
    const reordered = cr(2, 'img:2', kind)
    reordered.data = {
      spec: {
        template: {
          $patch: 'replace',
          spec: { containers: [{ image: 'img:2', name: 'app' }] },
          metadata: { labels: { app: 'web' }, annotations: {} }
        }
      }
    }
    expect(planRollback(live, [cr(1, 'img:1', kind), reordered], 2)).toMatchObject({ action: 'skip' })
  })
})

describe('planRollback: other kinds', () => {
  it("throw kubectl's message", () => {
    expect(() => planRollback({ kind: 'Job', metadata: { name: 'j' } }, [], 0)).toThrow(
      'no rollbacker has been implemented for "Job"'
    )
  })
})
