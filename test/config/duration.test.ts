import { describe, expect, test } from '@jest/globals'
import {
  formatDuration,
  parseDuration,
  parsePercent,
  tryParseDuration,
  tryParsePercent
} from '../../src/config/duration.js'

describe('parseDuration', () => {
  test.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1m500ms', 60_500],
    ['1.5s', 1_500],
    ['1d', 86_400_000],
    [' 2m ', 120_000],
    ['0s', 0],
    ['45', 45_000],
    [90, 90_000],
    [0.25, 250]
  ] as const)('%p → %p ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms)
  })

  test.each(['ten', '', '5 m', '-5s', '1h-30m', '10M', 's', 'm5'])('%p is refused with the expected form', (input) => {
    expect(() => parseDuration(input)).toThrow(
      `expected a duration like 30s, 5m or 1h30m, got ${JSON.stringify(input)}`
    )
  })

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY, null, true, {}])(
    'tryParseDuration(%p) is undefined',
    (input) => {
      expect(tryParseDuration(input)).toBeUndefined()
    }
  )
})

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [500, '500ms'],
    [1_500, '1.5s'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [600_000, '10m'],
    [5_400_000, '1h30m'],
    [3_723_000, '1h2m3s']
  ])('%p ms → %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  test.each(['30s', '1h30m', '500ms', '2h', '1m0.5s'])('round-trips %p', (text) => {
    expect(parseDuration(formatDuration(parseDuration(text)))).toBe(parseDuration(text))
  })
})

describe('percentages', () => {
  test.each([
    ['10%', 0.1],
    ['0.5%', 0.005],
    ['150 %', 1.5],
    [0.1, 0.1],
    ['0.2', 0.2],
    [0, 0]
  ] as const)('%p → %p', (input, fraction) => {
    expect(parsePercent(input)).toBeCloseTo(fraction, 10)
  })

  test.each(['ten%', '-5%', '%', -0.1, 'x'])('%p is refused', (input) => {
    expect(tryParsePercent(input)).toBeUndefined()
    expect(() => parsePercent(input)).toThrow('expected a percentage like 10% or a fraction like 0.1')
  })
})
