import { describe, expect, it } from '@jest/globals'
import { evaluateArgoApplication, revisionsMatch, type ArgoApplication } from '../../src/gitops/argocd.js'
import type { CheckStatus } from '../../src/model/result.js'

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const OTHER = 'ffffeeee11112222333344445555666677778888'

function app(status: ArgoApplication['status']): ArgoApplication {
  return { metadata: { name: 'api', namespace: 'argocd' }, status }
}

const healthy = { status: 'Healthy' }
const synced = { status: 'Synced', revision: SHA }

describe('evaluateArgoApplication: sync row', () => {
  const cases: Array<[string, ArgoApplication['status'], CheckStatus, string, RegExp | null]> = [
    ['Synced', { sync: synced, health: healthy }, 'passed', 'Synced at a1b2c3d', null],
    [
      'OutOfSync',
      { sync: { status: 'OutOfSync', revision: SHA }, health: healthy },
      'failed',
      'OutOfSync at a1b2c3d',
      /OutOfSync/
    ],
    ['Unknown', { sync: { status: 'Unknown' }, health: healthy }, 'inconclusive', 'Unknown', /could not compare/],
    ['absent', {}, 'inconclusive', 'no sync status', /no sync status yet/],
    [
      'multi-source',
      { sync: { status: 'Synced', revisions: [SHA, 'v1.2.3'] }, health: healthy },
      'passed',
      'Synced at a1b2c3d, v1.2.3',
      null
    ]
  ]
  it.each(cases)('%s', (_name, status, expected, actual, reason) => {
    const [sync] = evaluateArgoApplication(app(status))
    expect(sync).toMatchObject({
      id: 'argocd:sync',
      title: 'Argo CD sync',
      expected: 'Synced',
      status: expected,
      actual
    })
    if (reason) expect(sync?.reason).toMatch(reason)
    else expect(sync?.reason).toBeUndefined()
  })

  it('surfaces a failed sync operation and error conditions in details and reason', () => {
    const [sync] = evaluateArgoApplication(
      app({
        sync: { status: 'OutOfSync', revision: SHA },
        health: healthy,
        conditions: [{ type: 'SyncError', message: 'Failed sync attempt: one or more objects failed to apply' }],
        operationState: {
          phase: 'Failed',
          message: 'one or more objects failed to apply, reason: Deployment.apps "api" is invalid',
          syncResult: { revision: OTHER },
          finishedAt: '2025-01-01T00:00:00Z'
        }
      })
    )
    expect(sync?.reason).toMatch(/last sync operation failed: one or more objects failed to apply/)
    expect(sync?.details?.[0]).toEqual({
      title: 'Last sync operation Failed',
      facts: [
        { label: 'phase', value: 'Failed' },
        { label: 'message', value: 'one or more objects failed to apply, reason: Deployment.apps "api" is invalid' },
        { label: 'revision', value: 'ffffeee' },
        { label: 'finished', value: '2025-01-01T00:00:00Z' }
      ]
    })
    expect(sync?.details?.[1]?.title).toBe('SyncError')
  })
})

describe('evaluateArgoApplication: health row', () => {
  const cases: Array<[string | undefined, string | undefined, CheckStatus, string]> = [
    ['Healthy', undefined, 'passed', 'Healthy'],
    ['Progressing', 'Waiting for rollout to finish', 'inconclusive', 'Progressing: Waiting for rollout to finish'],
    ['Missing', undefined, 'inconclusive', 'Missing'],
    ['Unknown', undefined, 'inconclusive', 'Unknown'],
    [
      'Degraded',
      'Deployment "api" exceeded its progress deadline',
      'failed',
      'Degraded: Deployment "api" exceeded its progress deadline'
    ],
    ['Suspended', undefined, 'failed', 'Suspended'],
    ['Weird', undefined, 'inconclusive', 'Weird'],
    [undefined, undefined, 'inconclusive', 'no health status']
  ]
  it.each(cases)('%s', (health, message, expected, actual) => {
    const [, row] = evaluateArgoApplication(
      app({ sync: synced, health: health ? { status: health, message } : undefined })
    )
    expect(row).toMatchObject({
      id: 'argocd:health',
      title: 'Argo CD health',
      expected: 'Healthy',
      status: expected,
      actual
    })
    if (expected === 'passed') expect(row?.reason).toBeUndefined()
    else expect(row?.reason).toMatch(/"api"/)
    if (message && expected !== 'passed') expect(row?.reason).toContain(message)
  })

  it('explains Suspended', () => {
    const [, row] = evaluateArgoApplication(app({ sync: synced, health: { status: 'Suspended' } }))
    expect(row?.reason).toMatch(/paused/)
  })
})

describe('evaluateArgoApplication: revision row', () => {
  it('is only present when a revision is expected', () => {
    expect(evaluateArgoApplication(app({ sync: synced, health: healthy }))).toHaveLength(2)
  })

  const cases: Array<[string, string, ArgoApplication['status'], CheckStatus]> = [
    ['full = full', SHA, { sync: synced }, 'passed'],
    ['short expected', SHA.slice(0, 7), { sync: synced }, 'passed'],
    ['short actual', SHA, { sync: { status: 'Synced', revision: SHA.slice(0, 8) } }, 'passed'],
    ['uppercase', SHA.toUpperCase(), { sync: synced }, 'passed'],
    ['too short a prefix', SHA.slice(0, 6), { sync: synced }, 'failed'],
    ['drift', OTHER, { sync: synced }, 'failed'],
    ['multi-source, any source', OTHER, { sync: { status: 'Synced', revisions: [SHA, OTHER] } }, 'passed'],
    ['tag equals', 'v1.2.3', { sync: { status: 'Synced', revision: 'v1.2.3' } }, 'passed'],
    ['no revision yet', SHA, { sync: { status: 'Unknown' } }, 'inconclusive'],
    [
      'sync to it still running',
      OTHER,
      { sync: synced, operationState: { phase: 'Running', operation: { sync: { revision: OTHER } } } },
      'inconclusive'
    ]
  ]
  it.each(cases)('%s', (_name, expectedRevision, status, expected) => {
    const rows = evaluateArgoApplication(app({ health: healthy, ...status }), expectedRevision)
    expect(rows[2]).toMatchObject({ id: 'argocd:revision', title: 'Argo CD revision', status: expected })
    if (expected === 'failed') expect(rows[2]?.reason).toMatch(/^Drift/)
  })

  it('shows short SHAs on both sides', () => {
    const rows = evaluateArgoApplication(app({ sync: synced }), OTHER)
    expect(rows[2]).toMatchObject({ expected: 'ffffeee', actual: 'a1b2c3d' })
  })
})

describe('revisionsMatch', () => {
  it.each([
    ['abc1234', 'abc1234ffff', true],
    ['abc1234ffff', 'abc1234', true],
    ['abc123', 'abc1234ffff', false],
    ['', '', false],
    ['main', 'main', true]
  ])('%s vs %s', (a, b, match) => {
    expect(revisionsMatch(a, b)).toBe(match)
  })
})
