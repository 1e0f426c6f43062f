import { describe, expect, it } from '@jest/globals'
import { runAnalysis, type RenderedCheck } from '../../src/analysis/run.js'
import type { PrometheusQuerier, QueryResult } from '../../src/prometheus/types.js'
import { PrometheusError } from '../../src/prometheus/errors.js'

/** A fake clock: sleeping advances time instantly. */
function clock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let t = start
  return { now: () => new Date(t), sleep: async (ms: number) => void (t += ms) }
}

const vector = (...values: string[]): QueryResult => ({
  data: { resultType: 'vector', result: values.map((v, i) => ({ metric: { i: String(i) }, value: [0, v] })) },
  warnings: []
})

/** Answers per query from a function of the evaluation time; records every call. */
function fakePrometheus(answer: (query: string, time: Date) => QueryResult | Error, range?: () => QueryResult) {
  const calls: Array<{ query: string; time?: Date }> = []
  const querier: PrometheusQuerier = {
    async instantQuery(query, time) {
      calls.push({ query, time })
      const a = answer(query, time ?? new Date())
      if (a instanceof Error) throw a
      return a
    },
    async rangeQuery() {
      return range ? range() : vector()
    },
    graphUrl: (q, s, e) => `http://prom/graph?q=${encodeURIComponent(q)}&s=${s.toISOString()}&e=${e.toISOString()}`
  }
  return { querier, calls }
}

const check = (c: Partial<RenderedCheck> & { name: string; query: string }): RenderedCheck => ({
  onNoData: 'inconclusive',
  onNaN: 'no-data',
  dryRun: false,
  ...c
})
const settings = { initialDelay: 0, interval: 1000, count: 5, failureLimit: 0, inconclusiveLimit: 0, errorLimit: 2 }

describe('runAnalysis (fake Prometheus, fake clock)', () => {
  it('passes a healthy run, measuring every check at the same evaluation time on each tick', async () => {
    const c = clock()
    const { querier, calls } = fakePrometheus(() => vector('0.001'))
    const result = await runAnalysis({
      checks: [check({ name: 'errors', query: 'err', max: 0.01 }), check({ name: 'latency', query: 'lat', max: 1 })],
      settings: { ...settings, initialDelay: 2000 },
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('passed')
    expect(result.checks.map((x) => x.measurements.length)).toEqual([5, 5])
    const times = calls.map((x) => x.time?.toISOString())
    expect(times[0]).toBe('2025-01-01T00:00:02.000Z')
    expect(times[0]).toBe(times[1])
    expect(times.at(-1)).toBe('2025-01-01T00:00:06.000Z')
    expect(result.checks[0]?.graphUrl).toContain('http://prom/graph?q=err')
  })

  it('stops at the first failure beyond failureLimit, with the value and condition in the reason', async () => {
    const c = clock()
    let tick = 0
    const { querier } = fakePrometheus(() => vector(++tick >= 2 ? '0.021' : '0.001'))
    const seen: string[] = []
    const result = await runAnalysis({
      checks: [check({ name: 'error-rate', query: 'err', max: 0.005 })],
      settings: { ...settings, count: 10 },
      prometheus: querier,
      onMeasurement: (name, m) => seen.push(`${name}:${m.phase}`),
      ...c
    })
    expect(result.verdict).toBe('failed')
    expect(result.reasons).toEqual(['error-rate = 0.021 > max 0.005 in 1 of 2 measurements (failureLimit 0)'])
    expect(seen).toEqual(['error-rate:successful', 'error-rate:failed'])
  })

  it('whole-run dry run does not stop early, so the full window is shown', async () => {
    const c = clock()
    const { querier } = fakePrometheus(() => vector('0.5'))
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 0.1 }), check({ name: 'b', query: 'b', max: 1 })],
      settings,
      prometheus: querier,
      dryRun: true,
      ...c
    })
    expect(result.verdict).toBe('failed')
    expect(result.checks[1]?.measurements).toHaveLength(5)
    // The failing check too: a shadow run is for tuning, so it shows the whole window.
    expect(result.checks[0]?.measurements).toHaveLength(5)
    expect(result.checks[0]?.status).toBe('failed')
  })

  it('a dry-run check is reported but never decides the verdict', async () => {
    const c = clock()
    const { querier } = fakePrometheus((q) => vector(q === 'shadow' ? '9' : '0'))
    const result = await runAnalysis({
      checks: [
        check({ name: 'real', query: 'real', max: 1 }),
        check({ name: 'shadow', query: 'shadow', max: 1, dryRun: true })
      ],
      settings: { ...settings, count: 3 },
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('passed')
    expect(result.checks[1]).toMatchObject({ status: 'failed', dryRun: true })
    // Measured for as long as the run lasts, not just until its first failure.
    expect(result.checks[1]?.measurements).toHaveLength(3)
    expect(result.reasons.at(-1)).toMatch(/^dry run \(not enforced\): shadow would be failed/)
  })

  it('query errors go on the error budget and end inconclusive, never failed', async () => {
    const c = clock()
    const { querier } = fakePrometheus(
      () => new Error('Cannot reach Prometheus at http://prom/api/v1/query: ECONNREFUSED.')
    )
    const result = await runAnalysis({
      checks: [check({ name: 'error-rate', query: 'err', max: 0.005, onNoData: 'fail' })],
      settings: { ...settings, count: 10, errorLimit: 2 },
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.measurements.map((m) => m.phase)).toEqual(['error', 'error', 'error'])
    expect(result.reasons[0]).toBe(
      'error-rate: Prometheus query failed 3 times in a row: Cannot reach Prometheus at http://prom/api/v1/query: ECONNREFUSED.'
    )
  })

  it('a query Prometheus rejects as invalid (bad_data) ends its check at once: asking again cannot help', async () => {
    const c = clock()
    const rejected = new PrometheusError({
      kind: 'api',
      url: 'http://prom/api/v1/query',
      status: 400,
      errorType: 'bad_data',
      apiError: 'invalid parameter "query": 1:6: parse error: expected type range vector in call to function "rate"',
      message: 'Prometheus at http://prom/api/v1/query rejected the query (HTTP 400, bad_data): parse error.'
    })
    const { querier, calls } = fakePrometheus((q) => (q === 'bad' ? rejected : vector('0')))
    const result = await runAnalysis({
      checks: [check({ name: 'typo', query: 'bad', max: 1 }), check({ name: 'fine', query: 'good', max: 1 })],
      settings: { ...settings, count: 10, errorLimit: 4 },
      prometheus: querier,
      ...c
    })
    expect(calls.filter((x) => x.query === 'bad')).toHaveLength(1)
    expect(result.checks[0]).toMatchObject({ status: 'inconclusive' })
    expect(result.checks[0]?.measurements.map((m) => m.phase)).toEqual(['error'])
    expect(result.checks[0]?.reason).toBe(
      'typo: invalid query, fix it in the config: Prometheus at http://prom/api/v1/query rejected the query (HTTP 400, bad_data): parse error.'
    )
    // The other check is unaffected and runs its full window.
    expect(result.checks[1]?.measurements).toHaveLength(10)
    expect(result.verdict).toBe('inconclusive')
  })

  it('a bad_data rejection in the minTraffic query ends the run as inconclusive at once', async () => {
    const c = clock()
    const rejected = new PrometheusError({
      kind: 'api',
      url: 'http://prom/api/v1/query',
      status: 400,
      errorType: 'bad_data',
      message: 'Prometheus at http://prom/api/v1/query rejected the query (HTTP 400, bad_data): parse error.'
    })
    const { querier, calls } = fakePrometheus((q) => (q === 'traffic' ? rejected : vector('0')))
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      minTraffic: { query: 'traffic', min: 1 },
      settings: { ...settings, count: 10, errorLimit: 4 },
      prometheus: querier,
      ...c
    })
    expect(calls).toHaveLength(1)
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.reason).toMatch(/^a: invalid minTraffic query, fix it in the config: /)
  })

  it('below minTraffic every check is no-data (the check queries are not even sent)', async () => {
    const c = clock()
    const { querier, calls } = fakePrometheus((q) => vector(q === 'traffic' ? '0.2' : '0'))
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 }), check({ name: 'b', query: 'b', max: 1, onNoData: 'fail' })],
      minTraffic: { query: 'traffic', min: 1 },
      settings: { ...settings, count: 2, inconclusiveLimit: 5 },
      prometheus: querier,
      ...c
    })
    expect(calls.every((x) => x.query === 'traffic')).toBe(true)
    expect(result.checks[0]?.measurements[0]).toMatchObject({
      phase: 'no-data',
      message: 'traffic 0.2 < minTraffic 1 (onNoData: inconclusive)'
    })
    expect(result.checks[1]?.status).toBe('failed')
    expect(result.verdict).toBe('failed')
  })

  it("records the traffic gate: the query as sent, the floor and each tick's total and phase", async () => {
    const c = clock()
    let tick = 0
    const { querier } = fakePrometheus((q) => {
      if (q !== 'traffic') return vector('0')
      tick++
      if (tick === 3) return new Error('HTTP 503')
      return tick === 1 ? vector('0.2', '0.3') : vector('1', '2')
    })
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      minTraffic: { query: 'traffic', min: 1 },
      settings: { ...settings, count: 4, inconclusiveLimit: 5 },
      prometheus: querier,
      ...c
    })
    expect(result.traffic).toEqual({
      query: 'traffic',
      min: 1,
      measurements: [
        { time: '2025-01-01T00:00:00.000Z', value: 0.5, phase: 'no-data', message: 'traffic 0.5 < minTraffic 1' },
        { time: '2025-01-01T00:00:01.000Z', value: 3, phase: 'successful', message: 'traffic 3 >= minTraffic 1' },
        { time: '2025-01-01T00:00:02.000Z', value: null, phase: 'error', message: 'minTraffic query failed: HTTP 503' },
        { time: '2025-01-01T00:00:03.000Z', value: 3, phase: 'successful', message: 'traffic 3 >= minTraffic 1' }
      ]
    })
    // The ticks line up with the checks' own measurements.
    expect(result.checks[0]?.measurements.map((m) => m.phase)).toEqual(['no-data', 'successful', 'error', 'successful'])
  })

  it('without minTraffic the result has no traffic field', async () => {
    const c = clock()
    const { querier } = fakePrometheus(() => vector('0'))
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      settings,
      prometheus: querier,
      ...c
    })
    expect(result).not.toHaveProperty('traffic')
  })

  it("a check cut short by another check's failure still passes, but says the run stopped and why", async () => {
    const c = clock()
    let tick = 0
    const { querier } = fakePrometheus((q) => {
      if (q === 'err') tick++
      return vector(q === 'err' && tick >= 2 ? '0.021' : '0.001')
    })
    const result = await runAnalysis({
      checks: [
        check({ name: 'error-rate', query: 'err', max: 0.005 }),
        check({ name: 'latency-p95', query: 'lat', max: 0.5 })
      ],
      settings: { ...settings, count: 10 },
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('failed')
    expect(result.checks[1]).toMatchObject({
      status: 'passed',
      reason:
        'latency-p95: 2 of 2 measurements passed before the run stopped (error-rate failed), last 1 ms <= max 500 ms'
    })
  })

  it('a dry-run check cut short when every enforced check is decided names the inconclusive one', async () => {
    const c = clock()
    const rejected = new PrometheusError({
      kind: 'api',
      url: 'http://prom/api/v1/query',
      status: 400,
      errorType: 'bad_data',
      message: 'rejected'
    })
    const { querier } = fakePrometheus((q) => (q === 'bad' ? rejected : vector('0')))
    const result = await runAnalysis({
      checks: [
        check({ name: 'typo', query: 'bad', max: 1 }),
        check({ name: 'shadow', query: 's', max: 1, dryRun: true })
      ],
      settings: { ...settings, count: 10 },
      prometheus: querier,
      ...c
    })
    expect(result.checks[1]?.reason).toBe(
      'shadow: 1 of 1 measurement passed before the run stopped (typo inconclusive), last 0 <= max 1'
    )
  })

  it('a check that decided itself early keeps its own reason when the run later stops', async () => {
    const c = clock()
    const { querier } = fakePrometheus(() => vector('0.001'))
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 }), check({ name: 'b', query: 'b', max: 1 })],
      settings: { ...settings, count: 3 },
      prometheus: querier,
      ...c
    })
    // A full run: no "stopped" wording at all.
    expect(result.checks.map((x) => x.reason)).toEqual([
      'a: passed 3 of 3 measurements, last 0.001 <= max 1',
      'b: passed 3 of 3 measurements, last 0.001 <= max 1'
    ])
  })

  it('relative checks take a baseline over the window before the start and judge against it', async () => {
    const c = clock()
    const ranges: Array<{ start: Date; end: Date; step: number }> = []
    const { querier } = fakePrometheus(() => vector('0.62'))
    querier.rangeQuery = async (_q, start, end, step) => {
      ranges.push({ start, end, step })
      return {
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: {},
              values: [
                [0, '0.38'],
                [1, 'NaN'],
                [2, '0.42']
              ]
            }
          ]
        },
        warnings: []
      }
    }
    const result = await runAnalysis({
      checks: [check({ name: 'latency', query: 'lat', maxIncrease: 0.1 })],
      settings,
      baselineWindow: { window: 600_000, offset: 60_000 },
      prometheus: querier,
      ...c
    })
    expect(ranges[0]).toEqual({
      start: new Date('2024-12-31T23:49:00Z'),
      end: new Date('2024-12-31T23:59:00Z'),
      step: 10
    })
    expect(result.checks[0]?.condition).toEqual({ maxIncrease: 0.1, baseline: 0.4 })
    expect(result.reasons[0]).toBe(
      'latency = 620 ms is +55% over baseline 400 ms (maxIncrease +10%) in 1 of 1 measurement (failureLimit 0)'
    )
  })

  it('a relative check without pre-deploy data is inconclusive, saying why', async () => {
    const c = clock()
    const { querier } = fakePrometheus(() => vector('0.5'))
    const result = await runAnalysis({
      checks: [check({ name: 'latency', query: 'lat', maxIncrease: 0.1 })],
      settings,
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.condition.baseline).toBeNull()
    expect(result.reasons[0]).toContain('no baseline: no data in the 10m before the analysis')
  })

  it('cancellation ends the run inconclusive', async () => {
    const c = clock()
    const controller = new AbortController()
    let n = 0
    const { querier } = fakePrometheus(() => {
      if (++n === 2) controller.abort()
      return vector('0')
    })
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      settings,
      prometheus: querier,
      signal: controller.signal,
      ...c
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.reasons).toEqual(['a: analysis cancelled after 2 of 5 measurements'])
  })

  it('fails fast when the probe finds Prometheus unreachable: one line, no measurement', async () => {
    const c = clock()
    const { querier, calls } = fakePrometheus(() => vector('0'))
    querier.probe = async () => {
      throw new PrometheusError({
        kind: 'network',
        url: 'http://127.0.0.1:9/',
        message: 'Prometheus at http://127.0.0.1:9/ unreachable: ECONNREFUSED (3 attempts)'
      })
    }
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 }), check({ name: 'b', query: 'b', max: 1 })],
      settings: { ...settings, interval: 60_000, count: 10 },
      prometheus: querier,
      ...c
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.reasons).toEqual(['Prometheus at http://127.0.0.1:9/ unreachable: ECONNREFUSED (3 attempts)'])
    expect(calls).toHaveLength(0)
    expect(result.finishedAt).toBe(result.startedAt)
  })

  it('measures as usual when the probe passes', async () => {
    const c = clock()
    const { querier, calls } = fakePrometheus(() => vector('0'))
    let probes = 0
    querier.probe = async () => void probes++
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      settings,
      prometheus: querier,
      ...c
    })
    expect([result.verdict, probes, calls.length]).toEqual(['passed', 1, 5])
  })

  it('does not count a query cut short by the cancellation as a measurement', async () => {
    const c = clock()
    const controller = new AbortController()
    let n = 0
    const { querier } = fakePrometheus(() => {
      if (++n < 3) return vector('0')
      controller.abort()
      return new PrometheusError({ kind: 'cancelled', url: 'http://prom/', message: 'cancelled' })
    })
    const result = await runAnalysis({
      checks: [check({ name: 'a', query: 'a', max: 1 })],
      settings,
      prometheus: querier,
      signal: controller.signal,
      ...c
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]?.measurements.map((m) => m.phase)).toEqual(['successful', 'successful'])
    expect(result.reasons).toEqual(['a: analysis cancelled after 2 of 5 measurements'])
  })
})
