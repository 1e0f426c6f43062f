import { describe, expect, test } from '@jest/globals'
import { renderXyChart } from '../../src/report/chart.js'
import { escapeMermaidString } from '../../src/report/escape.js'
import { formatDecimal, formatNumber } from '../../src/report/format.js'
import { parseMermaidBlock } from './mermaid-parser.js'

const labels = ['10:00:00', '10:00:30', '10:01:00', '10:01:30']

describe('renderXyChart', () => {
  test('a values line and one constant line per threshold, in a mermaid fence', async () => {
    const chart = renderXyChart({
      title: 'error-rate',
      xLabels: labels,
      values: [0.001, 0.0051, 0.021, 0.03],
      thresholds: [{ label: 'max', value: 0.005 }]
    })
    expect(chart.startsWith('```mermaid\n')).toBe(true)
    expect(chart).toContain('xychart-beta')
    expect(chart).toContain('line "value" [0.001, 0.0051, 0.021, 0.03]')
    expect(chart).toContain('line "max" [0.005, 0.005, 0.005, 0.005]')
    expect(chart).toContain('x-axis ["10:00:00", "10:00:30", "10:01:00", "10:01:30"]')
    await expect(parseMermaidBlock(chart)).resolves.toBeDefined()
  })

  test('y-axis covers values and thresholds', () => {
    const chart = renderXyChart({
      title: 't',
      xLabels: labels.slice(0, 2),
      values: [1, 2],
      thresholds: [
        { label: 'max', value: 10 },
        { label: 'min', value: -5 }
      ]
    })
    const [, lo, hi] = /y-axis "value" (\S+) --> (\S+)/.exec(chart) ?? []
    expect(Number(lo)).toBeLessThanOrEqual(-5)
    expect(Number(hi)).toBeGreaterThanOrEqual(10)
  })

  test('non-negative data never gets a negative axis', () => {
    const chart = renderXyChart({ title: 't', xLabels: labels.slice(0, 2), values: [0, 0.002] })
    expect(chart).toMatch(/y-axis "value" 0 --> /)
  })

  test('tiny values are written as decimals (Mermaid rejects 1.2e-5) and still parse', async () => {
    const chart = renderXyChart({
      title: 'tiny',
      xLabels: labels,
      values: [1.2e-5, 3e-7, 2.5e-5, 0],
      thresholds: [{ label: 'max', value: 2e-5 }]
    })
    expect(chart).not.toMatch(/\de[-+]?\d/)
    expect(chart).toContain('0.000012')
    await expect(parseMermaidBlock(chart)).resolves.toBeDefined()
  })

  test('null, NaN and Inf points are left out; fewer than two numbers means no chart', async () => {
    const chart = renderXyChart({ title: 'gaps', xLabels: labels, values: [null, 0.5, Number.NaN, 0.7] })
    expect(chart).toContain('x-axis ["10:00:30", "10:01:30"]')
    expect(chart).toContain('line "value" [0.5, 0.7]')
    await expect(parseMermaidBlock(chart)).resolves.toBeDefined()
    expect(renderXyChart({ title: 'x', xLabels: labels, values: [null, 1, Number.POSITIVE_INFINITY, null] })).toBe('')
    expect(renderXyChart({ title: 'x', xLabels: [], values: [] })).toBe('')
  })

  test('a constant series still gets a non-empty axis range', async () => {
    const chart = renderXyChart({ title: 'flat', xLabels: labels.slice(0, 3), values: [0.2, 0.2, 0.2] })
    const [, lo, hi] = /y-axis "value" (\S+) --> (\S+)/.exec(chart) ?? []
    expect(Number(hi)).toBeGreaterThan(Number(lo))
    await expect(parseMermaidBlock(chart)).resolves.toBeDefined()
  })

  test('hostile titles and labels are escaped for Mermaid and still parse', async () => {
    const chart = renderXyChart({
      title: 'latency "p95" ``` </script>\n%%{init}%%',
      xLabels: ['a"b', 'c`d'],
      values: [-1, 2],
      thresholds: [{ label: 'baseline "+10 %"', value: 1.5 }],
      yLabel: 'sec"onds'
    })
    expect(chart.split('\n').slice(1, -1).join('\n')).not.toContain('`')
    expect(chart).toContain(`title "latency 'p95' ''' </script> %%{init}%%"`)
    await expect(parseMermaidBlock(chart)).resolves.toBeDefined()
  })

  test('the parser check is not vacuous: a broken chart is rejected', async () => {
    const good = renderXyChart({ title: 't', xLabels: labels.slice(0, 2), values: [1, 2] })
    await expect(parseMermaidBlock(good.replace('line "value" [1, 2]', 'line "value" [1, oops]'))).rejects.toThrow(
      /Parse error/
    )
    await expect(parseMermaidBlock(good.replace('title "t"', 'title "a "quoted" b"'))).rejects.toThrow()
    await expect(parseMermaidBlock(good.replace('[1, 2]', '[1.2e-5, 2]'))).rejects.toThrow()
  })
})

describe('escapeMermaidString', () => {
  test('quotes, backticks and newlines cannot leave the string', () => {
    expect(escapeMermaidString('a"b`c\nd')).toBe("a'b'c d")
  })
})

describe('number formatting', () => {
  test.each([
    [0.0051, '0.0051'],
    [0.021, '0.021'],
    [1.2e-5, '1.2e-5'],
    [1.234e-7, '1.23e-7'],
    [12345, '12345'],
    [0.123456, '0.1235'],
    [1234567.5, '1.23e6'],
    [0, '0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [null, '—']
  ])('formatNumber(%p) = %p', (value, expected) => {
    expect(formatNumber(value)).toBe(expected)
  })

  test.each([
    [1.2e-5, '0.000012'],
    [0.0051, '0.0051'],
    [-2.5, '-2.5'],
    [123456789.123, '123456789'],
    [1e25, '10000000000000000000000000']
  ])('formatDecimal(%p) = %p', (value, expected) => {
    expect(formatDecimal(value)).toBe(expected)
  })
})
