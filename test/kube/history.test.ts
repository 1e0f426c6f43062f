import { describe, expect, it } from '@jest/globals'
import type { KubeObject } from '../../src/kube/api.js'
import { historyViewerFor } from '../../src/kube/history/index.js'
import { previousRevision } from '../../src/kube/history/previous.js'
import { statusViewerFor } from '../../src/kube/status/index.js'
import { rollbackerFor } from '../../src/act/rollback/index.js'
import type { WorkloadKindName } from '../../src/kube/workload/kinds.js'

const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'u-api', controller: true }

const rs = (name: string, revision: string | undefined, image: string, extra: Partial<KubeObject['metadata']> = {}) =>
  ({
    kind: 'ReplicaSet',
    metadata: {
      name,
      annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : {},
      ownerReferences: [owner],
      ...extra
    },
    spec: {
      template: {
        metadata: { labels: { app: 'api', 'pod-template-hash': name } },
        spec: { containers: [{ name: 'app', image }] }
      }
    }
  }) as KubeObject

const cr = (name: string, revision: number, image: string, ownerUid = 'u-db'): KubeObject => ({
  kind: 'ControllerRevision',
  metadata: {
    name,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: ownerUid, controller: true }]
  },
  revision,
  data: { spec: { template: { spec: { containers: [{ name: 'app', image }] }, $patch: 'replace' } } }
})

const deployment = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', uid: 'u-api' },
  spec: {
    selector: { matchLabels: { app: 'api' } },
    template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'app', image }] } }
  }
})
const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', uid: 'u-db' },
  spec: { selector: { matchLabels: { app: 'db' } } }
}

describe('previousRevision (the highest revision below the current one, for reports)', () => {
  it.each<[string, WorkloadKindName, KubeObject[], string | undefined, ReturnType<typeof previousRevision>]>([
    [
      'ReplicaSets',
      'Deployment',
      [rs('a', '1', 'img:1'), rs('b', '3', 'img:3'), rs('c', '4', 'img:4'), rs('d', '2', 'img:2')],
      '4',
      { revision: '3', images: { app: 'img:3' } }
    ],
    ['none on a first deploy', 'Deployment', [rs('a', '1', 'img:1')], '1', undefined],
    [
      'ReplicaSets without a revision are ignored',
      'Deployment',
      [rs('a', undefined, 'img:0'), rs('b', '2', 'img:2')],
      '2',
      undefined
    ],
    [
      'ControllerRevisions (StatefulSet, DaemonSet)',
      'StatefulSet',
      [cr('db-1', 1, 'db:1'), cr('db-2', 2, 'db:2')],
      '2',
      { revision: '1', images: { app: 'db:1' } }
    ],
    ['unknown current revision', 'Deployment', [rs('a', '1', 'img:1')], undefined, undefined]
  ])('%s', (_label, kind, owned, current, expected) => {
    expect(previousRevision(kind, owned, current)).toEqual(expected)
  })
})

describe('Deployment HistoryViewer (kubectl deploymentRevision)', () => {
  const viewer = historyViewerFor('deploy')!
  it('keeps only controlled ReplicaSets with a parsable revision, the current one last', () => {
    const stranger = rs('x', '9', 'img:9', { ownerReferences: [{ ...owner, uid: 'u-other' }] })
    const broken = rs('y', 'seven', 'img:7')
    const listed = [
      rs('c', '3', 'img:3', { creationTimestamp: '2024-01-03T00:00:00Z' }),
      rs('a', '1', 'img:1', { creationTimestamp: '2024-01-01T00:00:00Z' }),
      rs('b', '2', 'img:2', { creationTimestamp: '2024-01-02T00:00:00Z' }),
      stranger,
      broken
    ]
    const history = viewer.history(deployment('img:2'), listed)
    expect(history.map((e) => [e.object.metadata.name, e.revision])).toEqual([
      ['a', 1],
      ['c', 3],
      ['b', 2]
    ])
    expect(viewer.previous(history)?.revision).toBe(2)
    expect(viewer.find(history, 1)?.object.metadata.name).toBe('a')
    expect(viewer.find(history, 9)).toBeUndefined()
  })

  it.each<[string, Array<[string, string | undefined]>, number | undefined]>([
    [
      'second-highest',
      [
        ['a', '1'],
        ['b', '2'],
        ['c', '3']
      ],
      2
    ],
    ['one revision: nothing to go back to', [['a', '1']], undefined],
    [
      'a missing annotation counts as revision 0',
      [
        ['a', undefined],
        ['b', '1']
      ],
      0
    ],
    [
      'a tie on the highest revision: the other one',
      [
        ['a', '3'],
        ['b', '3'],
        ['c', '1']
      ],
      3
    ]
  ])('previous: %s', (_label, sets, expected) => {
    const history = viewer.history(
      deployment('none'),
      sets.map(([name, revision]) => rs(name, revision, `img:${name}`))
    )
    expect(viewer.previous(history)?.revision).toBe(expected)
  })
})

describe('ControllerRevision HistoryViewer (kubectl findHistory)', () => {
  const viewer = historyViewerFor('StatefulSet')!
  it('sorts controlled revisions by .revision and strips $patch from the template', () => {
    const history = viewer.history(statefulSet, [
      cr('db-3', 3, 'db:3'),
      cr('db-1', 1, 'db:1'),
      cr('db-x', 7, 'x', 'u-x')
    ])
    expect(history.map((e) => e.revision)).toEqual([1, 3])
    expect(history[0]!.template).toEqual({ spec: { containers: [{ name: 'app', image: 'db:1' }] } })
    expect(viewer.previous(history)?.revision).toBe(1)
    expect(viewer.previous(history.slice(0, 1))).toBeUndefined()
    expect(viewer.listSelector(statefulSet)).toBe('app=db')
  })
})

describe('one lookup per verb, the same kinds and names', () => {
  it.each(['Deployment', 'statefulsets', 'ds'])('%s', (name) => {
    const kinds = [statusViewerFor(name)?.kind, historyViewerFor(name)?.kind, rollbackerFor(name)?.kind]
    expect(new Set(kinds).size).toBe(1)
    expect(kinds[0]).toBeDefined()
  })
  it('other kinds have none', () => {
    expect([statusViewerFor('Job'), historyViewerFor('Job'), rollbackerFor('Job')]).toEqual([
      undefined,
      undefined,
      undefined
    ])
    expect(rollbackerFor('Deployment', 'extensions/v1beta1')).toBeUndefined()
  })
})
