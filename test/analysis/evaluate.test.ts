import { describe, expect, it } from '@jest/globals'
import { type Baseline, type CheckRule, evaluate, type Observed } from '../../src/analysis/evaluate.js'
import type { MeasurementPhase } from '../../src/model/result.js'

const T = new Date('2025-01-01T00:00:00Z')
const rule = (r: Partial<CheckRule>): CheckRule => ({ onNoData: 'inconclusive', onNaN: 'no-data', ...r })
const values = (v: number[], nonFinite: string[] = []) => ({
  kind: 'values' as const,
  values: v,
  nonFinite,
  series: v.length + nonFinite.length
})

describe('evaluate', () => {
  const cases: Array<[string, CheckRule, Observed, Baseline | undefined, MeasurementPhase, number | null, string]> = [
    ['max exceeded', rule({ max: 0.005 }), values([0.021]), undefined, 'failed', 0.021, '0.021 > max 0.005'],
    ['max held', rule({ max: 0.005 }), values([0.001]), undefined, 'successful', 0.001, '0.001 <= max 0.005'],
    ['max equal is fine', rule({ max: 0.5 }), values([0.5]), undefined, 'successful', 0.5, '0.5 <= max 0.5'],
    ['min violated', rule({ min: 0.5 }), values([0.3]), undefined, 'failed', 0.3, '0.3 < min 0.5'],
    ['min held', rule({ min: 0.5 }), values([0.9]), undefined, 'successful', 0.9, '0.9 >= min 0.5'],
    ['range: above', rule({ min: 1, max: 2 }), values([3]), undefined, 'failed', 3, '3 > max 2'],
    ['range: below', rule({ min: 1, max: 2 }), values([0.5]), undefined, 'failed', 0.5, '0.5 < min 1'],
    [
      'range: inside',
      rule({ min: 1, max: 2 }),
      values([1.5]),
      undefined,
      'successful',
      1.5,
      '1.5 <= max 2, 1.5 >= min 1'
    ],
    [
      'several series: worst against max',
      rule({ max: 0.1 }),
      values([0.01, 0.2, 0.05]),
      undefined,
      'failed',
      0.2,
      '0.2 > max 0.1 (worst of 3 series)'
    ],
    [
      'several series: worst against min',
      rule({ min: 0.9 }),
      values([0.99, 0.8]),
      undefined,
      'failed',
      0.8,
      '0.8 < min 0.9 (worst of 2 series)'
    ],
    ['empty vector', rule({ max: 1 }), values([]), undefined, 'no-data', null, 'no data (onNoData: inconclusive)'],
    [
      'empty vector, onNoData fail',
      rule({ max: 1, onNoData: 'fail' }),
      values([]),
      undefined,
      'no-data',
      null,
      'no data (onNoData: fail)'
    ],
    [
      'empty vector, onNoData pass',
      rule({ max: 1, onNoData: 'pass' }),
      values([]),
      undefined,
      'no-data',
      null,
      'no data (onNoData: pass)'
    ],
    [
      'NaN (0/0) is no data',
      rule({ max: 1 }),
      values([], ['NaN']),
      undefined,
      'no-data',
      null,
      'NaN treated as no data (onNoData: inconclusive)'
    ],
    [
      '+Inf is no data by default',
      rule({ max: 1 }),
      values([], ['+Inf']),
      undefined,
      'no-data',
      null,
      '+Inf treated as no data (onNoData: inconclusive)'
    ],
    [
      'NaN with onNaN fail',
      rule({ max: 1, onNaN: 'fail' }),
      values([], ['NaN']),
      undefined,
      'failed',
      null,
      'NaN (onNaN: fail)'
    ],
    [
      '-Inf with onNaN fail',
      rule({ min: 1, onNaN: 'fail' }),
      values([3], ['-Inf']),
      undefined,
      'failed',
      null,
      '-Inf (onNaN: fail)'
    ],
    [
      'NaN series beside a finite one',
      rule({ max: 1 }),
      values([0.5], ['NaN']),
      undefined,
      'successful',
      0.5,
      '0.5 <= max 1 (worst of 2 series; 1 non-finite series ignored)'
    ],
    [
      'explicit no-data (traffic)',
      rule({ max: 1, onNoData: 'fail' }),
      { kind: 'no-data', why: 'traffic 0.2 < minTraffic 1' },
      undefined,
      'no-data',
      null,
      'traffic 0.2 < minTraffic 1 (onNoData: fail)'
    ],
    ['query error', rule({ max: 1 }), { kind: 'error', message: 'HTTP 503' }, undefined, 'error', null, 'HTTP 503'],
    [
      'relative: +55% over',
      rule({ maxIncrease: 0.1 }),
      values([0.62]),
      { value: 0.4 },
      'failed',
      0.62,
      '0.62 is +55% over baseline 0.4 (maxIncrease +10%)'
    ],
    [
      'relative: +5% tolerated',
      rule({ maxIncrease: 0.1 }),
      values([0.42]),
      { value: 0.4 },
      'successful',
      0.42,
      '0.42 is +5% vs baseline 0.4 (maxIncrease +10%)'
    ],
    [
      'relative: decrease caught',
      rule({ maxDecrease: 0.2 }),
      values([50]),
      { value: 100 },
      'failed',
      50,
      '50 is -50% under baseline 100 (maxDecrease -20%)'
    ],
    [
      'relative: zero baseline, any rise fails',
      rule({ maxIncrease: 0.5 }),
      values([0.01]),
      { value: 0 },
      'failed',
      0.01,
      '0.01 is +∞% over baseline 0 (maxIncrease +50%)'
    ],
    [
      'relative without baseline is inconclusive',
      rule({ maxIncrease: 0.1 }),
      values([0.5]),
      { value: null, why: 'no baseline: no data in the 10m before the analysis' },
      'inconclusive',
      0.5,
      '0.5; no baseline: no data in the 10m before the analysis: cannot judge maxIncrease +10%'
    ],
    [
      'absolute failure wins over a missing baseline',
      rule({ max: 1, maxIncrease: 0.1 }),
      values([2]),
      { value: null, why: 'no baseline' },
      'failed',
      2,
      '2 > max 1'
    ],
    ['no condition passes (Argo)', rule({}), values([7]), undefined, 'successful', 7, '7 (no condition)']
  ]

  it.each(cases)('%s', (_name, r, observed, baseline, phase, value, message) => {
    const m = evaluate(r, observed, T, baseline)
    expect(m).toMatchObject({ time: T.toISOString(), phase, value, message })
  })

  it('keeps Prometheus warnings on the measurement', () => {
    const m = evaluate(rule({ max: 1 }), { ...values([0.5]), warnings: ['partial response'] }, T)
    expect(m.warnings).toEqual(['partial response'])
  })
})
