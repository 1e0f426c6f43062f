/**
 * Canary figures (issue 10, acceptance 8): time to abort for a 5× error regression — from the first
 * measurement that shows it to the routing restored — and Kubernetes API requests per step. The bundle
 * runs as the runner runs it against the in-process sandbox, with the real Debian Prometheus scraping
 * two loopback sample services (v1 the stable's version, v2 the canary's). The sandbox's store events
 * and request log are in this process's clock; the record's measurement times are in the child's, and
 * both are the machine's wall clock (ms).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { apply, deployment, resource, tempDir, waitFor, type TempDir } from '../test/e2e/fixtures.js'
import { runAction, type ActionRun } from '../test/e2e/run-action.js'
import { startPrometheus, type PrometheusInstance } from '../test/harness/prometheus.js'
import { startSampleService, type SampleService } from '../test/harness/sample-service.js'
import { startSandbox, type Sandbox } from '../test/sandbox/index.js'
import type { StoreEvent } from '../test/sandbox/store.js'
import { median, type BenchFigure } from './figure.js'

const RUNS = 3
const INTERVAL_MS = 2000
const BUNDLE = resolve(process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js')

const ratio = (track: string): string =>
  `sum(rate(http_requests_total{status=~"5..",version="${track}"}[3s])) / sum(rate(http_requests_total{version="${track}"}[3s]))`
/** The canary's error ratio over every other version's, per measurement (5 = five times the baseline). */
const vsBaseline = `(${ratio('{{version}}')}) / (${ratio('{{version}}').replace(/version="\{\{version\}\}"/g, 'version!="{{version}}"')})`

const judge = `
  judge:
    metrics:
      - name: error-ratio
        query: '${ratio('{{track}}')}'
        direction: increase
        allowedIncrease: 1.5
        critical: true`

const config = (steps: string): string => `
verify:
  timeout: 30s
  pollInterval: 200ms
analysis:
  interval: ${INTERVAL_MS}ms
  checks:
    - name: errors-vs-baseline
      query: '${vsBaseline}'
      max: 3
canary:
  steps: ${steps}
  traffic: { replicas: { canary: api-canary, stable: api } }${judge}
`
/** Long pauses: waiting one out would take 20 s; the abort must come at the first bad measurement. */
const ABORT_STEPS =
  '[ { weight: 25, pause: 20s }, { weight: 50, pause: 20s }, { weight: 75, pause: 20s }, { weight: 100 } ]'
const GOOD_STEPS =
  '[ { weight: 25, pause: 12s }, { weight: 50, pause: 12s }, { weight: 75, pause: 12s }, { weight: 100 } ]'

interface Env {
  sandbox: Sandbox
  prometheus: PrometheusInstance
  baseline: SampleService
  canary: SampleService
  dir: TempDir
}

async function canaryRun(env: Env, namespace: string, steps: string): Promise<ActionRun> {
  apply(
    env.sandbox,
    deployment(namespace, 'api', 'registry/api:v1', { replicas: 4 }),
    deployment(namespace, 'api-canary', 'registry/api:v2', { replicas: 0 })
  )
  await waitFor(() => {
    const object = env.sandbox.store.get(resource('Deployment', 'apps/v1'), namespace, 'api') as unknown as {
      status?: { readyReplicas?: number }
    }
    return object.status?.readyReplicas === 4
  }, `stable api ready in ${namespace}`)
  return runAction({
    command: 'canary',
    target: 'deployment/api',
    namespace,
    config: await env.dir.write(`${namespace}.yml`, config(steps)),
    kubeconfig: env.sandbox.kubeconfig,
    'prometheus-url': env.prometheus.url
  })
}

/**
 * One aborted canary: both versions at 2 % errors, the canary turning to 10 % three intervals after its
 * first replicas; ms from the first failed measurement (the record) to both Deployments back at their
 * original replicas (the sandbox's store).
 */
async function abortOnce(env: Env, namespace: string): Promise<{ ms: number; fromStart: number; firstBad: number }> {
  env.canary.setErrorRatio(0.02)
  await env.prometheus.waitForData(ratio('v2'), (v) => v > 0.015 && v < 0.025, 30_000)
  let shifted = false
  let restoredAt: number | undefined
  let badAt: number | undefined
  let turnBad: NodeJS.Timeout | undefined
  const replicas: { stable?: number; canary?: number } = { stable: 4, canary: 0 }
  const stop = env.sandbox.store.subscribe((event: StoreEvent) => {
    const meta = event.object.metadata
    if (event.resource.kind !== 'Deployment' || meta.namespace !== namespace) return
    const value = (event.object as unknown as { spec?: { replicas?: number } }).spec?.replicas
    if (meta.name === 'api') replicas.stable = value
    else if (meta.name === 'api-canary') replicas.canary = value
    if (!shifted && (replicas.canary ?? 0) > 0) {
      shifted = true
      turnBad = setTimeout(() => {
        badAt = Date.now()
        env.canary.setErrorRatio(0.1)
      }, 3 * INTERVAL_MS)
    }
    if (shifted && restoredAt === undefined && replicas.stable === 4 && replicas.canary === 0) restoredAt = Date.now()
  })
  try {
    const run = await canaryRun(env, namespace, ABORT_STEPS)
    if (run.outputs.action !== 'aborted') throw new Error(`${namespace}: expected an abort, got ${run.outputs.action}`)
    const analysis = run.record?.analysis as { checks: Array<{ measurements: Array<{ phase: string; time: string }> }> }
    const measurements = analysis.checks[0]?.measurements ?? []
    const index = measurements.findIndex((m) => m.phase === 'failed')
    if (index < 0 || restoredAt === undefined || badAt === undefined)
      throw new Error(`${namespace}: no failed measurement or no restore seen`)
    return {
      ms: restoredAt - Date.parse(measurements[index]!.time),
      fromStart: restoredAt - badAt,
      firstBad: index + 1
    }
  } finally {
    stop()
    clearTimeout(turnBad)
    env.canary.setErrorRatio(0.02)
  }
}

/** A promoted canary: the sandbox's requests during each step (from the record's step times). */
async function requestsPerStep(env: Env, namespace: string): Promise<{ perStep: number[]; total: number }> {
  // The aborted runs' 10 % must have left the rate window first.
  await env.prometheus.waitForData(ratio('v2'), (v) => v > 0.015 && v < 0.025, 30_000)
  const before = env.sandbox.requests.length
  const run = await canaryRun(env, namespace, GOOD_STEPS)
  if (run.outputs.action !== 'promoted')
    throw new Error(`${namespace}: expected a promotion, got ${run.outputs.action}: ${run.outputs.summary ?? ''}`)
  const requests = env.sandbox.requests.slice(before).filter((r) => r.path.includes(`/namespaces/${namespace}/`))
  const steps = (run.record?.canary as { steps: Array<{ startedAt: string; finishedAt: string }> }).steps
  const perStep = steps.map((step) => {
    const [from, to] = [Date.parse(step.startedAt), Date.parse(step.finishedAt)]
    return requests.filter((r) => r.time >= from && r.time <= to).length
  })
  return { perStep, total: requests.length }
}

export async function benchCanary(): Promise<BenchFigure[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} does not exist: run npm run build, or set DEPLOY_GUARD_BUNDLE`)
  const baseline = await startSampleService({ version: 'v1', requestsPerSecond: 50, errorRatio: 0.02 })
  const canary = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0.02 })
  const prometheus = await startPrometheus({ scrapeTargets: [baseline.target, canary.target], scrapeInterval: '1s' })
  const sandbox = await startSandbox({ timeScale: 20 })
  const dir = await tempDir()
  const env: Env = { sandbox, prometheus, baseline, canary, dir }
  try {
    await prometheus.waitForData(ratio('v1'), (v) => v > 0.015 && v < 0.025, 30_000)
    const aborts: Array<{ ms: number; fromStart: number; firstBad: number }> = []
    for (let i = 0; i < RUNS; i++) aborts.push(await abortOnce(env, `bench-canary-abort-${i}`))
    const times = aborts.map((a) => a.ms)
    const good = await requestsPerStep(env, 'bench-canary-good')
    const bundle = BUNDLE.replace(`${process.cwd()}/`, '')
    return [
      {
        name: 'canary: time to abort, 5× error ratio (first bad measurement → routing restored)',
        value: Math.round(median(times)),
        unit: 'ms',
        note: `median of ${RUNS} runs of ${bundle}; min ${Math.min(...times)} ms, max ${Math.max(...times)} ms; the canary turned bad mid-step (first failed measurement: ${aborts.map((a) => `#${a.firstBad}`).join(', ')}) of a 20 s pause; analysis interval ${INTERVAL_MS} ms, 1 s scrape`
      },
      {
        name: 'canary: time to abort in analysis intervals',
        value: Number((median(times) / INTERVAL_MS).toFixed(2)),
        unit: 'intervals',
        target: { max: 2 },
        note: 'issue 10 acceptance 2: ≤ 2 intervals after the first measurement that shows it'
      },
      {
        name: 'canary: regression start → routing restored (detection and abort)',
        value: Math.round(median(aborts.map((a) => a.fromStart))),
        unit: 'ms',
        note: `median of ${RUNS}; the error ratio must be scraped (1 s) and fill the 3 s rate window before a measurement (every ${INTERVAL_MS} ms) sees it: ${aborts.map((a) => a.fromStart).join(', ')} ms`
      },
      {
        name: 'canary: Kubernetes API requests per step (median)',
        value: median(good.perStep),
        unit: 'requests',
        note: `a promoted 4-step canary (replicas router, 4 stable pods, 12 s pauses): per step ${good.perStep.join(', ')}; the whole run (prepare, steps, promotion, scale-down) ${good.total}, counted in the sandbox's request log for the run's namespace`
      }
    ]
  } finally {
    await sandbox.stop()
    await prometheus.stop()
    await baseline.stop()
    await canary.stop()
    await dir.remove()
  }
}

// Run directly: `npx tsx bench/canary.ts` (DEPLOY_GUARD_BUNDLE=/path/index.js for another bundle).
if (import.meta.url === `file://${process.argv[1]}`) {
  benchCanary()
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
