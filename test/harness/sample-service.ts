/**
 * A loopback service that exposes Prometheus metrics about synthetic traffic it generates itself:
 * `http_requests_total{status,version}` and `http_request_duration_seconds{version}` (histogram), on
 * its own prom-client Registry. A 100 ms timer "serves" requests at the configured rate with an exact
 * error ratio and latency (deterministic: fractional requests and errors are carried over), so tests
 * need no load generator and the numbers Prometheus computes are predictable.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Counter, Histogram, Registry } from 'prom-client'

export interface SampleServiceOptions {
  version?: string
  requestsPerSecond?: number
  errorRatio?: number
  /** Seconds observed for every request. */
  latency?: number
}

export interface SampleService {
  /** Base URL, e.g. http://127.0.0.1:41234 (metrics at /metrics, 200 at /healthz). */
  url: string
  /** host:port, for a Prometheus scrape target. */
  target: string
  version: string
  setErrorRatio(ratio: number): void
  setLatency(seconds: number): void
  setTraffic(requestsPerSecond: number): void
  /** Requests generated so far (all statuses). */
  served(): number
  stop(): Promise<void>
}

const TICK_MS = 100
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export async function startSampleService(options: SampleServiceOptions = {}): Promise<SampleService> {
  const version = options.version ?? 'v1'
  let rps = options.requestsPerSecond ?? 20
  let errorRatio = options.errorRatio ?? 0
  let latency = options.latency ?? 0.05

  const registry = new Registry()
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests served, by status and version.',
    labelNames: ['status', 'version'] as const,
    registers: [registry]
  })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Request latency.',
    labelNames: ['version'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry]
  })
  // Both status series exist from the start, as in a service that pre-initialises its counters;
  // otherwise the 5xx numerator would be an empty vector rather than 0.
  requests.inc({ status: '200', version }, 0)
  requests.inc({ status: '500', version }, 0)
  duration.zero({ version })

  let pendingRequests = 0
  let pendingErrors = 0
  let served = 0
  const timer = setInterval(() => {
    pendingRequests += (rps * TICK_MS) / 1000
    const n = Math.floor(pendingRequests)
    pendingRequests -= n
    if (n === 0) return
    pendingErrors += n * errorRatio
    const errors = Math.min(n, Math.floor(pendingErrors))
    pendingErrors -= errors
    requests.inc({ status: '500', version }, errors)
    requests.inc({ status: '200', version }, n - errors)
    for (let i = 0; i < n; i++) duration.observe({ version }, latency)
    served += n
  }, TICK_MS)

  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'Content-Type': registry.contentType })
          res.end(text)
        })
        .catch((error: unknown) => {
          res.writeHead(500)
          res.end(String(error))
        })
      return
    }
    res.writeHead(req.url === '/healthz' || req.url === '/' ? 200 : 404, { 'Content-Type': 'text/plain' })
    res.end(`sample service ${version}\n`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    version,
    setErrorRatio: (ratio) => void (errorRatio = ratio),
    setLatency: (seconds) => void (latency = seconds),
    setTraffic: (value) => void (rps = value),
    served: () => served,
    async stop() {
      clearInterval(timer)
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
