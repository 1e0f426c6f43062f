/**
 * The paused canary's saved state (annotation deploy-guard.io/canary-state): what it keeps, how a
 * resume spots an edit made during the pause, the size cap, and the config hash.
 */
import { describe, expect, it } from '@jest/globals'
import type { RouterState } from '../../src/act/traffic/types.js'
import {
  canaryConfigHash,
  changedSincePause,
  MAX_STATE_BYTES,
  parsePause,
  resumedRouterState,
  serializePause,
  STATE_ANNOTATION,
  type PausedCanary
} from '../../src/canary/pause-state.js'
import type { CanaryConfig } from '../../src/config/schema-canary.js'
import type { KubeObject } from '../../src/kube/api.js'

const HTTPROUTE = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  resource: 'httproutes',
  kind: 'HTTPRoute',
  namespaced: true
}
const names = { namespace: 'shop', stable: 'api', canary: 'api-canary' }

function route(stableWeight: number | undefined, canaryWeight: number, extra: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: HTTPROUTE.apiVersion,
    kind: 'HTTPRoute',
    metadata: {
      name: 'web',
      namespace: 'shop',
      resourceVersion: '9',
      annotations: { owner: 'platform', 'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}', ...extra }
    },
    spec: {
      rules: [
        {
          backendRefs: [
            { name: 'api', ...(stableWeight === undefined ? {} : { weight: stableWeight }) },
            { name: 'api-canary', weight: canaryWeight }
          ]
        }
      ]
    },
    status: { parents: [] }
  }
}

const guards = [{ path: '/spec/rules/0/backendRefs/1/name', value: 'api-canary' }]
const state: RouterState = {
  kind: 'gatewayHTTPRoute',
  spec: { kind: 'gatewayHTTPRoute', namespace: 'shop', route: 'web', stable: 'api', canary: 'api-canary' },
  objects: [
    {
      type: HTTPROUTE,
      namespace: 'shop',
      name: 'web',
      original: route(undefined, 0),
      live: route(75, 25),
      touched: [
        {
          path: '/spec/rules/0/backendRefs/0/weight',
          guards: [{ path: '/spec/rules/0/backendRefs/0/name', value: 'api' }]
        },
        { path: '/spec/rules/0/backendRefs/1/weight', guards }
      ]
    }
  ],
  weight: 25,
  effectiveWeight: 25
}

const pause = (s: RouterState = state): string =>
  serializePause({
    configHash: 'abc',
    nextStep: 2,
    names,
    state: s,
    created: true,
    analysedBefore: true,
    now: new Date(0)
  })

describe('serializePause / parsePause', () => {
  it('keeps the trimmed originals, touched fields and what was written; round-trips', () => {
    const parsed = parsePause(pause()) as PausedCanary
    expect(parsed).toMatchObject({ version: 1, configHash: 'abc', nextStep: 2, created: true, analysedBefore: true })
    const saved = parsed.objects[0]!
    // Server state and kubectl's copy of the object are not kept: they are not routing.
    expect(saved.original).toEqual({
      apiVersion: HTTPROUTE.apiVersion,
      kind: 'HTTPRoute',
      metadata: { name: 'web', namespace: 'shop', annotations: { owner: 'platform' } },
      spec: route(undefined, 0).spec
    })
    expect(saved.written).toEqual([
      { path: '/spec/rules/0/backendRefs/0/weight', value: 75 },
      { path: '/spec/rules/0/backendRefs/1/weight', value: 25 }
    ])
  })

  it('refuses routing objects too large for an annotation', () => {
    const big = structuredClone(state)
    big.objects[0]!.original.metadata.annotations = { blob: 'x'.repeat(MAX_STATE_BYTES) }
    expect(() => pause(big)).toThrow(/more than the 128 KiB an annotation can safely hold/)
  })

  it.each([
    ['not json', `annotation ${STATE_ANNOTATION} is not JSON`],
    ['{"version":2}', `annotation ${STATE_ANNOTATION} has an unknown format (version 2)`],
    ['{"version":1}', `annotation ${STATE_ANNOTATION} is incomplete (edited by hand?)`]
  ])('%s → %s', (text, message) => {
    expect(parsePause(text)).toBe(message)
  })
})

describe('changedSincePause and resumedRouterState', () => {
  const saved = (parsePause(pause()) as PausedCanary).objects[0]!
  it('finds nothing when the route still holds what deploy-guard wrote', () => {
    expect(changedSincePause(saved, route(75, 25, { other: 'added meanwhile' }))).toEqual([])
  })
  it('names the field someone changed, and a deleted object', () => {
    expect(changedSincePause(saved, route(75, 60))).toEqual([
      { object: 'HTTPRoute shop/web', path: '/spec/rules/0/backendRefs/1/weight', expected: 25, found: 60 }
    ])
    expect(changedSincePause(saved, undefined)).toHaveLength(1)
  })
  it('resumes with the saved originals and the objects as they are now', () => {
    const paused = parsePause(pause()) as PausedCanary
    const resumed = resumedRouterState(paused, [route(75, 25)])
    expect(resumed.objects[0]!.original).toEqual(paused.objects[0]!.original)
    expect(resumed.objects[0]!.live).toEqual(route(75, 25))
    expect(resumed).toMatchObject({ kind: 'gatewayHTTPRoute', weight: 25, effectiveWeight: 25 })
  })
})

describe('canaryConfigHash', () => {
  const config = (steps: CanaryConfig['steps'], resume: 'continue' | 'abort' = 'continue') =>
    ({ strategy: 'canary', steps, resume, onNoData: 'hold', cleanup: 'scaleToZero' }) as CanaryConfig
  it('is the same for the resume input and differs when the steps change', () => {
    const a = canaryConfigHash(config([{ weight: 10 }]), names)
    expect(canaryConfigHash(config([{ weight: 10 }], 'abort'), names)).toBe(a)
    expect(canaryConfigHash(config([{ weight: 20 }]), names)).not.toBe(a)
  })
})
