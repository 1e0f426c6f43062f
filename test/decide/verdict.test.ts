import { describe, expect, it } from '@jest/globals'
import { decideVerdict } from '../../src/decide/verdict.js'
import type { AnalysisResult, CheckResult, TargetResult } from '../../src/model/result.js'

const row = (title: string, status: CheckResult['status'], reason?: string): CheckResult => ({
  id: title.toLowerCase().replace(/ /g, '-'),
  title,
  expected: 'x',
  actual: 'y',
  status,
  reason
})

const target = (...checks: CheckResult[]): TargetResult => ({
  ref: { kind: 'Deployment', name: 'api', namespace: 'shop' },
  checks
})

const analysis = (partial: Partial<AnalysisResult>): AnalysisResult => ({
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:01:00Z',
  checks: [],
  verdict: 'passed',
  reasons: [],
  ...partial
})

describe('decideVerdict', () => {
  it.each<[string, Parameters<typeof decideVerdict>[0], ReturnType<typeof decideVerdict>]>([
    [
      'all passed',
      { targets: [target(row('Rollout complete', 'passed'))], checks: [] },
      { verdict: 'passed', reasons: [] }
    ],
    [
      'skipped rows never count',
      { targets: [target(row('Service endpoints', 'skipped', 'no Service'))], checks: [] },
      { verdict: 'passed', reasons: [] }
    ],
    [
      'failed wins over inconclusive, and is listed first',
      {
        targets: [target(row('Pod count', 'inconclusive', 'API down'), row('Rollout complete', 'failed', 'crash'))],
        checks: [row('Smoke: health', 'failed', '503')]
      },
      {
        verdict: 'failed',
        reasons: [
          'deployment/api: Rollout complete: crash',
          'Smoke: health: 503',
          'deployment/api: Pod count: API down'
        ]
      }
    ],
    [
      'rows sharing a cause give one reason',
      {
        targets: [
          target(row('Rollout complete', 'inconclusive', 'forbidden'), row('Pod count', 'inconclusive', 'forbidden'))
        ],
        checks: []
      },
      { verdict: 'inconclusive', reasons: ['deployment/api: Rollout complete, Pod count (2 checks): forbidden'] }
    ],
    [
      'an analysis that could not start is never a pass',
      { targets: [], checks: [], analysis: analysis({ verdict: 'inconclusive', reasons: ['no Prometheus URL'] }) },
      { verdict: 'inconclusive', reasons: ['no Prometheus URL'] }
    ],
    [
      'dry-run metric checks never decide',
      {
        targets: [],
        checks: [],
        analysis: analysis({
          checks: [
            {
              name: 'shadow',
              query: 'q',
              condition: { max: 1 },
              measurements: [],
              status: 'failed',
              reason: 'shadow = 2 > max 1',
              dryRun: true
            }
          ]
        })
      },
      { verdict: 'passed', reasons: [] }
    ]
  ])('%s', (_label, input, expected) => {
    expect(decideVerdict(input)).toEqual(expected)
  })
})
