/** The routers' pure parts: replica split, guarded patches, pairs, nginx weights, messages. Tables only. */
import { describe, expect, it } from '@jest/globals'
import type { KubeObject } from '../../../src/kube/api.js'
import { splitReplicas } from '../../../src/act/traffic/replica-split.js'
import { guardedPatch, restoreWrites, testsThatFail } from '../../../src/act/traffic/plan-writes.js'
import { pointer, readPointer } from '../../../src/act/traffic/json-pointer.js'
import { httpRoutePairs } from '../../../src/act/traffic/gateway-httproute.js'
import { virtualServicePairs } from '../../../src/act/traffic/istio-virtualservice.js'
import { nginxCanaryWeight } from '../../../src/act/traffic/nginx-ingress.js'
import { pairWrites } from '../../../src/act/traffic/weighted-pairs.js'
import { selectorWrites } from '../../../src/act/traffic/service-selector.js'
import { describeChanges } from '../../../src/act/traffic/messages.js'
import { checkWeight } from '../../../src/act/traffic/weight.js'
import { routerFor } from '../../../src/act/traffic/index.js'

const obj = (rest: Record<string, unknown>): KubeObject => ({ metadata: { name: 'web' }, ...rest })

describe('splitReplicas: canary = ceil(weight × total), stable keeps the total', () => {
  it.each([
    // total, weight, canary, stable
    [4, 0, 0, 4],
    [4, 5, 1, 3],
    [4, 25, 1, 3],
    [4, 26, 2, 2],
    [4, 50, 2, 2],
    [4, 100, 4, 0],
    [10, 5, 1, 9],
    [10, 7, 1, 9],
    [100, 7, 7, 93], // 0.07 × 100 is 7.000000000000001 in floating point: still 7
    [3, 33, 1, 2],
    [3, 34, 2, 1],
    [1, 5, 1, 0],
    [20, 12.5, 3, 17],
    [0, 50, 0, 0]
  ])('total %i at %s %% → canary %i, stable %i', (total, weight, canary, stable) => {
    const split = splitReplicas(total, weight)
    expect([split.canary, split.stable]).toEqual([canary, stable])
    expect(split.canary + split.stable).toBe(total)
  })

  it('reports the share actually in effect', () => {
    expect(splitReplicas(4, 5).effectiveWeight).toBe(25)
    expect(splitReplicas(0, 5).effectiveWeight).toBe(0)
  })
})

describe('guardedPatch', () => {
  const route = obj({ spec: { rules: [{ backendRefs: [{ name: 'api', weight: 100 }, { name: 'api-canary' }] }] } })
  const at = (j: number) => pointer('spec', 'rules', 0, 'backendRefs', j)

  it('tests the entry name and the weight we believe is there before each replace; adds an absent field', () => {
    const ops = guardedPatch(route, [
      { path: `${at(0)}/weight`, value: 95, guards: [{ path: `${at(0)}/name`, value: 'api' }] },
      { path: `${at(1)}/weight`, value: 5, guards: [{ path: `${at(1)}/name`, value: 'api-canary' }] }
    ])
    expect(ops).toEqual([
      { op: 'test', path: '/spec/rules/0/backendRefs/0/name', value: 'api' },
      { op: 'test', path: '/spec/rules/0/backendRefs/0/weight', value: 100 },
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: 95 },
      { op: 'test', path: '/spec/rules/0/backendRefs/1/name', value: 'api-canary' },
      { op: 'add', path: '/spec/rules/0/backendRefs/1/weight', value: 5 }
    ])
  })

  it('removes a field whose saved value was absent, after testing ours; skips fields already right', () => {
    const ops = guardedPatch(route, [
      { path: `${at(0)}/weight`, value: undefined, guards: [] },
      { path: `${at(1)}/name`, value: 'api-canary', guards: [] }
    ])
    expect(ops).toEqual([
      { op: 'test', path: '/spec/rules/0/backendRefs/0/weight', value: 100 },
      { op: 'remove', path: '/spec/rules/0/backendRefs/0/weight' }
    ])
  })

  it('sends a shared guard once', () => {
    const guard = { path: '/metadata/annotations/canary', value: 'true' }
    const ops = guardedPatch(obj({ spec: { a: 1, b: 1 } }), [
      { path: '/spec/a', value: 2, guards: [guard] },
      { path: '/spec/b', value: 2, guards: [guard] }
    ])
    expect(ops.filter((o) => o.path === guard.path)).toHaveLength(1)
  })
})

describe('restoreWrites and testsThatFail', () => {
  it('restores only touched fields that differ, to the saved value (absent included)', () => {
    const original = obj({ spec: { replicas: 4, other: 1 } })
    const live = obj({ spec: { replicas: 3, weight: 5, other: 2 } })
    const touched = [
      { path: '/spec/replicas', guards: [] },
      { path: '/spec/weight', guards: [] }
    ]
    expect(restoreWrites(original, live, touched)).toEqual([
      { path: '/spec/replicas', value: 4, guards: [] },
      { path: '/spec/weight', value: undefined, guards: [] }
    ])
  })

  it('names each test op the server object no longer satisfies', () => {
    const ops = [
      { op: 'test' as const, path: '/spec/a', value: 1 },
      { op: 'test' as const, path: '/spec/b', value: 2 },
      { op: 'replace' as const, path: '/spec/a', value: 3 }
    ]
    expect(testsThatFail(ops, obj({ spec: { a: 1, b: 7 } }))).toEqual([{ path: '/spec/b', expected: 2, found: 7 }])
    expect(testsThatFail(ops, undefined)).toHaveLength(2)
  })
})

describe('json pointers', () => {
  it('escapes / and ~ in annotation keys and reads them back', () => {
    const path = pointer('metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary-weight')
    expect(path).toBe('/metadata/annotations/nginx.ingress.kubernetes.io~1canary-weight')
    expect(
      readPointer(
        obj({ metadata: { name: 'x', annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '5' } } }),
        path
      )
    ).toBe('5')
    expect(readPointer({ a: [{ b: 1 }] }, '/a/3/b')).toBeUndefined()
  })
})

describe('pairs', () => {
  it('HTTPRoute: only rules holding both Service backends; other kinds of the same name ignored', () => {
    const route = obj({
      spec: {
        rules: [
          { backendRefs: [{ name: 'api' }] },
          {
            backendRefs: [
              { name: 'api-canary', kind: 'ServiceImport', group: 'multicluster.x-k8s.io' },
              { name: 'api' }
            ]
          },
          {
            backendRefs: [
              { name: 'api', port: 80 },
              { name: 'api-canary', kind: 'Service', group: '' }
            ]
          }
        ]
      }
    })
    const pairs = httpRoutePairs(route, 'api', 'api-canary')
    expect(pairs).toEqual([
      {
        stable: {
          path: '/spec/rules/2/backendRefs/0',
          guards: [{ path: '/spec/rules/2/backendRefs/0/name', value: 'api' }]
        },
        canary: {
          path: '/spec/rules/2/backendRefs/1',
          guards: [{ path: '/spec/rules/2/backendRefs/1/name', value: 'api-canary' }]
        }
      }
    ])
    expect(pairWrites(pairs, 5).map((w) => [w.path, w.value])).toEqual([
      ['/spec/rules/2/backendRefs/0/weight', 95],
      ['/spec/rules/2/backendRefs/1/weight', 5]
    ])
  })

  it('VirtualService: matches host and subset, guards both', () => {
    const vs = obj({
      spec: {
        http: [
          {
            route: [
              { destination: { host: 'web', subset: 'canary' } },
              { destination: { host: 'web', subset: 'stable' } }
            ]
          },
          { route: [{ destination: { host: 'other' } }] }
        ]
      }
    })
    const pairs = virtualServicePairs(vs, { host: 'web', subset: 'stable' }, { host: 'web', subset: 'canary' })
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.stable.path).toBe('/spec/http/0/route/1')
    expect(pairs[0]!.canary.guards).toEqual([
      { path: '/spec/http/0/route/0/destination/host', value: 'web' },
      { path: '/spec/http/0/route/0/destination/subset', value: 'canary' }
    ])
  })
})

describe('nginx canary-weight', () => {
  it.each([
    [5, undefined, '5', 5],
    [25, '1000', '250', 25],
    [12.5, undefined, '13', 13],
    [50, '10', '5', 50],
    [50, 'junk', '50', 50]
  ])('%s %% with total %s → "%s"', (weight, total, value, effective) => {
    expect(nginxCanaryWeight(weight, total)).toEqual({ value, effectiveWeight: effective })
  })
})

describe('service selector', () => {
  const service = obj({ spec: { selector: { app: 'web', color: 'blue', tier: 'x' } } })
  it('switches the keys blue and green use, removing blue-only keys; back to the saved values', () => {
    const spec = { blue: { color: 'blue', tier: 'x' }, green: { color: 'green' } }
    expect(selectorWrites(service, spec, 'green').map((w) => [w.path, w.value])).toEqual([
      ['/spec/selector/color', 'green'],
      ['/spec/selector/tier', undefined]
    ])
    expect(selectorWrites(service, spec, 'original').map((w) => [w.path, w.value])).toEqual([
      ['/spec/selector/color', 'blue'],
      ['/spec/selector/tier', 'x']
    ])
  })
})

describe('messages and input checks', () => {
  it('says who changed what, in one line', () => {
    const message = describeChanges(
      'HTTPRoute shop/web',
      false,
      [{ object: 'HTTPRoute shop/web', path: '/spec/rules/1/backendRefs/1/weight', expected: 5, found: 60 }],
      'setWeight'
    )
    expect(message).toBe(
      'the route was changed by someone else: HTTPRoute shop/web: /spec/rules/1/backendRefs/1/weight is 60 where deploy-guard expected 5; nothing was overwritten; abort the canary and check who else edits this route'
    )
    expect(describeChanges('Ingress shop/web', true, [], 'restore')).toBe(
      'the route was changed by someone else: Ingress shop/web was deleted; their value was left in place; check the route by hand before the next canary'
    )
  })

  it('refuses weights outside 0–100', () => {
    expect(() => checkWeight(101)).toThrow('canary weight must be a number from 0 to 100 (got 101)')
    expect(() => checkWeight(Number.NaN)).toThrow(/got NaN/)
    expect(checkWeight(0)).toBe(0)
  })

  it('has one router per kind', () => {
    for (const kind of [
      'replicas',
      'gatewayHTTPRoute',
      'istioVirtualService',
      'nginxIngress',
      'serviceSelector'
    ] as const) {
      expect(routerFor(kind).kind).toBe(kind)
    }
  })
})
