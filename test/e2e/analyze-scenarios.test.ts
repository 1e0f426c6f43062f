/**
 * `analyze` the way SRE teams use it, end to end: dist/index.js against the real Debian `prometheus`
 * binary scraping the loopback sample service, plus a loopback recorder standing in for Prometheus where
 * a test must prove that nothing was sent. Each test is a mistake or situation a user runs into.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startPrometheus, type PrometheusInstance } from '../harness/prometheus.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction } from './run-action.js'
import { apply, deployment, tempDir, type TempDir } from './fixtures.js'

let prometheus: PrometheusInstance
let service: SampleService
let sandbox: Sandbox
let dir: TempDir
let recorder: Server
let recorderUrl: string
const recorded: string[] = []

beforeAll(async () => {
  service = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0, latency: 0.05 })
  prometheus = await startPrometheus({ scrapeTargets: [service.target], scrapeInterval: '1s' })
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  // Answers like a Prometheus with no data, and remembers every request it was sent.
  recorder = createServer((req, res) => {
    recorded.push(req.url ?? '')
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }))
  })
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`
  await prometheus.waitForData('sum(rate(http_requests_total[5s]))', (v) => v > 0, 30000)
})

afterAll(async () => {
  await new Promise<void>((resolve) => (recorder ? recorder.close(() => resolve()) : resolve()))
  await service?.stop()
  await prometheus?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

describe('analyze scenarios', () => {
  it('refuses a range-vector or string query as a config error, before sending any query', async () => {
    recorded.length = 0
    const config = await dir.write(
      'shapes.yml',
      `
analysis:
  interval: 1s
  count: 2
  checks:
    - name: window
      query: rate(http_requests_total[1m])[5m:]
      max: 100
    - name: text
      query: '"hello"'
      max: 1
`
    )
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': recorderUrl })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/analysis\.checks\[0\]\.query: returns a range vector/)
    expect(run.stdout).toMatch(/analysis\.checks\[1\]\.query: returns a string/)
    expect(recorded).toEqual([])
  })

  it('stops a check at once when Prometheus rejects its query as invalid (a type error), inconclusive', async () => {
    const config = await dir.write(
      'type-error.yml',
      `
analysis:
  interval: 1s
  count: 10
  errorLimit: 4
  checks:
    - name: typo
      query: rate(sum(http_requests_total))
      max: 1
`
    )
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': prometheus.url })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.exitCode).not.toBe(0)
    const analysis = JSON.parse(run.outputs.analysis) as Array<{ status: string; reason: string; values: unknown[] }>
    // One measurement, not errorLimit + 1 of them: the same query can only be rejected again.
    expect(analysis[0]?.values).toHaveLength(1)
    expect(analysis[0]?.reason).toMatch(/^typo: invalid query, fix it in the config: /)
    expect(analysis[0]?.reason).toContain('expected type range vector in call to function "rate"')
  })

  it('never prints a password written into the Prometheus URL', async () => {
    const config = await dir.write(
      'userinfo.yml',
      `
analysis:
  interval: 1s
  count: 1
  checks:
    - name: traffic
      query: sum(rate(http_requests_total[5s]))
      min: 1
`
    )
    const url = new URL(prometheus.url)
    url.username = 'alice'
    url.password = 'pw-in-url-4711'
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': url.toString() })
    expect(run.outputs.verdict).toBe('passed')
    expect(run.masked).toContain('pw-in-url-4711')
    expect(run.everything).not.toContain('pw-in-url-4711')
  })

  it('reports {{version}} without a version or a target as a config error, before sending any query', async () => {
    recorded.length = 0
    const config = await dir.write(
      'no-version.yml',
      `
analysis:
  interval: 1s
  count: 1
  checks:
    - name: errors
      query: sum(rate(http_requests_total{status="500",version="{{version}}"}[5s]))
      max: 1
`
    )
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': recorderUrl })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/analysis\.checks\[0\]\.query: uses \{\{version\}\}, but no version is known/)
    expect(recorded).toEqual([])
  })

  it('reads the version from the target when only the minTraffic query uses {{version}}', async () => {
    apply(sandbox, deployment('gate', 'api', 'registry/api:v2', { replicas: 1 }))
    const config = await dir.write(
      'traffic-version.yml',
      `
analysis:
  interval: 1s
  count: 2
  minTraffic: { query: 'sum(rate(http_requests_total{version="{{version}}"}[5s]))', min: 1 }
  checks:
    - name: errors
      query: sum(rate(http_requests_total{status="500"}[5s])) / sum(rate(http_requests_total[5s]))
      max: 0.01
`
    )
    const run = await runAction({
      command: 'analyze',
      config,
      target: 'deployment/api',
      namespace: 'gate',
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url
    })
    // Before the version was looked up only for the checks' queries, so this was "no version is known".
    expect(run.outputs.verdict).toBe('passed')
    expect(run.everything).not.toContain('no version is known')
  })

  it('does not claim that no checks were configured when the analysis could not start', async () => {
    const config = await dir.write(
      'unknown-version.yml',
      `
analysis:
  interval: 1s
  count: 1
  checks:
    - name: errors
      query: sum(rate(http_requests_total{version="{{version}}"}[5s]))
      max: 1
`
    )
    // A target whose image tag cannot be read (no such Deployment): the version stays unknown.
    const run = await runAction({
      command: 'analyze',
      config,
      target: 'deployment/missing',
      namespace: 'gate',
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url
    })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.summary).toContain('no version is known')
    expect(run.summary).not.toContain('No metric checks were configured')
  })
})
