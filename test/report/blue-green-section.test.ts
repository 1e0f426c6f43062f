import { describe, expect, it } from '@jest/globals'
import type { BlueGreenReport } from '../../src/model/blue-green.js'
import { renderBlueGreen } from '../../src/report/blue-green-section.js'

const at = '2026-01-01T00:00:00.000Z'

function report(overrides: Partial<BlueGreenReport> = {}): BlueGreenReport {
  return {
    namespace: 'shop',
    blue: 'web-blue',
    green: 'web-green',
    labels: { blue: { app: 'web', colour: 'blue' }, green: { app: 'web', colour: 'green' } },
    services: [
      { role: 'active', name: 'web', before: { app: 'web', colour: 'blue' }, after: { app: 'web', colour: 'blue' } },
      { role: 'preview', name: 'web-preview', before: {} }
    ],
    phases: [
      { phase: 'switch', outcome: 'done', detail: 'Service web selects green', startedAt: at, finishedAt: at },
      { phase: 'post-promotion', outcome: 'failed', detail: 'p95 | high', startedAt: at, finishedAt: at },
      { phase: 'switch-back', outcome: 'done', detail: 'back on blue', startedAt: at, finishedAt: at }
    ],
    liveOn: 'blue',
    writes: ['green web-green scaled to 0'],
    ...overrides
  }
}

describe('renderBlueGreen', () => {
  it('renders nothing without a report', () => {
    expect(renderBlueGreen(undefined)).toBe('')
  })

  it('shows each phase, where live traffic ended, and each Service before and after', () => {
    const text = renderBlueGreen(report())
    expect(text).toContain('live traffic ended on **blue**')
    expect(text).toContain('| Post-promotion analysis | ❌ failed | p95 &#124; high |')
    expect(text).toContain('| Switch back | ✔️ done | back on blue |')
    expect(text).toContain(
      '| <code>web</code> | active | <code>app=web,colour=blue</code> | <code>app=web,colour=blue</code> |'
    )
    // A Service without a selector, and one that could not be read afterwards.
    expect(text).toContain('| <code>web-preview</code> | preview | (none) | unknown |')
    expect(text).toContain('- green web-green scaled to 0')
  })

  it('lists a dry run plan', () => {
    const text = renderBlueGreen(report({ phases: [], writes: [], plan: ['switch Service web'] }))
    expect(text).toContain('A real run would:\n- switch Service web')
    expect(text).not.toContain('| Phase |')
  })

  it('makes outside text inert (markup, HTML, mentions in details)', () => {
    const text = renderBlueGreen(
      report({
        blue: '<img src=x>',
        phases: [
          {
            phase: 'switch',
            outcome: 'inconclusive',
            detail: '**bold** <b>x</b> @octocat',
            startedAt: at,
            finishedAt: at
          }
        ]
      })
    )
    expect(text).not.toContain('<img')
    expect(text).not.toContain('<b>x</b>')
    expect(text).not.toContain('**bold**')
  })
})
