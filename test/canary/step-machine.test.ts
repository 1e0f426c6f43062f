import { describe, expect, it } from '@jest/globals'
import {
  decideStep,
  stepRunsAnalysis,
  weightAt,
  type CanaryStep,
  type StepContext,
  type StepEvaluation
} from '../../src/canary/step-machine.js'

const STEPS: CanaryStep[] = [{ weight: 5, pause: 60_000 }, { weight: 50, pause: 60_000 }, { weight: 100 }]
const passed: StepEvaluation = { health: 'passed', analysis: 'passed', reasons: [] }
const ctx = (index: number, more: Partial<StepContext> = {}): StepContext => ({
  index,
  canHold: false,
  analysedBefore: index > 0,
  ...more
})

describe('decideStep', () => {
  it.each<[string, StepEvaluation, StepContext, ReturnType<typeof decideStep>]>([
    [
      'all passed at the first step → advance',
      passed,
      ctx(0),
      { action: 'advance', next: 1, reason: 'step 1 of 3 passed; next weight 50 %' }
    ],
    [
      'all passed at the last step → promote',
      { health: 'passed', analysis: 'skipped', reasons: [] },
      ctx(2),
      { action: 'promote', reason: 'all 3 step(s) passed' }
    ],
    [
      'analysis failed → abort failed with its reason',
      { health: 'passed', analysis: 'failed', reasons: ['error-rate 20 % > max 1 %'] },
      ctx(0),
      { action: 'abort', verdict: 'failed', reason: 'step 1 of 3: error-rate 20 % > max 1 %' }
    ],
    [
      'unhealthy canary → abort failed even if the analysis passed',
      { health: 'failed', analysis: 'passed', reasons: [] },
      ctx(1),
      { action: 'abort', verdict: 'failed', reason: 'step 2 of 3: the canary is unhealthy' }
    ],
    [
      'failure outranks inconclusive',
      { health: 'inconclusive', analysis: 'failed', reasons: [] },
      ctx(0),
      { action: 'abort', verdict: 'failed', reason: 'step 1 of 3: the analysis failed' }
    ],
    [
      'inconclusive at the deadline → abort inconclusive (never promote on silence)',
      { health: 'passed', analysis: 'inconclusive', reasons: ['no data'] },
      ctx(0),
      { action: 'abort', verdict: 'inconclusive', reason: 'step 1 of 3: no data' }
    ],
    [
      'inconclusive before the deadline → hold',
      { health: 'passed', analysis: 'inconclusive', reasons: [] },
      ctx(1, { canHold: true }),
      { action: 'hold', reason: 'step 2 of 3: the analysis was inconclusive' }
    ],
    [
      'inconclusive health → hold or abort the same way',
      { health: 'inconclusive', analysis: 'skipped', reasons: [] },
      ctx(0),
      { action: 'abort', verdict: 'inconclusive', reason: 'step 1 of 3: canary health unknown' }
    ],
    [
      'last step passed but no analysis ever ran → abort inconclusive',
      { health: 'passed', analysis: 'skipped', reasons: [] },
      ctx(2, { analysedBefore: false }),
      {
        action: 'abort',
        verdict: 'inconclusive',
        reason: 'no step ran the analysis: a canary is never promoted on pod health alone (give a step a pause)'
      }
    ]
  ])('%s', (_name, evaluation, context, expected) => {
    expect(decideStep(STEPS, evaluation, context)).toEqual(expected)
  })

  it.each<[string, StepEvaluation, Partial<StepContext>, ReturnType<typeof decideStep>]>([
    [
      'judge fail → abort failed with the score reason',
      { health: 'passed', analysis: 'passed', judge: 'fail', reasons: ['score 0 < marginal 75'] },
      {},
      { action: 'abort', verdict: 'failed', reason: 'step 1 of 3: score 0 < marginal 75' }
    ],
    [
      'judge marginal with a later judgement → advance',
      { health: 'passed', analysis: 'passed', judge: 'marginal', reasons: [] },
      { laterJudgement: true },
      { action: 'advance', next: 1, reason: 'step 1 of 3 passed; next weight 50 %' }
    ],
    [
      'judge marginal at the last judgement → abort failed',
      { health: 'passed', analysis: 'passed', judge: 'marginal', reasons: [] },
      {},
      { action: 'abort', verdict: 'failed', reason: 'step 1 of 3: the baseline judge scored marginal' }
    ],
    [
      'judge without data → abort inconclusive',
      { health: 'passed', analysis: 'passed', judge: 'inconclusive', reasons: [] },
      {},
      { action: 'abort', verdict: 'inconclusive', reason: 'step 1 of 3: the baseline judge had too little data' }
    ]
  ])('%s', (_name, evaluation, more, expected) => {
    expect(decideStep(STEPS, evaluation, ctx(0, more))).toEqual(expected)
  })

  it('a judge pass alone is evidence enough to promote', () => {
    const evaluation: StepEvaluation = { health: 'passed', analysis: 'skipped', judge: 'pass', reasons: [] }
    expect(decideStep([{ weight: 10 }], evaluation, ctx(0, { analysedBefore: false }))).toEqual({
      action: 'promote',
      reason: 'all 1 step(s) passed'
    })
  })

  it('a single analysed step promotes at once', () => {
    expect(decideStep([{ weight: 10, pause: 1000 }], passed, ctx(0, { analysedBefore: false }))).toEqual({
      action: 'promote',
      reason: 'all 1 step(s) passed'
    })
  })
})

describe('stepRunsAnalysis and weightAt', () => {
  it.each<[CanaryStep, boolean]>([
    [{ weight: 5, pause: 1000 }, true],
    [{ weight: 5 }, false],
    [{ weight: 5, pause: 0 }, false],
    [{ weight: 5, pause: 1000, analysis: false }, false],
    [{ weight: 100, analysis: true }, true]
  ])('%j runs the analysis: %s', (step, runs) => {
    expect(stepRunsAnalysis(step)).toBe(runs)
  })

  it('a step without a weight keeps the previous one', () => {
    const steps: CanaryStep[] = [{ pause: 10 }, { weight: 20 }, { pause: 10 }, { weight: 60 }]
    expect([0, 1, 2, 3].map((i) => weightAt(steps, i))).toEqual([0, 20, 20, 60])
  })
})
