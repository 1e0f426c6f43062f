import { describe, expect, it } from '@jest/globals'
import { formatFigure, meetsTarget, type BenchFigure } from '../../bench/figure.js'

const figure = (value: number, target?: BenchFigure['target']): BenchFigure => ({
  name: 'cold start',
  value,
  unit: 'ms',
  note: 'median of 15',
  ...(target ? { target } : {})
})

describe('bench figures beside their targets', () => {
  it.each([
    [figure(62, { max: 80 }), true, 'cold start: 62 ms [target ≤ 80 ms: met] (median of 15)'],
    [figure(80, { max: 80 }), true, 'cold start: 80 ms [target ≤ 80 ms: met] (median of 15)'],
    [figure(95, { max: 80 }), false, 'cold start: 95 ms [target ≤ 80 ms: MISSED] (median of 15)'],
    [figure(3, { min: 5 }), false, 'cold start: 3 ms [target ≥ 5 ms: MISSED] (median of 15)'],
    [figure(95), undefined, 'cold start: 95 ms (median of 15)']
  ])('%j', (f, met, line) => {
    expect(meetsTarget(f)).toBe(met)
    expect(formatFigure(f)).toBe(line)
  })
})
