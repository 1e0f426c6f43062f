import { describe, expect, it } from '@jest/globals'
import { evaluateFluxObject, type FluxCondition, type FluxObject } from '../../src/gitops/flux.js'
import type { CheckStatus } from '../../src/model/result.js'

const REV = 'main@sha1:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

function obj(
  conditions: FluxCondition[],
  extra: {
    generation?: number
    observedGeneration?: number
    suspend?: boolean
    applied?: string
    attempted?: string
  } = {}
): FluxObject {
  return {
    metadata: { name: 'apps', namespace: 'flux-system', generation: extra.generation ?? 3 },
    spec: extra.suspend === undefined ? {} : { suspend: extra.suspend },
    status: {
      observedGeneration: extra.observedGeneration ?? 3,
      conditions,
      lastAppliedRevision: extra.applied,
      lastAttemptedRevision: extra.attempted
    }
  }
}

const readyTrue: FluxCondition = {
  type: 'Ready',
  status: 'True',
  reason: 'ReconciliationSucceeded',
  message: `Applied revision: ${REV}`
}
const readyFalse: FluxCondition = {
  type: 'Ready',
  status: 'False',
  reason: 'HealthCheckFailed',
  message: 'health check failed after 5m: timeout waiting for: [Deployment/prod/api status: InProgress]'
}

describe('evaluateFluxObject', () => {
  const cases: Array<[string, FluxObject, CheckStatus, string, RegExp | null]> = [
    [
      'Ready=True',
      obj([readyTrue], { applied: REV, attempted: REV }),
      'passed',
      'Ready=True (ReconciliationSucceeded), applied main@sha1:a1b2c3d',
      null
    ],
    [
      'Ready=False with reason and message',
      obj([readyFalse], { applied: 'main@sha1:0000000', attempted: REV }),
      'failed',
      'Ready=False (HealthCheckFailed), applied main@sha1:0000000, attempted main@sha1:a1b2c3d',
      /not ready: Ready \(HealthCheckFailed\): health check failed after 5m/
    ],
    [
      'Ready=Unknown',
      obj([{ type: 'Ready', status: 'Unknown', reason: 'Progressing' }]),
      'inconclusive',
      'Ready=Unknown (Progressing)',
      /Unknown/
    ],
    ['no Ready condition', obj([]), 'inconclusive', 'no Ready condition', /no Ready condition yet/],
    [
      'generation not observed',
      obj([readyTrue], { generation: 4, observedGeneration: 3 }),
      'inconclusive',
      'Ready=True (ReconciliationSucceeded)',
      /generation 4/
    ],
    [
      'Ready observed an older generation',
      obj([{ ...readyTrue, observedGeneration: 2 }]),
      'inconclusive',
      'Ready=True (ReconciliationSucceeded)',
      /generation 3/
    ],
    [
      'Reconciling=True wins over Ready',
      obj([{ type: 'Reconciling', status: 'True', reason: 'ProgressingWithRetry', message: 'retrying' }, readyFalse]),
      'inconclusive',
      'Ready=False (HealthCheckFailed)',
      /still reconciling: Reconciling \(ProgressingWithRetry\): retrying/
    ],
    [
      'Stalled=True',
      obj([
        { type: 'Stalled', status: 'True', reason: 'RetriesExceeded', message: 'upgrade retries exhausted' },
        readyFalse
      ]),
      'failed',
      'Ready=False (HealthCheckFailed)',
      /stalled: Stalled \(RetriesExceeded\): upgrade retries exhausted/
    ],
    [
      'Stalled=False is ignored',
      obj([{ type: 'Stalled', status: 'False' }, readyTrue]),
      'passed',
      'Ready=True (ReconciliationSucceeded)',
      null
    ],
    [
      'suspended',
      obj([readyTrue], { suspend: true }),
      'failed',
      'suspended, Ready=True (ReconciliationSucceeded)',
      /suspended \(spec.suspend: true\)/
    ],
    ['suspend: false', obj([readyTrue], { suspend: false }), 'passed', 'Ready=True (ReconciliationSucceeded)', null]
  ]
  it.each(cases)('%s', (_name, input, status, actual, reason) => {
    const row = evaluateFluxObject('Kustomization', input)
    expect(row).toMatchObject({ id: 'flux', title: 'Flux Kustomization apps', expected: 'Ready', status, actual })
    if (reason) expect(row.reason).toMatch(reason)
    else expect(row.reason).toBeUndefined()
  })

  it('names the HelmRelease kind and namespace', () => {
    const row = evaluateFluxObject('HelmRelease', obj([readyFalse]))
    expect(row.title).toBe('Flux HelmRelease apps')
    expect(row.reason).toMatch(/^HelmRelease flux-system\/apps is not ready/)
  })
})
