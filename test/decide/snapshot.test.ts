import { describe, expect, it } from '@jest/globals'
import {
  MAX_SNAPSHOT_CHARS,
  parseSnapshotAnnotation,
  podRestarts,
  recordedFromSnapshot,
  restartBaselineFromSnapshot,
  snapshotAnnotation
} from '../../src/decide/snapshot.js'
import type { Pod } from '../../src/evaluate/k8s-types.js'
import { SNAPSHOT_ANNOTATION, type TargetSnapshot } from '../../src/model/snapshot.js'

const ref = { kind: 'Deployment', name: 'api', namespace: 'shop' }
const snapshot: TargetSnapshot = {
  ref,
  revision: 3,
  templateHash: '5d8c7b9f6c',
  images: { app: 'registry.example/api:v1.2.2' },
  replicas: 2,
  restarts: [{ pod: 'api-5d8c7b9f6c-abcde', uid: 'uid-1', containers: { app: 1 } }],
  argocd: { application: 'api', syncedRevision: 'a1b2c3d' },
  helm: { release: 'api', revision: 12 },
  takenAt: '2026-01-01T00:00:00.000Z',
  runUrl: 'https://github.com/o/r/actions/runs/1'
}
const encode = (value: unknown) => JSON.stringify(value)
const withField = (patch: Record<string, unknown>) => encode({ version: 1, ...snapshot, ...patch })

describe('snapshot annotation', () => {
  it('round-trips', () => {
    const written = snapshotAnnotation(snapshot)
    expect(written.key).toBe(SNAPSHOT_ANNOTATION)
    expect(written.trimmed).toBeUndefined()
    expect(parseSnapshotAnnotation(written.value, ref)).toEqual({ ok: true, value: snapshot })
  })

  it('drops restart counts, never the revision, when too large', () => {
    const restarts = Array.from({ length: 400 }, (_, i) => ({
      pod: `api-5d8c7b9f6c-${i}`,
      uid: `uid-${i}-${'u'.repeat(30)}`,
      containers: { app: i }
    }))
    const written = snapshotAnnotation({ ...snapshot, restarts })
    expect(written.trimmed).toMatch(/restart counts of 400 pods left out/)
    expect(written.value.length).toBeLessThanOrEqual(MAX_SNAPSHOT_CHARS)
    const read = parseSnapshotAnnotation(written.value, ref)
    expect(read).toMatchObject({
      ok: true,
      value: { revision: 3, templateHash: '5d8c7b9f6c', restarts: [], restartsOmitted: true }
    })
  })

  it.each<[string, string | undefined, RegExp]>([
    ['unset', undefined, /is not set/],
    ['not JSON', '{"version":1,', /not valid JSON/],
    ['oversized', 'x'.repeat(MAX_SNAPSHOT_CHARS + 1), /more than the 16384/],
    ['unknown version', withField({ version: 2 }), /malformed at version/],
    ['revision as a string', withField({ revision: '3' }), /malformed at revision/],
    ['revision zero', withField({ revision: 0 }), /malformed at revision/],
    ['a hash that is not a label value', withField({ templateHash: '$(rm -rf)' }), /malformed at templateHash/],
    [
      'unknown fields are refused',
      withField({ command: 'kubectl delete' }),
      /malformed at \(value\)|malformed at command/
    ],
    ['a hostile container key', withField({ images: { __proto__x: 'a' } }), /malformed at images/],
    [
      'negative restart count',
      withField({ restarts: [{ pod: 'p', containers: { app: -1 } }] }),
      /malformed at restarts\.0\.containers/
    ],
    ['a run URL that is not http(s)', withField({ runUrl: 'javascript:alert(1)' }), /malformed at runUrl/],
    [
      'a snapshot copied from another workload',
      withField({ ref: { ...ref, name: 'web' } }),
      /records deployment\/web in shop \(copied from another workload\?\)/
    ],
    [
      'a snapshot of another namespace',
      withField({ ref: { ...ref, namespace: 'staging' } }),
      /records deployment\/api in staging/
    ]
  ])('rejects %s', (_name, raw, reason) => {
    const read = parseSnapshotAnnotation(raw, ref)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toMatch(reason)
  })
})

describe('what a rollback and verify take from a snapshot', () => {
  it('recorded revision keeps the hash for matching after renumbering', () => {
    expect(recordedFromSnapshot(snapshot)).toEqual({ source: 'snapshot', revision: 3, templateHash: '5d8c7b9f6c' })
    expect(recordedFromSnapshot({ ...snapshot, templateHash: undefined })).toEqual({ source: 'snapshot', revision: 3 })
  })

  it('restart baseline by pod uid', () => {
    const restarts = [...snapshot.restarts, { pod: 'no-uid', containers: { app: 9 } }]
    expect(restartBaselineFromSnapshot({ ...snapshot, restarts })).toEqual({ 'uid-1': { app: 1 } })
  })

  it.each<[string, Pod[], ReturnType<typeof podRestarts>]>([
    ['no pods', [], []],
    [
      'init and app containers, missing counts as 0',
      [
        {
          metadata: { name: 'api-1', uid: 'u1' },
          status: {
            initContainerStatuses: [{ name: 'migrate', restartCount: 2 }],
            containerStatuses: [{ name: 'app', restartCount: 5 }, { name: 'sidecar' }]
          }
        }
      ],
      [{ pod: 'api-1', uid: 'u1', containers: { migrate: 2, app: 5, sidecar: 0 } }]
    ],
    ['a pod without status', [{ metadata: { name: 'api-2' } }], [{ pod: 'api-2', containers: {} }]]
  ])('podRestarts: %s', (_name, pods, expected) => {
    expect(podRestarts(pods)).toEqual(expected)
  })
})
