/**
 * The pure rules of the canary flow (issue 10): what silence and a manual pause mean to the step
 * machine, what each step asks of each router, which names a run uses, and the inputs that feed it.
 */
import { describe, expect, it } from '@jest/globals'
import { decideStep, type CanaryStep, type StepEvaluation } from '../../src/canary/step-machine.js'
import { canaryNames, stepTraffic, trafficSpec, type Capacity } from '../../src/canary/traffic-plan.js'
import { parseCanaryResume, parseImageInput } from '../../src/config/canary-inputs.js'
import { ConfigError } from '../../src/config/errors.js'
import type { CanaryConfig } from '../../src/config/schema-canary.js'

const STEPS: CanaryStep[] = [{ weight: 10, pause: 60_000 }, { pause: 0 }, { weight: 100 }]
const silent: StepEvaluation = { health: 'passed', analysis: 'inconclusive', reasons: ['error-rate: no data'] }
const passed: StepEvaluation = { health: 'passed', analysis: 'passed', reasons: [] }

describe('decideStep: canary.onNoData and pause: manual', () => {
  it.each([
    ['hold', true, { action: 'hold', reason: 'step 1 of 3: error-rate: no data' }],
    ['hold', false, { action: 'abort', verdict: 'inconclusive', reason: 'step 1 of 3: error-rate: no data' }],
    ['inconclusive', true, { action: 'abort', verdict: 'inconclusive', reason: 'step 1 of 3: error-rate: no data' }],
    [
      'abort',
      true,
      { action: 'abort', verdict: 'failed', reason: 'step 1 of 3: error-rate: no data (canary.onNoData: abort)' }
    ]
  ] as const)('onNoData %s, deadline leaves room: %s', (onNoData, canHold, expected) => {
    expect(decideStep(STEPS, silent, { index: 0, canHold, analysedBefore: false, onNoData })).toEqual(expected)
  })

  it('a manual step that passed pauses with the next step to resume at', () => {
    expect(decideStep(STEPS, passed, { index: 1, canHold: false, analysedBefore: true, manual: true })).toEqual({
      action: 'pause',
      next: 2,
      reason: 'step 2 of 3 passed; paused for approval (resume with canary-resume: continue, or abort)'
    })
  })

  it('a manual step that failed aborts (never pauses on a failure)', () => {
    const unhealthy: StepEvaluation = { health: 'failed', analysis: 'skipped', reasons: ['CrashLoopBackOff'] }
    expect(
      decideStep(STEPS, unhealthy, { index: 1, canHold: false, analysedBefore: true, manual: true })
    ).toMatchObject({
      action: 'abort',
      verdict: 'failed'
    })
  })
})

describe('stepTraffic', () => {
  const replicas: Capacity = { router: 'replicas', pods: 4, canaryReplicas: 0 }
  const route: Capacity = { router: 'gatewayHTTPRoute', pods: 3, canaryReplicas: 2 }
  it.each<[string, Capacity, Parameters<typeof stepTraffic>[0], ReturnType<typeof stepTraffic>]>([
    ['replicas router, a weight', replicas, { weight: 25 }, { weight: 25, canaryPods: undefined }],
    ['replicas router, hotfix 1 pod of 4', replicas, { replicas: 1 }, { weight: 25, canaryPods: undefined }],
    ['replicas router, more pods than there are', replicas, { replicas: 9 }, { weight: 100, canaryPods: undefined }],
    ['a route, a weight: the canary at canary.replicas first', route, { weight: 25 }, { weight: 25, canaryPods: 2 }],
    ['a route, weight 0: pods left as they are', route, { weight: 0 }, { weight: 0, canaryPods: undefined }],
    ['a route, hotfix 1 pod beside 3 stable', route, { replicas: 1 }, { weight: 25, canaryPods: 1 }],
    [
      'a route, a step without a weight changes nothing',
      route,
      { pause: 1000 },
      { weight: undefined, canaryPods: undefined }
    ]
  ])('%s', (_, capacity, step, expected) => {
    expect(stepTraffic(step, capacity)).toEqual(expected)
  })
})

describe('canaryNames and trafficSpec', () => {
  const target = { name: 'api', namespace: 'shop' }
  const canary = (c: Partial<CanaryConfig>): CanaryConfig => c as CanaryConfig
  it('defaults the canary to <stable>-canary and the router to replicas', () => {
    const names = canaryNames(undefined, target)
    expect(names).toEqual({ namespace: 'shop', stable: 'api', canary: 'api-canary' })
    expect(trafficSpec(undefined, names)).toEqual({
      kind: 'replicas',
      namespace: 'shop',
      stable: 'api',
      canary: 'api-canary'
    })
  })
  it('keeps the older traffic.replicas { canary, stable } names; canary.workload wins', () => {
    expect(canaryNames(canary({ traffic: { replicas: { canary: 'c1', stable: 's1' } } }), target)).toEqual({
      namespace: 'shop',
      stable: 's1',
      canary: 'c1'
    })
    expect(canaryNames(canary({ workload: 'web-next' }), target).canary).toBe('web-next')
  })
  it('builds each router spec from its keys', () => {
    const names = canaryNames(undefined, target)
    expect(trafficSpec(canary({ traffic: { nginxIngress: { canaryIngress: 'web-canary' } } }), names)).toEqual({
      kind: 'nginxIngress',
      namespace: 'shop',
      canaryIngress: 'web-canary'
    })
    expect(
      trafficSpec(
        canary({ traffic: { gatewayHTTPRoute: { route: 'web', stable: 'api', canary: 'api-canary' } } }),
        names
      )
    ).toEqual({ kind: 'gatewayHTTPRoute', namespace: 'shop', route: 'web', stable: 'api', canary: 'api-canary' })
  })
})

describe('the image and canary-resume inputs', () => {
  it.each([
    ['', undefined],
    ['registry/web:2.0.0', { '*': 'registry/web:2.0.0' }],
    [
      'app=registry/web:2.0.0\nsidecar = registry/proxy:1.1',
      { app: 'registry/web:2.0.0', sidecar: 'registry/proxy:1.1' }
    ]
  ])('%j', (text, expected) => {
    expect(parseImageInput(text)).toEqual(expected)
  })

  it('refuses a bare image next to named ones, and a container given twice', () => {
    const issues = (text: string): string[] => {
      try {
        parseImageInput(text)
      } catch (error) {
        if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`)
      }
      return []
    }
    expect(issues('registry/web:2\napp=registry/web:3')).toEqual([
      'inputs.image: a bare image stands for the only container: with several entries, name each container (app=…)'
    ])
    expect(issues('app=a:1\napp=a:2')).toEqual(['inputs.image: container "app" is given twice'])
  })

  it('canary-resume: start | continue | abort', () => {
    expect(parseCanaryResume('')).toBeUndefined()
    expect(parseCanaryResume(' Abort ')).toBe('abort')
    expect(parseCanaryResume('start')).toBe('start')
    expect(parseCanaryResume('continue')).toBe('continue')
    expect(() => parseCanaryResume('later')).toThrow(ConfigError)
  })
})
