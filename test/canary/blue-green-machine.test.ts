import { describe, expect, it } from '@jest/globals'
import {
  blueScaleDown,
  colourLabels,
  decideGate,
  finalOutcome,
  planLines,
  unjudgeable,
  type GateEvaluation,
  type Labels
} from '../../src/canary/blue-green-machine.js'
import { serviceSelects as selectorPicks } from '../../src/evaluate/selector.js'

const names = { activeService: 'shop/web', green: 'shop/web-green' }

interface LabelCase {
  title: string
  active: Labels
  pods: Labels
  expected?: { blue: Labels; green: Labels }
  error?: RegExp
}

describe('colourLabels', () => {
  it.each<LabelCase>([
    {
      title: "green's values on the active selector's keys",
      active: { app: 'web', version: 'blue' },
      pods: { app: 'web', version: 'green', team: 'x' },
      expected: { blue: { app: 'web', version: 'blue' }, green: { app: 'web', version: 'green' } }
    },
    {
      title: 'a key green lacks is refused, naming it',
      active: { app: 'web', version: 'blue' },
      pods: { app: 'web' },
      error: /do not carry the label\(s\) version that Service shop\/web selects on/
    },
    {
      title: 'identical values are refused (the switch would change nothing)',
      active: { app: 'web' },
      pods: { app: 'web', version: 'green' },
      error: /carry the same app=web as blue/
    },
    {
      title: 'an active Service without a selector is refused',
      active: {},
      pods: { app: 'web' },
      error: /has no selector/
    }
  ])('$title', ({ active, pods, expected, error }) => {
    const result = colourLabels(active, pods, names)
    if (error) expect(result).toEqual({ error: expect.stringMatching(error) })
    else expect(result).toEqual(expected)
  })
})

const passed: GateEvaluation = { health: 'skipped', analysis: 'passed', judge: 'skipped', reasons: [] }

describe('decideGate', () => {
  it.each([
    { title: 'passed analysis goes on', evaluation: passed, expected: { go: true } },
    {
      title: 'a failed analysis fails with its reason',
      evaluation: { ...passed, analysis: 'failed' as const, reasons: ['error-rate 0.2 > max 0.01'] },
      expected: { go: false, verdict: 'failed', reason: 'before the switch: error-rate 0.2 > max 0.01' }
    },
    {
      title: 'an inconclusive analysis never switches',
      evaluation: { ...passed, analysis: 'inconclusive' as const, reasons: [] },
      expected: { go: false, verdict: 'inconclusive', reason: 'before the switch: the analysis was inconclusive' }
    },
    {
      title: 'no analysis at all is silence: inconclusive',
      evaluation: { ...passed, analysis: 'skipped' as const },
      expected: { go: false, verdict: 'inconclusive', reason: expect.stringMatching(/never switches on silence/) }
    },
    {
      title: 'unhealthy green fails even with passed analysis',
      evaluation: { ...passed, health: 'failed' as const },
      expected: { go: false, verdict: 'failed', reason: 'before the switch: green is unhealthy' }
    },
    {
      title: 'a marginal judge score is not enough (no later judgement)',
      evaluation: { ...passed, judge: 'marginal' as const },
      expected: { go: false, verdict: 'failed' }
    },
    {
      title: 'a judge without data is inconclusive',
      evaluation: { ...passed, judge: 'inconclusive' as const },
      expected: {
        go: false,
        verdict: 'inconclusive',
        reason: 'before the switch: the baseline judge had too little data'
      }
    },
    { title: 'a passing judge goes on', evaluation: { ...passed, judge: 'pass' as const }, expected: { go: true } }
  ])('$title', ({ evaluation, expected }) => {
    expect(decideGate('pre-promotion', evaluation)).toMatchObject(expected)
  })

  it('names the gate after the switch', () => {
    expect(decideGate('post-promotion', { ...passed, analysis: 'failed', reasons: ['p95 high'] })).toEqual({
      go: false,
      verdict: 'failed',
      reason: 'after the switch: p95 high'
    })
  })
})

describe('finalOutcome', () => {
  it.each([
    {
      title: 'a stop before the switch is an abort',
      stop: { stage: 'before-switch' as const, verdict: 'failed' as const, reason: 'r' },
      cancelled: false,
      expected: { verdict: 'failed', action: 'aborted', reasons: ['r'] }
    },
    {
      title: 'a failed gate after the switch, switched back, is rolled back',
      stop: { stage: 'after-switch' as const, verdict: 'failed' as const, reason: 'r', switchedBack: true },
      cancelled: false,
      expected: { verdict: 'failed', action: 'rolled-back', reasons: ['r'] }
    },
    {
      title: 'not switched back: live traffic is still on green, and said so',
      stop: { stage: 'after-switch' as const, verdict: 'inconclusive' as const, reason: 'r', switchedBack: false },
      cancelled: false,
      expected: { verdict: 'inconclusive', action: 'promoted', reasons: ['r', expect.stringMatching(/still on green/)] }
    },
    {
      title: 'a clean finish passes',
      stop: { stage: 'done' as const, problems: [] },
      cancelled: false,
      expected: { verdict: 'passed', action: 'promoted', reasons: [] }
    },
    {
      title: 'a finish with problems (blue left up) is inconclusive',
      stop: { stage: 'done' as const, problems: ['blue left running'] },
      cancelled: false,
      expected: { verdict: 'inconclusive', action: 'promoted', reasons: ['blue left running'] }
    },
    {
      title: 'a cancelled run never passes',
      stop: { stage: 'done' as const, problems: [] },
      cancelled: true,
      expected: { verdict: 'inconclusive', action: 'promoted', reasons: [expect.stringMatching(/cancelled/)] }
    },
    {
      title: 'a cancelled failure stays failed',
      stop: { stage: 'before-switch' as const, verdict: 'failed' as const, reason: 'r' },
      cancelled: true,
      expected: { verdict: 'failed', action: 'aborted' }
    }
  ])('$title', ({ stop, cancelled, expected }) => {
    expect(finalOutcome(stop, cancelled)).toMatchObject(expected)
  })

  it('adds clean-up problems after the reason', () => {
    expect(
      finalOutcome({ stage: 'before-switch', verdict: 'failed', reason: 'r' }, false, ['could not scale green']).reasons
    ).toEqual(['r', 'could not scale green'])
  })
})

describe('blueScaleDown and selectorPicks', () => {
  it.each([
    { delay: 0, expected: { action: 'leave' } },
    { delay: 30_000, expected: { action: 'scale-down', afterMs: 30_000 } }
  ])('delay $delay', ({ delay, expected }) => {
    expect(blueScaleDown(delay)).toEqual(expected)
  })

  it.each<{ selector: Labels; pods: Labels; expected: boolean }>([
    { selector: { app: 'web', version: 'green' }, pods: { app: 'web', version: 'green', x: '1' }, expected: true },
    { selector: { app: 'web', version: 'blue' }, pods: { app: 'web', version: 'green' }, expected: false },
    { selector: {}, pods: { app: 'web' }, expected: false }
  ])('selector $selector picks $pods: $expected', ({ selector, pods, expected }) => {
    expect(selectorPicks(selector, pods)).toBe(expected)
  })
})

describe('planLines', () => {
  it('says every phase a real run would go through', () => {
    const lines = planLines({
      blue: 'web-blue',
      green: 'web-green',
      replicas: 3,
      activeService: 'web',
      previewService: 'web-preview',
      labels: { blue: { app: 'web', version: 'blue' }, green: { app: 'web', version: 'green' } },
      prePause: 60_000,
      scaleDownDelay: 0,
      judge: false
    })
    expect(lines).toEqual([
      "scale green web-green to 3 replica(s) (blue web-blue's count) and wait until it is healthy",
      'point Service web-preview at green (app=web,version=green)',
      'run the analysis on green over 60 s; switch only if it passes',
      'switch Service web from app=web,version=blue to app=web,version=green',
      'run the analysis on green again; on failure switch web back to blue and scale green to 0',
      'leave blue web-blue running (scaleDownDelay 0)'
    ])
  })
})

describe('unjudgeable', () => {
  it.each([
    { checks: 0, prometheus: true, expected: /needs analysis.checks/ },
    { checks: 2, prometheus: false, expected: /needs a Prometheus/ },
    { checks: 1, prometheus: true, expected: undefined }
  ])('$checks check(s), prometheus $prometheus', ({ checks, prometheus, expected }) => {
    const reason = unjudgeable({ checks, prometheus })
    if (expected) expect(reason).toMatch(expected)
    else expect(reason).toBeUndefined()
  })
})
