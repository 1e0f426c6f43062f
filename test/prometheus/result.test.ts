import { describe, expect, it } from '@jest/globals'
import { observe, seriesMeans } from '../../src/prometheus/result.js'
import type { QueryData } from '../../src/prometheus/types.js'

const vector = (...values: string[]): QueryData => ({
  resultType: 'vector',
  result: values.map((v, i) => ({ metric: { pod: `p${i}` }, value: [1, v] }))
})

describe('observe', () => {
  it.each<[string, QueryData, ReturnType<typeof observe>]>([
    ['empty vector', vector(), { values: [], nonFinite: [], series: 0 }],
    ['one series', vector('0.5'), { values: [0.5], nonFinite: [], series: 1 }],
    [
      'several series, NaN and infinities kept apart',
      vector('1', 'NaN', '+Inf', '-Inf'),
      { values: [1], nonFinite: ['NaN', '+Inf', '-Inf'], series: 4 }
    ],
    ['scalar', { resultType: 'scalar', result: [1, '3'] }, { values: [3], nonFinite: [], series: 1 }],
    [
      'matrix: latest point of each series',
      {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1, '1'],
              [2, '2']
            ]
          },
          { metric: { a: 'b' }, values: [[1, 'NaN']] }
        ]
      },
      { values: [2], nonFinite: ['NaN'], series: 2 }
    ]
  ])('%s', (_name, data, expected) => {
    expect(observe(data)).toEqual(expected)
  })

  it('refuses a string result', () => {
    expect(() => observe({ resultType: 'string', result: [1, 'hello'] })).toThrow('cannot be compared with a number')
  })
})

describe('seriesMeans', () => {
  it('averages each series over its finite points', () => {
    const data: QueryData = {
      resultType: 'matrix',
      result: [
        {
          metric: {},
          values: [
            [1, '1'],
            [2, 'NaN'],
            [3, '3']
          ]
        },
        { metric: {}, values: [[1, 'NaN']] },
        { metric: {}, values: [[1, '10']] }
      ]
    }
    expect(seriesMeans(data)).toEqual([2, 10])
  })

  it('is empty without data', () => {
    expect(seriesMeans({ resultType: 'matrix', result: [] })).toEqual([])
  })
})
