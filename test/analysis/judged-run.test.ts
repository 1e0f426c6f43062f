/**
 * Issue 7, defect 5: a gate must not pass with most of its measurements unknown. count 5, the first
 * measurement fine and the next four HTTP 500 (within errorLimit) was `passed` (Argo's false green).
 */
import { describe, expect, it } from '@jest/globals'
import { runAnalysis, type RenderedCheck } from '../../src/analysis/run.js'
import type { PrometheusQuerier, QueryResult } from '../../src/prometheus/types.js'

function clock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let t = start
  return { now: () => new Date(t), sleep: async (ms: number) => void (t += ms) }
}

const vector = (value: string): QueryResult => ({
  data: { resultType: 'vector', result: [{ metric: {}, value: [0, value] }] },
  warnings: []
})

/** Answers the n-th call (per query) from `answers`, repeating the last one. */
function scripted(answers: Array<string | Error>): PrometheusQuerier {
  const calls = new Map<string, number>()
  return {
    async instantQuery(query) {
      const n = calls.get(query) ?? 0
      calls.set(query, n + 1)
      const a = answers[Math.min(n, answers.length - 1)] as string | Error
      if (a instanceof Error) throw a
      return vector(a)
    },
    async rangeQuery() {
      return vector('0')
    },
    graphUrl: () => 'http://prom/graph'
  }
}

const check = (name: string, extra: Partial<RenderedCheck> = {}): RenderedCheck => ({
  name,
  query: name,
  max: 0.01,
  onNoData: 'inconclusive',
  onNaN: 'no-data',
  dryRun: false,
  ...extra
})
const http500 = (): Error => new Error('Prometheus answered HTTP 500: internal error')
const settings = { initialDelay: 0, interval: 1000, count: 5, failureLimit: 0, inconclusiveLimit: 0, errorLimit: 4 }

describe('a check passes only when enough of its measurements were judged', () => {
  it('one good measurement, then four HTTP 500 within errorLimit → inconclusive, judged 1 of 5', async () => {
    const result = await runAnalysis({
      checks: [check('error-rate')],
      settings,
      prometheus: scripted(['0.001', http500()]),
      ...clock()
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.judged).toEqual({ judged: 1, due: 5, planned: 5, required: 3 })
    expect(result.reasons).toEqual([
      'error-rate: judged 1 of 5 measurements, fewer than the 3 required (minJudged); not judged: 4 query errors, last: Prometheus answered HTTP 500: internal error'
    ])
  })

  it('three good of five is a majority → passed, and says how many were judged', async () => {
    const result = await runAnalysis({
      checks: [check('error-rate')],
      settings,
      prometheus: scripted(['0.001', '0.001', '0.001', http500()]),
      ...clock()
    })
    expect(result.verdict).toBe('passed')
    expect(result.checks[0]?.judged).toEqual({ judged: 3, due: 5, planned: 5, required: 3 })
  })

  it('minJudged from the config lowers the bar', async () => {
    const result = await runAnalysis({
      checks: [check('error-rate')],
      settings: { ...settings, minJudged: 1 },
      prometheus: scripted(['0.001', http500()]),
      ...clock()
    })
    expect(result.verdict).toBe('passed')
  })

  it('a dry-run check with too few judged would be inconclusive, and does not move the verdict', async () => {
    const prometheus: PrometheusQuerier = {
      ...scripted([]),
      async instantQuery(query) {
        if (query === 'shadow') throw http500()
        return vector('0.001')
      }
    }
    const result = await runAnalysis({
      checks: [check('real'), check('shadow', { dryRun: true })],
      settings: { ...settings, count: 3 },
      prometheus,
      ...clock()
    })
    expect(result.verdict).toBe('passed')
    expect(result.checks[1]).toMatchObject({ status: 'inconclusive', dryRun: true })
    expect(result.reasons.at(-1)).toMatch(
      /^dry run \(not enforced\): shadow would be inconclusive: shadow: no measurement could be judged/
    )
  })

  it('a run cut short by another check judges the rest against the measurements that were due', async () => {
    let tick = 0
    const prometheus: PrometheusQuerier = {
      ...scripted([]),
      async instantQuery(query) {
        if (query === 'latency') return vector(++tick >= 3 ? '9' : '0.001')
        if (tick >= 2) throw http500()
        return vector('0.001')
      }
    }
    const result = await runAnalysis({
      checks: [check('latency'), check('error-rate')],
      settings: { ...settings, count: 10 },
      prometheus,
      ...clock()
    })
    expect(result.verdict).toBe('failed')
    expect(result.checks[1]?.status).toBe('inconclusive')
    expect(result.checks[1]?.judged).toEqual({ judged: 1, due: 3, planned: 10, required: 2 })
  })

  it('a cancelled run is inconclusive with its judged count', async () => {
    const controller = new AbortController()
    const c = clock()
    let n = 0
    const result = await runAnalysis({
      checks: [check('error-rate')],
      settings,
      prometheus: scripted(['0.001']),
      now: c.now,
      sleep: async (ms) => {
        if (++n === 3) controller.abort()
        await c.sleep(ms)
      },
      signal: controller.signal
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.judged).toEqual({ judged: 2, due: 2, planned: 5, required: 2 })
  })
})
