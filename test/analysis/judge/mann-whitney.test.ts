/**
 * The rank test and the shift interval against published reference values. Sources per case:
 * - R `?wilcox.test` examples (Hollander & Wolfe 1973, permeability of the chorioamnion): W = 35,
 *   p = 0.2544 two-sided exact, 0.1272 exact greater, 0.1103 greater with exact = FALSE, correct = FALSE;
 *   95 % interval -0.15 … 0.76, difference in location 0.305.
 * - R `?wilcox.test` example `wilcox.test(Ozone ~ Month, data = airquality, subset = Month %in% c(5, 8))`:
 *   W = 127.5, p-value = 0.0001208 (ties: normal approximation with continuity correction; NAs removed).
 * - endmemo.com/r/wilcoxon.php (R output): W = 51.5, p = 0.5966 and W = 0, p = 0.001364.
 * - SciPy `mannwhitneyu` docs (males/females): U1 = 17, p = 0.1111 exact, 0.11134688653314041 asymptotic.
 * - Kayenta's R tie-out datasets (kayenta-r-tieout.ts): R's interval bounds within uniroot's 1e-4.
 * All p-values were also re-run with SciPy 1.17 `mannwhitneyu` on this machine and agree.
 */
import { mannWhitney, midRanks } from '../../../src/analysis/judge/mann-whitney.js'
import { normalCdf, normalQuantile } from '../../../src/analysis/judge/normal.js'
import { TIE_OUT_95, TIE_OUT_98 } from './kayenta-r-tieout.js'

const PERMEABILITY_X = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
const PERMEABILITY_Y = [1.15, 0.88, 0.9, 0.74, 1.21]
// R's airquality$Ozone for May and August (NA dropped as wilcox.test does).
const OZONE_MAY = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37]
const OZONE_AUG = [
  39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85
]

describe('normal distribution', () => {
  test.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-2.326347874040841, 0.01],
    [3.5, 0.9997673709209645],
    [-6, 9.865876450376946e-10]
  ])('Φ(%p) = %p', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 12)
  })
  test('Φ⁻¹ inverts Φ (0.98 two-sided quantile is 2.326…)', () => {
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 12)
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 12)
    for (const p of [1e-10, 0.001, 0.3, 0.5, 0.77, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14)
  })
})

describe('mannWhitney reference values', () => {
  test('R permeability example, exact (no ties, n < 50)', () => {
    const two = mannWhitney(PERMEABILITY_X, PERMEABILITY_Y)
    expect(two.method).toBe('exact')
    expect(two.u).toBe(35)
    expect(two.pValue).toBeCloseTo(0.2544, 4)
    expect(two.estimate).toBeCloseTo(0.305, 10)
    expect(two.lower).toBeCloseTo(-0.15, 10)
    expect(two.upper).toBeCloseTo(0.76, 10)
    const greater = mannWhitney(PERMEABILITY_X, PERMEABILITY_Y, { alternative: 'greater' })
    expect(greater.pValue).toBeCloseTo(0.1272, 4)
    expect(greater.upper).toBe(Number.POSITIVE_INFINITY)
  })

  test('R permeability example, large-sample approximation without correction', () => {
    const result = mannWhitney(PERMEABILITY_X, PERMEABILITY_Y, { alternative: 'greater', exact: false, correct: false })
    expect(result.method).toBe('normal')
    expect(result.pValue).toBeCloseTo(0.1103, 4)
  })

  test('R airquality Ozone May vs August: ties, continuity correction', () => {
    const result = mannWhitney(OZONE_MAY, OZONE_AUG)
    expect(result.method).toBe('normal')
    expect(result.u).toBe(127.5)
    expect(result.pValue).toBeCloseTo(0.0001208, 7)
  })

  test('R outputs from endmemo.com (ties)', () => {
    const x = [1, 5, 9, 24, 56, 21, 3, 7, 21, 4]
    const first = mannWhitney(x, [12, 15, 5, 9, 9, 14, 56, 22, 3, 7, 32, 5])
    expect(first.u).toBe(51.5)
    expect(first.pValue).toBeCloseTo(0.5966, 4)
    const second = mannWhitney(x, [1233, 4356, 987, 39999, 1111, 200000], { exact: false })
    expect(second.u).toBe(0)
    expect(second.pValue).toBeCloseTo(0.001364, 6)
  })

  test('SciPy docs males/females: exact and asymptotic', () => {
    const males = [19, 22, 16, 29, 24]
    const females = [20, 11, 17, 12]
    const exact = mannWhitney(males, females)
    expect(exact.u).toBe(17)
    expect(exact.pValue).toBeCloseTo(0.1111, 4)
    expect(mannWhitney(males, females, { exact: false }).pValue).toBeCloseTo(0.11134688653314041, 12)
  })

  test.each([
    ['95 %', TIE_OUT_95],
    ['98 %', TIE_OUT_98]
  ])("Kayenta's R tie-out (%s): interval bounds within R's uniroot tolerance", (_, data) => {
    const result = mannWhitney(data.experiment, data.control, { confidence: data.confidence })
    expect(result.method).toBe('normal')
    expect(Math.abs(result.lower - data.rLower)).toBeLessThan(1e-4)
    expect(Math.abs(result.upper - data.rUpper)).toBeLessThan(1e-4)
  })
})

describe('mannWhitney behaviour', () => {
  test('mid-ranks average tied positions', () => {
    expect(midRanks([3, 1, 3, 2])).toEqual({ ranks: [3.5, 1, 3.5, 2], tieSizes: [1, 1, 2] })
  })
  test('identical constant samples: no evidence of a shift', () => {
    const result = mannWhitney([2, 2, 2], [2, 2, 2, 2])
    expect(result.pValue).toBe(1)
    expect([result.lower, result.estimate, result.upper]).toEqual([0, 0, 0])
  })
  test('two different constants: the shift is certain', () => {
    const result = mannWhitney(Array(30).fill(5), Array(30).fill(3))
    expect([result.lower, result.estimate, result.upper]).toEqual([2, 2, 2])
    expect(result.pValue).toBeLessThan(1e-10)
  })
  test('the interval swaps sides with the samples', () => {
    const a = mannWhitney(OZONE_MAY, OZONE_AUG, { confidence: 0.98 })
    const b = mannWhitney(OZONE_AUG, OZONE_MAY, { confidence: 0.98 })
    expect(a.lower).toBeCloseTo(-b.upper, 12)
    expect(a.upper).toBeCloseTo(-b.lower, 12)
    expect(a.upper).toBeLessThan(0)
  })
  test('refuses empty or non-finite samples', () => {
    expect(() => mannWhitney([], [1])).toThrow('x is empty')
    expect(() => mannWhitney([1, Number.NaN], [1])).toThrow('not a finite number')
  })
})
