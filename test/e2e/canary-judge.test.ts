/**
 * `canary` with the baseline judge (`canary.judge`), end to end: the bundle against the sandbox and
 * the real Debian `prometheus` scraping two loopback sample services, v1 (the stable's version, the
 * baseline track) and v2 (the canary's), whose error ratios the test sets. The judge compares the two
 * tracks' range series at each analysed step (Mann-Whitney U, Kayenta scoring).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startPrometheus, type PrometheusInstance } from '../harness/prometheus.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, resource, tempDir, waitFor, type TempDir } from './fixtures.js'

let prometheus: PrometheusInstance
let baseline: SampleService
let canary: SampleService
let sandbox: Sandbox
let dir: TempDir

const ratio = (track: string): string =>
  `sum(rate(http_requests_total{status=~"5..",version="${track}"}[3s])) / sum(rate(http_requests_total{version="${track}"}[3s]))`

beforeAll(async () => {
  baseline = await startSampleService({ version: 'v1', requestsPerSecond: 50, errorRatio: 0 })
  canary = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0 })
  prometheus = await startPrometheus({ scrapeTargets: [baseline.target, canary.target], scrapeInterval: '1s' })
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  // Both tracks must have a rate before a step can judge them (two scrapes each), not a fixed wait.
  await prometheus.waitForData(ratio('v1'), (v) => v === 0, 30000)
  await prometheus.waitForData(ratio('v2'), (v) => v === 0, 30000)
})

afterAll(async () => {
  await baseline?.stop()
  await canary?.stop()
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
  steps: [ { weight: 50, pause: 4s }, { weight: 100 } ]
  traffic: { replicas: { canary: api-canary, stable: api } }
  judge:
    metrics:
      - name: error-ratio
        query: '${ratio('{{track}}')}'
        direction: increase
        minSamples: 4
`

function replicasAndImage(namespace: string, name: string): { replicas: number; image: string } {
  const object = sandbox.store.get(resource('Deployment', 'apps/v1'), namespace, name) as unknown as {
    spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } }
  }
  return { replicas: object.spec.replicas, image: object.spec.template.spec.containers[0]!.image }
}

async function canaryRun(namespace: string): Promise<ActionRun> {
  apply(
    sandbox,
    deployment(namespace, 'api', 'registry/api:v1', { replicas: 2 }),
    deployment(namespace, 'api-canary', 'registry/api:v2', { replicas: 0 })
  )
  await waitFor(() => {
    const object = sandbox.store.get(resource('Deployment', 'apps/v1'), namespace, 'api') as unknown as {
      status?: { readyReplicas?: number }
    }
    return object.status?.readyReplicas === 2
  }, 'stable api ready')
  return runAction({
    command: 'canary',
    target: 'deployment/api',
    namespace,
    config: await dir.write(`${namespace}.yml`, CONFIG),
    kubeconfig: sandbox.kubeconfig,
    'prometheus-url': prometheus.url
  })
}

describe('canary with the baseline judge, end to end', () => {
  it('promotes a canary whose error ratio matches the baseline', async () => {
    canary.setErrorRatio(0)
    await prometheus.waitForData(ratio('v2'), (v) => v === 0, 30000)
    const run = await canaryRun('judge-good')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.outputs.action).toBe('promoted')
    expect(run.stdout).toMatch(/judge \(v2 vs v1\): pass/)
    expect(run.summary).toContain('| Judge |')
    expect(replicasAndImage('judge-good', 'api')).toEqual({ replicas: 2, image: 'registry/api:v2' })
    expect(replicasAndImage('judge-good', 'api-canary').replicas).toBe(0)
  })

  it('aborts a canary whose error ratio is far above the baseline, though its own checks pass', async () => {
    canary.setErrorRatio(0.3)
    await prometheus.waitForData(ratio('v2'), (v) => v > 0.25, 30000)
    const run = await canaryRun('judge-bad')
    canary.setErrorRatio(0)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.stdout).toContain('analysis: passed')
    expect(run.stdout).toMatch(/judge \(v2 vs v1\): fail/)
    expect(run.summary).toContain('baseline judge')
    expect(replicasAndImage('judge-bad', 'api')).toEqual({ replicas: 2, image: 'registry/api:v1' })
    expect(replicasAndImage('judge-bad', 'api-canary').replicas).toBe(0)
  })
})
