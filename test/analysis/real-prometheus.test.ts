/**
 * The analysis engine against real Prometheus scraping a loopback sample service every second.
 * Each scenario has its own service (its own `version` label) under one shared Prometheus; the
 * "Prometheus stops" scenario gets a Prometheus of its own. Waits are on data, never fixed sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAnalysis, type RenderedCheck, type RunAnalysisOptions } from '../../src/analysis/run.js'
import type { NoDataPolicy } from '../../src/config/types.js'
import { PrometheusClient } from '../../src/prometheus/client.js'
import { backfill, type PrometheusInstance, startPrometheus } from '../harness/prometheus.js'
import { type SampleService, startSampleService } from '../harness/sample-service.js'

const errorRate = (v: string) =>
  `sum(rate(http_requests_total{status="500",version="${v}"}[5s])) / sum(rate(http_requests_total{version="${v}"}[5s]))`
const traffic = (v: string) => `sum(rate(http_requests_total{version="${v}"}[5s]))`
const p95 = (v: string) =>
  `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version="${v}"}[5s])))`

const check = (c: Partial<RenderedCheck> & { name: string; query: string }): RenderedCheck => ({
  onNoData: 'inconclusive',
  onNaN: 'no-data',
  dryRun: false,
  ...c
})
const fast = { initialDelay: 0, interval: 1000, failureLimit: 0, inconclusiveLimit: 0, errorLimit: 2 }
const client = (url: string) =>
  new PrometheusClient({ url, timeout: 2000, retries: 1, headers: {} }, { retryBaseDelayMs: 50 })

describe('analysis against real Prometheus (live scraping)', () => {
  const services: Record<string, SampleService> = {}
  let prometheus: PrometheusInstance
  /** A second Prometheus, scraping `ok`, that one test stops mid-run. */
  let doomed: PrometheusInstance

  beforeAll(async () => {
    const specs = {
      ok: { requestsPerSecond: 50 },
      err: { requestsPerSecond: 50 },
      slow: { requestsPerSecond: 50 },
      idle: { requestsPerSecond: 0 },
      low: { requestsPerSecond: 2 }
    }
    for (const [version, spec] of Object.entries(specs))
      services[version] = await startSampleService({ version, ...spec })
    ;[prometheus, doomed] = await Promise.all([
      startPrometheus({ scrapeTargets: Object.values(services).map((s) => s.target) }),
      startPrometheus({ scrapeTargets: [(services.ok as SampleService).target] })
    ])
    await Promise.all([
      doomed.waitForData(traffic('ok'), (x) => x > 0),
      ...['ok', 'err', 'slow', 'low'].map((v) => prometheus.waitForData(traffic(v), (x) => x > 0)),
      prometheus.waitForData(`count(rate(http_requests_total{version="idle"}[5s]))`, (x) => x > 0)
    ])
  })

  afterAll(async () => {
    await Promise.all([prometheus?.stop(), doomed?.stop()])
    await Promise.all(Object.values(services).map((s) => s.stop()))
  })

  it('passes a healthy service on error rate and p95 latency', async () => {
    const result = await runAnalysis({
      checks: [
        check({ name: 'error-rate', query: errorRate('ok'), max: 0.01 }),
        check({ name: 'latency-p95', query: p95('ok'), max: 0.5 })
      ],
      minTraffic: { query: traffic('ok'), min: 10 },
      settings: { ...fast, count: 3 },
      prometheus: client(prometheus.url)
    })
    expect(result.reasons).toEqual([
      expect.stringMatching(/^error-rate: passed 3 of 3 measurements, last 0 % <= max 1 %$/),
      expect.stringMatching(/^latency-p95: passed 3 of 3 measurements, last 48\.8 ms <= max 500 ms$/)
    ])
    expect(result.verdict).toBe('passed')
    expect(result.checks[0]?.graphUrl).toMatch(new RegExp(`^${prometheus.url}/graph\\?g0\\.expr=`))
  })

  it('fails when the error ratio rises above the threshold mid-run, naming value and condition', async () => {
    const service = services.err as SampleService
    const result = await runAnalysis({
      checks: [check({ name: 'error-rate', query: errorRate('err'), max: 0.05 })],
      settings: { ...fast, count: 15 },
      prometheus: client(prometheus.url),
      onMeasurement: (_name, m) => {
        if (m.phase === 'successful') service.setErrorRatio(0.2)
      }
    })
    expect(result.verdict).toBe('failed')
    const measurements = result.checks[0]?.measurements ?? []
    expect(measurements[0]?.phase).toBe('successful')
    expect(measurements.at(-1)?.phase).toBe('failed')
    expect(measurements.length).toBeLessThan(15)
    expect(result.reasons[0]).toMatch(
      /^error-rate = \d+(\.\d+)? % > max 5 % in 1 of \d+ measurements \(failureLimit 0\)$/
    )
  })

  it('catches a latency regression with histogram_quantile over the duration buckets', async () => {
    ;(services.slow as SampleService).setLatency(0.8)
    const result = await runAnalysis({
      checks: [check({ name: 'latency-p95', query: p95('slow'), max: 0.5 })],
      settings: { ...fast, count: 15 },
      prometheus: client(prometheus.url)
    })
    expect(result.verdict).toBe('failed')
    expect(result.reasons[0]).toMatch(/^latency-p95 = \d+(\.\d+)? ms > max 500 ms in 1 of \d+ measurements/)
  })

  it('without traffic, 0/0 (NaN) and empty results are no-data judged by each onNoData policy, never a silent pass', async () => {
    const run = (onNoData: NoDataPolicy, query: string) =>
      runAnalysis({
        checks: [check({ name: `nan-${onNoData}`, query, max: 0.01, onNoData })],
        settings: { ...fast, count: 2, inconclusiveLimit: 1 },
        prometheus: client(prometheus.url)
      })
    const [fail, pass, inconclusive, empty] = await Promise.all([
      run('fail', errorRate('idle')),
      run('pass', errorRate('idle')),
      run('inconclusive', errorRate('idle')),
      run('inconclusive', errorRate('no-such-version'))
    ])
    expect(fail.verdict).toBe('failed')
    expect(pass.verdict).toBe('passed')
    expect(inconclusive.verdict).toBe('inconclusive')
    expect(empty.verdict).toBe('inconclusive')
    for (const r of [fail, pass, inconclusive]) {
      for (const m of r.checks[0]?.measurements ?? []) {
        expect(m).toMatchObject({ phase: 'no-data', value: null })
        expect(m.message).toMatch(/^NaN treated as no data \(onNoData: \w+\)$/)
      }
    }
    expect(empty.checks[0]?.measurements[0]?.message).toBe('no data (onNoData: inconclusive)')
    expect(inconclusive.reasons[0]).toBe(
      'nan-inconclusive: NaN treated as no data (onNoData: inconclusive) in 2 of 2 measurements (inconclusiveLimit 1)'
    )
  })

  it('below the minTraffic floor every measurement is no-data', async () => {
    const result = await runAnalysis({
      checks: [check({ name: 'error-rate', query: errorRate('low'), max: 0.01 })],
      minTraffic: { query: traffic('low'), min: 10 },
      settings: { ...fast, count: 2, inconclusiveLimit: 1 },
      prometheus: client(prometheus.url)
    })
    expect(result.verdict).toBe('inconclusive')
    for (const m of result.checks[0]?.measurements ?? []) {
      expect(m.phase).toBe('no-data')
      expect(m.message).toMatch(/^traffic [\d.]+ < minTraffic 10 \(onNoData: inconclusive\)$/)
    }
  })

  it('when Prometheus stops mid-run, errors use the error budget and the run ends inconclusive', async () => {
    const own = doomed
    try {
      let stopping: Promise<void> | undefined
      const options: RunAnalysisOptions = {
        checks: [check({ name: 'error-rate', query: errorRate('ok'), max: 0.01, onNoData: 'fail' })],
        settings: { ...fast, count: 10, errorLimit: 2 },
        prometheus: client(own.url),
        onMeasurement: () => void (stopping ??= own.stop())
      }
      const result = await runAnalysis(options)
      await stopping
      const phases = result.checks[0]?.measurements.map((m) => m.phase)
      expect(phases).toEqual(['successful', 'error', 'error', 'error'])
      expect(result.verdict).toBe('inconclusive')
      expect(result.reasons[0]).toMatch(
        new RegExp(
          `^error-rate: Prometheus query failed 3 times in a row: Cannot reach Prometheus at ${own.url}/api/v1/query: .*ECONNREFUSED`
        )
      )
    } finally {
      await own.stop()
    }
  })
})

describe('relative checks against a backfilled baseline (exact timestamps)', () => {
  // Baseline 0.40 for 10 minutes up to T0; afterwards "bad" is 0.60 (+50 %) and "ok" 0.42 (+5 %).
  const T0 = Math.floor(Date.now() / 1000 / 60) * 60 - 3600
  let prometheus: PrometheusInstance

  beforeAll(async () => {
    const lines = ['# TYPE app_latency_seconds gauge']
    for (const [version, after] of [
      ['bad', 0.6],
      ['ok', 0.42]
    ] as const) {
      for (let t = T0 - 600; t <= T0 + 300; t += 5)
        lines.push(`app_latency_seconds{version="${version}"} ${t <= T0 ? 0.4 : after} ${t}`)
    }
    lines.push('# EOF')
    prometheus = await backfill(lines.join('\n'))
  })

  afterAll(async () => {
    await prometheus?.stop()
  })

  it('catches +50 % against the pre-deploy baseline and tolerates +5 %', async () => {
    let t = (T0 + 60) * 1000
    const result = await runAnalysis({
      checks: [
        check({ name: 'latency-bad', query: 'app_latency_seconds{version="bad"}', maxIncrease: 0.1 }),
        check({ name: 'latency-ok', query: 'app_latency_seconds{version="ok"}', maxIncrease: 0.1 })
      ],
      settings: { ...fast, interval: 10_000, count: 3 },
      // The deploy happened at T0 and the analysis starts a minute later: the baseline ends at T0.
      baselineWindow: { window: 300_000, offset: 60_000 },
      prometheus: client(prometheus.url),
      now: () => new Date(t),
      sleep: async (ms) => void (t += ms),
      dryRun: true
    })
    expect(result.checks.map((c) => [c.name, c.status, c.condition.baseline])).toEqual([
      ['latency-bad', 'failed', expect.closeTo(0.4, 9)],
      ['latency-ok', 'passed', expect.closeTo(0.4, 9)]
    ])
    expect(result.checks[0]?.measurements[0]?.message).toBe('600 ms is +50% over baseline 400 ms (maxIncrease +10%)')
    expect(result.checks[1]?.measurements.map((m) => m.message)).toEqual(
      Array(3).fill('420 ms is +5% vs baseline 400 ms (maxIncrease +10%)')
    )
    expect(result.verdict).toBe('failed')
  })
})
