import { describe, expect, it } from '@jest/globals'
import { rangeSamples } from '../../src/canary/judge-samples.js'
import { judgeStep } from '../../src/canary/judge-step.js'
import type { CanaryJudgeConfig } from '../../src/config/schema-canary.js'
import type { PrometheusQuerier, QueryResult } from '../../src/prometheus/types.js'

describe('rangeSamples', () => {
  it('sums several series per timestamp, in time order, keeping NaN', () => {
    expect(
      rangeSamples({
        resultType: 'matrix',
        result: [
          {
            metric: { pod: 'a' },
            values: [
              [2, '1'],
              [1, '0.5']
            ]
          },
          {
            metric: { pod: 'b' },
            values: [
              [1, '0.25'],
              [2, 'NaN']
            ]
          }
        ]
      })
    ).toEqual([0.75, NaN])
  })

  it('takes a vector as one sample per series and nothing from a scalar', () => {
    expect(rangeSamples({ resultType: 'vector', result: [{ metric: {}, value: [1, '3'] }] })).toEqual([3])
    expect(rangeSamples({ resultType: 'scalar', result: [1, '3'] })).toEqual([])
  })
})

/** A querier whose range answers come from `series(query)`, recording each query it was sent. */
function querier(series: (query: string) => number[]): PrometheusQuerier & { sent: string[] } {
  const sent: string[] = []
  const answer = (query: string): QueryResult => ({
    data: {
      resultType: 'matrix',
      result: [{ metric: {}, values: series(query).map((v, i): [number, string] => [i, String(v)]) }]
    },
    warnings: []
  })
  return {
    sent,
    instantQuery: () => Promise.reject(new Error('not used')),
    rangeQuery: (query) => {
      sent.push(query)
      return Promise.resolve(answer(query))
    },
    graphUrl: () => ''
  }
}

const judge: CanaryJudgeConfig = {
  confidence: 0.98,
  pass: 95,
  marginal: 75,
  metrics: [
    {
      name: 'errors',
      query: 'sum(rate(errors{version="{{track}}"}[1m]))',
      direction: 'increase',
      allowedIncrease: 1,
      allowedDecrease: 1,
      critical: false,
      nanStrategy: 'remove',
      minSamples: 5
    }
  ]
}
const window = { start: new Date(0), end: new Date(60_000), stepSeconds: 5 }
const low = [0.01, 0.012, 0.011, 0.009, 0.01, 0.013, 0.011, 0.01, 0.012, 0.009]
const high = low.map((v) => v * 20)

describe('judgeStep', () => {
  it('queries each track with {{track}} rendered and passes a canary like its baseline', async () => {
    const prom = querier(() => low)
    const { score } = await judgeStep(judge, prom, window, { canary: 'v2', baseline: 'v1' }, {})
    expect(prom.sent).toEqual(['sum(rate(errors{version="v2"}[1m]))', 'sum(rate(errors{version="v1"}[1m]))'])
    expect(score.outcome).toBe('pass')
  })

  it('fails a canary whose errors are far above the baseline', async () => {
    const prom = querier((q) => (q.includes('v2') ? high : low))
    const { score, judgements } = await judgeStep(judge, prom, window, { canary: 'v2', baseline: 'v1' }, {})
    expect(judgements[0]?.verdict).toBe('high')
    expect(score.outcome).toBe('fail')
  })

  it('is inconclusive without data', async () => {
    const { score } = await judgeStep(
      judge,
      querier(() => []),
      window,
      { canary: 'v2', baseline: 'v1' },
      {}
    )
    expect(score.outcome).toBe('inconclusive')
  })
})
