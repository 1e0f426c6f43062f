import { describe, expect, it } from '@jest/globals'
import type { CanaryReport } from '../../src/model/canary.js'
import { renderCanary } from '../../src/report/sections/canary.js'

const report: CanaryReport = {
  router: 'replicas',
  namespace: 'shop',
  stable: 'api',
  canary: 'api-canary',
  plannedSteps: 3,
  steps: [
    {
      number: 1,
      weight: 5,
      effectiveWeight: 25,
      pause: 60_000,
      health: 'passed',
      analysis: 'failed',
      decision: 'abort',
      reason: 'step 1 of 3: error-rate | <b>20 %</b> > max 1 %',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z'
    }
  ],
  writes: ['routing restored: api and api-canary back to their replicas']
}

describe('renderCanary', () => {
  it('shows each step with the weight asked for and in effect, its outcomes and decision', () => {
    const text = renderCanary(report)
    expect(text).toContain('### 🐤 Canary')
    expect(text).toContain('1 of 3 step(s) ran')
    expect(text).toContain('| 1 | 5 % (25.0 % of pods) | 1m | ✅ passed | ❌ failed | 🛑 abort |')
    expect(text).toContain('- routing restored: api and api-canary back to their replicas')
  })

  it('escapes outside text so a reason cannot break the table or inject HTML', () => {
    const text = renderCanary(report)
    expect(text).not.toContain('<b>')
    expect(text).toContain('error-rate &#124; &lt;b&gt;')
  })

  it('renders nothing without a canary report', () => {
    expect(renderCanary(undefined)).toBe('')
  })
})
