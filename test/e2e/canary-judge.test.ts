/**
 * `canary` with the baseline judge (`canary.judge`), end to end: the bundle against the sandbox and
 * the real Debian `prometheus` scraping two loopback sample services, v1 (the stable's version, the
 * baseline track) and v2 (the canary's), whose error ratios the test sets. The judge compares the two
 * tracks' range series at each analysed step (Mann-Whitney U, Kayenta scoring).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { StoreEvent } from '../sandbox/store.js'
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

async function canaryRun(namespace: string, config = CONFIG): Promise<ActionRun> {
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
    config: await dir.write(`${namespace}.yml`, config),
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
    expect(run.summary).toContain(
      '**Result:** promoted api-canary to api after 2 of 2 steps (50 % → 100 %); baseline judge pass 100'
    )
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
    // The records say where and why: the step, its weight, the metric against the baseline and the p-value.
    expect(run.summary).toMatch(
      /\*\*Cause:\*\* aborted at step 1 of 2 \(weight 50 %\): error-ratio \S+ vs 0 in the baseline \(p/
    )
    expect(run.summary).toContain('routing restored, traffic back on api; canary api-canary at 0')
    expect(run.summary).toMatch(/\| 1 \| error-ratio \| [^|]+\(n=\d+\) \| 0 \(n=\d+\) \|/)
    expect(replicasAndImage('judge-bad', 'api')).toEqual({ replicas: 2, image: 'registry/api:v1' })
    expect(replicasAndImage('judge-bad', 'api-canary').replicas).toBe(0)
  })
})

/** The canary's error ratio over every other version's, per measurement: 5× the baseline reads 5. */
const vsBaseline = `(${ratio('{{version}}')}) / (${ratio('{{version}}').replace(/version="\{\{version\}\}"/g, 'version!="{{version}}"')})`

/**
 * Time to abort (issue 10, acceptance 2): every step has a long pause, and the background check
 * compares the canary's error ratio with the baseline's at each 2 s measurement. Waiting out the pause
 * would take 20 s; the abort must have restored the routing within 2 intervals of the first
 * measurement that showed the 5× ratio.
 */
const INTERVAL_MS = 2000
const ABORT_CONFIG = `
verify:
  timeout: 30s
  pollInterval: 200ms
analysis:
  interval: 2s
  checks:
    - name: errors-vs-baseline
      query: '${vsBaseline}'
      max: 3
canary:
  steps: [ { weight: 25, pause: 20s }, { weight: 50, pause: 20s }, { weight: 75, pause: 20s }, { weight: 100 } ]
  traffic: { replicas: { canary: api-canary, stable: api } }
  judge:
    metrics:
      - name: error-ratio
        query: '${ratio('{{track}}')}'
        direction: increase
        allowedIncrease: 1.5
        critical: true
`

interface Replicas {
  stable?: number
  canary?: number
}

/**
 * Watches the two Deployments: calls `onShift` once when the canary first gets replicas, and notes when
 * (Date.now()) both are back at their original replicas after that.
 */
function watchRouting(
  namespace: string,
  original: Replicas,
  onShift: () => void
): { restoredAt: () => number | undefined; stop: () => void } {
  const now: Replicas = { ...original }
  let shifted = false
  let restoredAt: number | undefined
  const stop = sandbox.store.subscribe((event: StoreEvent) => {
    const meta = event.object.metadata
    if (event.resource.kind !== 'Deployment' || meta.namespace !== namespace) return
    const replicas = (event.object as unknown as { spec?: { replicas?: number } }).spec?.replicas
    if (meta.name === 'api') now.stable = replicas
    else if (meta.name === 'api-canary') now.canary = replicas
    else return
    if (!shifted && (now.canary ?? 0) > 0) {
      shifted = true
      onShift()
    }
    if (shifted && restoredAt === undefined && now.stable === original.stable && now.canary === original.canary)
      restoredAt = Date.now()
  })
  return { restoredAt: () => restoredAt, stop }
}

describe('time to abort', () => {
  it('restores the routing within 2 intervals of the first measurement that shows a 5× error ratio', async () => {
    // Both versions start alike; the canary turns bad mid-step, a few measurements into its 20 s pause.
    baseline.setErrorRatio(0.02)
    canary.setErrorRatio(0.02)
    let turnBad: NodeJS.Timeout | undefined
    try {
      await prometheus.waitForData(ratio('v1'), (v) => v > 0.015 && v < 0.025, 30000)
      await prometheus.waitForData(ratio('v2'), (v) => v > 0.015 && v < 0.025, 30000)
      const watch = watchRouting('judge-abort-time', { stable: 2, canary: 0 }, () => {
        turnBad = setTimeout(() => canary.setErrorRatio(0.1), 3 * INTERVAL_MS)
      })
      const run = await canaryRun('judge-abort-time', ABORT_CONFIG).finally(watch.stop)
      expect(run.outputs.verdict).toBe('failed')
      expect(run.outputs.action).toBe('aborted')
      const analysis = run.record?.analysis as {
        checks: Array<{ measurements: Array<{ phase: string; time: string; value: number | null }> }>
      }
      const measurements = analysis.checks[0]!.measurements
      const firstBad = measurements.findIndex((m) => m.phase === 'failed')
      // Good measurements came first: the failure was seen mid-step, not at its start.
      expect(firstBad).toBeGreaterThan(0)
      expect(measurements.slice(0, firstBad).every((m) => m.phase === 'successful')).toBe(true)
      const restoredAt = watch.restoredAt()
      expect(restoredAt).toBeDefined()
      const intervals = (restoredAt! - Date.parse(measurements[firstBad]!.time)) / INTERVAL_MS
      process.stdout.write(
        `time to abort: ${(intervals * INTERVAL_MS).toFixed(0)} ms = ${intervals.toFixed(2)} intervals after the first bad measurement ` +
          `(measurement ${firstBad + 1}, ratio ${measurements[firstBad]!.value?.toFixed(2)} to the baseline)\n`
      )
      expect(intervals).toBeGreaterThan(0)
      expect(intervals).toBeLessThanOrEqual(2)
      // Aborted at the first step, long before its pause was over; the stable untouched.
      expect(run.record?.canary).toMatchObject({ steps: [{ number: 1, decision: 'abort' }] })
      expect(run.summary).toContain('**Cause:** aborted at step 1 of 4 (weight 25 %): errors-vs-baseline')
      expect(replicasAndImage('judge-abort-time', 'api')).toEqual({ replicas: 2, image: 'registry/api:v1' })
      expect(replicasAndImage('judge-abort-time', 'api-canary').replicas).toBe(0)
    } finally {
      clearTimeout(turnBad)
      baseline.setErrorRatio(0)
      canary.setErrorRatio(0)
    }
  }, 60_000)
})
