/**
 * Detection latency: how long after a service starts failing (5 % errors) does the analysis reach
 * `failed`, with a 1 s scrape interval and a 1 s analysis interval? Real Prometheus and the sample
 * service from test/harness. The floor is scrape interval + analysis interval: the errors must be
 * scraped, then the next tick must query them.
 */
import { runAnalysis } from '../src/analysis/run.js'
import { PrometheusClient } from '../src/prometheus/client.js'
import { startPrometheus } from '../test/harness/prometheus.js'
import { startSampleService, type SampleService } from '../test/harness/sample-service.js'
import { median } from './figure.js'

const RUNS = 5
const SCRAPE_S = 1
const INTERVAL_MS = 1000

const errorRate = (v: string) =>
  `sum(rate(http_requests_total{status="500",version="${v}"}[5s])) / sum(rate(http_requests_total{version="${v}"}[5s]))`

/** One run: healthy first measurement, then 5 % errors from T; ms from T to the failed verdict. */
async function detectOnce(service: SampleService, prometheusUrl: string): Promise<number> {
  let switchedAt: number | undefined
  const result = await runAnalysis({
    checks: [
      {
        name: 'error-rate',
        query: errorRate(service.version),
        max: 0.01,
        onNoData: 'inconclusive',
        onNaN: 'no-data',
        dryRun: false
      }
    ],
    settings: {
      initialDelay: 0,
      interval: INTERVAL_MS,
      count: 60,
      failureLimit: 0,
      inconclusiveLimit: 0,
      errorLimit: 2
    },
    prometheus: new PrometheusClient({ url: prometheusUrl, timeout: 2000, retries: 1, headers: {} }),
    onMeasurement: (_name, m) => {
      if (switchedAt === undefined && m.phase === 'successful') {
        service.setErrorRatio(0.05)
        switchedAt = Date.now()
      }
    }
  })
  const finished = Date.parse(result.finishedAt)
  if (result.verdict !== 'failed' || switchedAt === undefined) {
    throw new Error(`expected a failed verdict after the switch, got ${result.verdict}: ${result.reasons.join('; ')}`)
  }
  return finished - switchedAt
}

export async function benchDetection(): Promise<Array<{ name: string; value: number; unit: string; note?: string }>> {
  const services = await Promise.all(
    Array.from({ length: RUNS }, (_, i) => startSampleService({ version: `bench-${i}`, requestsPerSecond: 100 }))
  )
  const prometheus = await startPrometheus({
    scrapeTargets: services.map((s) => s.target),
    scrapeInterval: `${SCRAPE_S}s`
  })
  try {
    await Promise.all(
      services.map((s) =>
        prometheus.waitForData(`sum(rate(http_requests_total{version="${s.version}"}[5s]))`, (x) => x > 0)
      )
    )
    const times: number[] = []
    for (const service of services) times.push(await detectOnce(service, prometheus.url))
    const floor = SCRAPE_S * 1000 + INTERVAL_MS
    return [
      {
        name: 'analysis detection time (5% errors, 1s scrape, 1s interval)',
        value: Math.round(median(times)),
        unit: 'ms',
        note: `median of ${RUNS} runs; min ${Math.min(...times)} ms, max ${Math.max(...times)} ms; expected at most ~${floor} ms (scrape interval + analysis interval), less when a scrape and a tick happen to follow the change closely`
      },
      {
        name: 'analysis detection floor',
        value: floor,
        unit: 'ms',
        note: 'scrape interval + analysis interval: the worst case of a perfect poller'
      }
    ]
  } finally {
    await prometheus.stop()
    await Promise.all(services.map((s) => s.stop()))
  }
}

// Run directly: `npx tsx bench/detection.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchDetection()
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
