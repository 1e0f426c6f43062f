import { describe, expect, it } from '@jest/globals'
import { previousRevision } from '../../src/kube/kinds/history.js'
import type { KubeObject } from '../../src/kube/api.js'

const rs = (name: string, revision: string | undefined, image: string): KubeObject => ({
  kind: 'ReplicaSet',
  metadata: { name, annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : {} },
  spec: { template: { spec: { containers: [{ name: 'app', image }] } } }
})

const cr = (name: string, revision: number, image: string): KubeObject => ({
  kind: 'ControllerRevision',
  metadata: { name },
  revision,
  data: { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } }
})

describe('previousRevision', () => {
  it.each<[string, KubeObject[], string | undefined, ReturnType<typeof previousRevision>]>([
    [
      'the highest revision below the current one (ReplicaSets)',
      [rs('a', '1', 'img:1'), rs('b', '3', 'img:3'), rs('c', '4', 'img:4'), rs('d', '2', 'img:2')],
      '4',
      { revision: '3', images: { app: 'img:3' } }
    ],
    ['none on a first deploy', [rs('a', '1', 'img:1')], '1', undefined],
    [
      'ReplicaSets without a revision are ignored',
      [rs('a', undefined, 'img:0'), rs('b', '2', 'img:2')],
      '2',
      undefined
    ],
    [
      'ControllerRevisions (StatefulSet, DaemonSet)',
      [cr('db-1', 1, 'db:1'), cr('db-2', 2, 'db:2')],
      '2',
      { revision: '1', images: { app: 'db:1' } }
    ],
    ['unknown current revision', [rs('a', '1', 'img:1')], undefined, undefined]
  ])('%s', (_label, owned, current, expected) => {
    expect(previousRevision(owned, current)).toEqual(expected)
  })
})
