/** The headline's next step for a blue-green run that did not pass: where live traffic is, never "undo green". */
import { describe, expect, it } from '@jest/globals'
import type { BlueGreenReport } from '../../src/model/blue-green.js'
import type { RunResult } from '../../src/model/result.js'
import { headline } from '../../src/report/headline.js'

const at = '2026-01-01T00:00:00.000Z'

function blueGreen(liveOn: 'blue' | 'green'): BlueGreenReport {
  return {
    namespace: 'shop',
    blue: 'web-blue',
    green: 'web-green',
    labels: { blue: { colour: 'blue' }, green: { colour: 'green' } },
    services: [{ role: 'active', name: 'web', before: { colour: 'blue' } }],
    phases: [],
    liveOn,
    writes: []
  }
}

function run(liveOn: 'blue' | 'green', action: RunResult['action']): RunResult {
  return {
    command: 'canary',
    startedAt: at,
    finishedAt: at,
    dryRun: false,
    verdict: 'failed',
    action,
    reasons: ['post-promotion analysis failed: error-rate 0.3 above max 0.05'],
    targets: [
      {
        ref: { kind: 'Deployment', name: 'web-green', namespace: 'shop' },
        verdict: 'failed',
        checks: [{ name: 'pods-ready', verdict: 'failed', message: 'web-green-1 CrashLoopBackOff' }]
      }
    ] as unknown as RunResult['targets'],
    checks: [],
    blueGreen: blueGreen(liveOn)
  }
}

describe('blue-green headline', () => {
  it('says live traffic is back on blue, and does not advise undoing green', () => {
    const text = headline(run('blue', 'rolled-back')).next
    expect(text).toContain('live traffic on blue web-blue')
    expect(text).not.toContain('rollout undo')
  })

  it('says so first when live traffic is still on green', () => {
    expect(headline(run('green', 'none')).next).toContain('live traffic is still on green web-green')
  })
})
