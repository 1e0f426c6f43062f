/**
 * Blue-green's pre-promotion gate with the baseline judge, end to end: the bundle against the sandbox
 * and the real Debian `prometheus` scraping two loopback sample services, v1 (blue's version, the
 * baseline track) and v2 (green's). Green's own PromQL check (traffic) passes either way; the judge
 * compares green's error ratio with blue's and must stop the switch when green's is far higher.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startPrometheus, type PrometheusInstance } from '../harness/prometheus.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, resource, service, tempDir, waitFor, type TempDir } from './fixtures.js'

let prometheus: PrometheusInstance
let blue: SampleService
let green: SampleService
let sandbox: Sandbox
let dir: TempDir

const ratio = (track: string): string =>
  `sum(rate(http_requests_total{status=~"5..",version="${track}"}[3s])) / sum(rate(http_requests_total{version="${track}"}[3s]))`

beforeAll(async () => {
  blue = await startSampleService({ version: 'v1', requestsPerSecond: 50, errorRatio: 0 })
  green = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0 })
  prometheus = await startPrometheus({ scrapeTargets: [blue.target, green.target], scrapeInterval: '1s' })
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  await prometheus.waitForData(ratio('v1'), (v) => v === 0, 30000)
})

afterAll(async () => {
  await blue?.stop()
  await green?.stop()
  await prometheus?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

const CONFIG = `
verify:
  timeout: 30s
  pollInterval: 200ms
analysis:
  interval: 500ms
  checks:
    - name: traffic
      query: 'sum(rate(http_requests_total{version="{{version}}"}[3s]))'
      min: 1
canary:
  strategy: blueGreen
  workload: web-green
  blueGreen:
    activeService: web
    prePromotion: { pause: 4s }
    postPromotion: { pause: 1s }
    scaleDownDelay: 0
  judge:
    metrics:
      - name: error-ratio
        query: '${ratio('{{track}}')}'
        direction: increase
        minSamples: 4
`

const deployments = () => resource('Deployment', 'apps/v1')

const coloured = (namespace: string, name: string, image: string, replicas: number, colour: string): object =>
  deployment(namespace, name, image, { replicas, podLabels: { role: 'web', colour } })

const replicasOf = (namespace: string, name: string): number =>
  (sandbox.store.get(deployments(), namespace, name) as unknown as { spec: { replicas: number } }).spec.replicas
const activeSelector = (namespace: string): Record<string, string> =>
  (
    sandbox.store.get(resource('Service', 'v1'), namespace, 'web') as unknown as {
      spec: { selector: Record<string, string> }
    }
  ).spec.selector

async function blueGreenRun(namespace: string): Promise<ActionRun> {
  apply(
    sandbox,
    coloured(namespace, 'web-blue', 'registry/web:v1', 2, 'blue'),
    coloured(namespace, 'web-green', 'registry/web:v2', 0, 'green'),
    service(namespace, 'web', { role: 'web', colour: 'blue' })
  )
  await waitFor(() => {
    const object = sandbox.store.get(deployments(), namespace, 'web-blue') as unknown as {
      status?: { readyReplicas?: number }
    }
    return object.status?.readyReplicas === 2
  }, 'blue ready')
  return runAction({
    command: 'canary',
    target: 'deployment/web-blue',
    namespace,
    config: await dir.write(`${namespace}.yml`, CONFIG),
    kubeconfig: sandbox.kubeconfig,
    'prometheus-url': prometheus.url
  })
}

describe('blue-green with the baseline judge before the switch, end to end', () => {
  it('switches when green matches blue', async () => {
    green.setErrorRatio(0)
    await prometheus.waitForData(ratio('v2'), (v) => v === 0, 30000)
    const run = await blueGreenRun('bgj-good')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.outputs.action).toBe('promoted')
    expect(run.stdout).toMatch(/judge \(v2 vs v1\): pass/)
    expect(activeSelector('bgj-good')).toEqual({ role: 'web', colour: 'green' })
    // scaleDownDelay 0: blue is left running.
    expect(replicasOf('bgj-good', 'web-blue')).toBe(2)
  })

  it('never switches when green errs far more than blue, though its own check passes', async () => {
    green.setErrorRatio(0.3)
    await prometheus.waitForData(ratio('v2'), (v) => v > 0.25, 30000)
    const run = await blueGreenRun('bgj-bad')
    green.setErrorRatio(0)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.stdout).toContain('pre-promotion analysis: passed')
    expect(run.stdout).toMatch(/judge \(v2 vs v1\): fail/)
    expect(run.summary).toContain('baseline judge')
    expect(activeSelector('bgj-bad')).toEqual({ role: 'web', colour: 'blue' })
    expect(replicasOf('bgj-bad', 'web-green')).toBe(0)
    expect(replicasOf('bgj-bad', 'web-blue')).toBe(2)
  })
})
