/**
 * `analyze` and metric checks in `verify`, end to end: dist/index.js in a child process against the
 * real Debian `prometheus` binary scraping a loopback sample service whose errors the test controls.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { startPrometheus, type PrometheusInstance } from '../harness/prometheus.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, tempDir, waitFor, type TempDir } from './fixtures.js'

let prometheus: PrometheusInstance
let service: SampleService
let sandbox: Sandbox
let dir: TempDir

const errorRatio = `sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[5s])) / sum(rate(http_requests_total{version="{{version}}"}[5s]))`
/** The same query as the sample service's v2 sees it, for waiting on data. */
const errorRatioV2 = errorRatio.replace(/\{\{version\}\}/g, 'v2')

beforeAll(async () => {
  service = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0, latency: 0.05 })
  prometheus = await startPrometheus({ scrapeTargets: [service.target], scrapeInterval: '1s' })
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  // Wait until a rate over the window can be computed (needs two scrapes), not for a fixed time.
  await prometheus.waitForData('sum(rate(http_requests_total[5s]))', (v) => v > 0, 30000)
})

afterAll(async () => {
  await service?.stop()
  await prometheus?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

const analysisConfig = (count: number, max: number): string => `
analysis:
  interval: 1s
  count: ${count}
  failureLimit: 0
  checks:
    - name: error-rate
      query: '${errorRatio}'
      max: ${max}
`

/** `verify` of a one-replica Deployment running `image`, with the config's metric checks. */
async function verifyWithMetrics(namespace: string, image: string, configText: string): Promise<ActionRun> {
  apply(sandbox, deployment(namespace, 'api', image, { replicas: 1 }))
  return runAction({
    command: 'verify',
    target: 'deployment/api',
    namespace,
    config: await dir.write(`${namespace}.yml`, configText),
    kubeconfig: sandbox.kubeconfig,
    'prometheus-url': prometheus.url
  })
}

describe('analyze, end to end', () => {
  it('passes a healthy service and reports every measurement', async () => {
    service.setErrorRatio(0)
    const config = await dir.write('healthy.yml', analysisConfig(3, 0.01))
    const run = await runAction({
      command: 'analyze',
      config,
      'prometheus-url': prometheus.url,
      version: 'v2',
      'prometheus-token': 'prom-secret-token-123'
    })
    expect(run.outputs.verdict).toBe('passed')
    expect(run.exitCode).toBe(0)
    const analysis = JSON.parse(run.outputs.analysis) as Array<{ name: string; status: string; values: unknown[] }>
    expect(analysis[0].name).toBe('error-rate')
    expect(analysis[0].status).toBe('passed')
    expect(run.summary).toContain('version="v2"') // the query as sent, templated
    expect(run.summary).toContain('```mermaid')
    expect(run.everything).not.toContain('prom-secret-token-123')
  })

  it('fails with the value and the condition when the error ratio rises', async () => {
    service.setErrorRatio(0.2)
    await prometheus.waitForData(errorRatioV2, (v) => v > 0.05, 30000)
    const config = await dir.write('errors.yml', analysisConfig(5, 0.01))
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': prometheus.url, version: 'v2' })
    service.setErrorRatio(0)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(/error-rate \d+(\.\d+)? % > max 1 %/)
  })

  it('reports what it would have decided in a dry run, without failing the step', async () => {
    service.setErrorRatio(0.2)
    await prometheus.waitForData(errorRatioV2, (v) => v > 0.05, 30000)
    const config = await dir.write('dry.yml', analysisConfig(2, 0.01))
    const run = await runAction({
      command: 'analyze',
      config,
      'prometheus-url': prometheus.url,
      version: 'v2',
      'dry-run': 'true'
    })
    service.setErrorRatio(0)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.summary).toMatch(/dry run/i)
  })

  it('is inconclusive, never passed or failed, when Prometheus cannot be reached', async () => {
    const config = await dir.write(
      'down.yml',
      analysisConfig(2, 0.01) + '  errorLimit: 1\nprometheus:\n  retries: 1\n  timeout: 1s\n'
    )
    const run = await runAction({ command: 'analyze', config, 'prometheus-url': 'http://127.0.0.1:9', version: 'v2' })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.exitCode).not.toBe(0)
  })

  it('runs the metric checks inside verify, after the rollout checks', async () => {
    service.setErrorRatio(0)
    await prometheus.waitForData(errorRatioV2, (v) => v === 0, 30000)
    const run = await verifyWithMetrics(
      'metrics',
      'registry/api:v2',
      'verify:\n  timeout: 30s\n  pollInterval: 200ms\n' + analysisConfig(2, 0.01)
    )
    // {{version}} comes from the image tag of the target (v2), which is what the sample service reports.
    expect(run.outputs.verdict).toBe('passed')
    expect(run.summary).toContain('Rollout complete')
    expect(run.summary).toContain('error-rate')
  })

  it('does not spend time measuring a rollout that already failed, and says so', async () => {
    const run = await verifyWithMetrics(
      'metrics-broken',
      'registry/api:v2-crashloop',
      'verify:\n  timeout: 30s\n  failFastAfter: 1s\n  pollInterval: 200ms\n' + analysisConfig(30, 0.01)
    )
    expect(run.outputs.verdict).toBe('failed')
    expect(run.stdout).toContain('PromQL analysis skipped: the rollout checks already failed')
    expect(run.summary).toMatch(/PromQL analysis \| 1 metric check\(s\) \| not run \| ➖ skipped/)
    expect(JSON.parse(run.outputs.analysis)).toEqual([])
  })

  it('stops measuring and reports inconclusive when the job is cancelled', async () => {
    service.setErrorRatio(0)
    const config = await dir.write('cancel.yml', analysisConfig(60, 0.01))
    let child: ChildProcess | undefined
    const started = Date.now()
    const pending = runAction(
      { command: 'analyze', config, 'prometheus-url': prometheus.url, version: 'v2' },
      {},
      { onSpawn: (c) => (child = c) }
    )
    // Cancel once the first measurement has been logged (the run is in its measurement loop).
    const spawned = await waitFor(() => child, 'the action to start')
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        if (chunk.toString().includes('error-rate:')) {
          spawned.stdout!.off('data', onData)
          resolve()
        }
      }
      spawned.stdout!.on('data', onData)
    })
    spawned.kill('SIGINT')
    const run = await pending
    expect(Date.now() - started).toBeLessThan(30000) // not the 60 s the analysis would take
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.exitCode).not.toBe(0)
  })
})
