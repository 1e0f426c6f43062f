/**
 * `canary` with the replicas router, end to end: the bundle in a child process against the sandbox
 * cluster (stable `api` with 4 replicas, canary `api-canary` at 0 with the new image, one Service) and
 * a loopback fake Prometheus answering the error-ratio check with a good or a bad value.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakePrometheus, type FakePrometheus, type PromBehaviour } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, resource, service, tempDir, waitFor, type TempDir } from './fixtures.js'

let sandbox: Sandbox
let dir: TempDir
const started: FakePrometheus[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
})

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()))
  await sandbox?.stop()
  await dir?.remove()
})

const deployments = () => resource('Deployment', 'apps/v1')

interface DeploymentView {
  replicas: number
  image: string
  readyReplicas: number
}

function view(namespace: string, name: string): DeploymentView {
  const object = sandbox.store.get(deployments(), namespace, name) as unknown as {
    spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } }
    status?: { readyReplicas?: number }
  }
  return {
    replicas: object.spec.replicas,
    image: object.spec.template.spec.containers[0]!.image,
    readyReplicas: object.status?.readyReplicas ?? 0
  }
}

const CONFIG = `
verify:
  timeout: 30s
  pollInterval: 200ms
analysis:
  interval: 500ms
  checks:
    - name: error-rate
      query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))'
      max: 0.01
canary:
  steps: [ { weight: 25, pause: 1s }, { weight: 50, pause: 1s }, { weight: 100 } ]
  traffic: { replicas: { canary: api-canary, stable: api } }
`

/** A Deployment whose pods also carry `service: api`, the label the one Service selects. */
const behindService = (namespace: string, name: string, image: string, replicas: number): object =>
  deployment(namespace, name, image, { replicas, podLabels: { service: 'api' } })

/**
 * A namespace with stable api (4 × v1, ready) and api-canary (0 × v2) behind one Service, then a canary
 * run whose check queries get `answer` (the error ratio, or no data).
 */
async function canaryRun(
  namespace: string,
  answer: PromBehaviour,
  extraInputs: Record<string, string> = {}
): Promise<{ run: ActionRun; prometheus: FakePrometheus }> {
  const prometheus = await startFakePrometheus({ queries: [answer] })
  started.push(prometheus)
  apply(
    sandbox,
    behindService(namespace, 'api', 'registry/api:v1', 4),
    behindService(namespace, 'api-canary', 'registry/api:v2', 0),
    service(namespace, 'api', { service: 'api' })
  )
  await waitFor(() => view(namespace, 'api').readyReplicas === 4, 'stable api ready')
  const run = await runAction({
    command: 'canary',
    target: 'deployment/api',
    namespace,
    config: await dir.write(`${namespace}.yml`, CONFIG),
    kubeconfig: sandbox.kubeconfig,
    'prometheus-url': prometheus.url,
    ...extraInputs
  })
  return { run, prometheus }
}

describe('canary (replicas router), end to end', () => {
  it('promotes a canary whose every step passes: stable runs the canary image, canary at 0', async () => {
    const { run, prometheus } = await canaryRun('canary-good', { kind: 'value', value: 0 })
    expect(run.stderr).toBe('')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.outputs.action).toBe('promoted')
    expect(run.exitCode).toBe(0)
    expect(view('canary-good', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v2' })
    expect(view('canary-good', 'api-canary').replicas).toBe(0)
    await waitFor(() => view('canary-good', 'api').readyReplicas === 4, 'promoted stable ready')
    // Progress at every step, and the queries sent for the canary's version (its image tag).
    expect(run.stdout).toContain('step 1: advance')
    expect(run.stdout).toContain('step 2: advance')
    expect(run.stdout).toContain('step 3: promote')
    expect(prometheus.requests.some((r) => (r.params.query ?? '').includes('version="v2"'))).toBe(true)
    expect(run.summary).toContain('### 🐤 Canary')
    expect(run.summary).toContain('🚀 promote')
    // The last analysis that ran (step 2) is the one reported; the final step has no pause.
    const analysis = JSON.parse(run.outputs.analysis) as Array<{ name: string; status: string }>
    expect(analysis).toEqual([expect.objectContaining({ name: 'error-rate', status: 'passed' })])
  })

  it('aborts at the first step on a bad error ratio: routing restored, stable untouched, canary at 0', async () => {
    const { run } = await canaryRun('canary-bad', { kind: 'value', value: 0.2 })
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.exitCode).not.toBe(0)
    expect(view('canary-bad', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(view('canary-bad', 'api-canary').replicas).toBe(0)
    expect(run.stdout).toContain('step 1: abort')
    expect(run.stdout).not.toContain('step 2:')
    expect(run.summary).toContain('🛑 abort')
    expect(run.summary).toMatch(/error-rate/)
    // The traffic is already back on stable: no advice to undo the canary Deployment.
    expect(run.summary).toContain('traffic back on api; canary api-canary at 0')
    // The stable carries the traffic again, and the run checked it does.
    expect(run.summary).toContain('stable api verified healthy')
    expect(run.stdout).not.toContain('rollout undo')
  })

  it('never promotes on silence: no data aborts inconclusive, with the routing restored', async () => {
    const { run } = await canaryRun('canary-silent', { kind: 'empty' })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('aborted')
    expect(run.exitCode).not.toBe(0)
    expect(view('canary-silent', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(view('canary-silent', 'api-canary').replicas).toBe(0)
    expect(run.stdout).toContain('step 1: abort')
  })

  it('changes nothing in a dry run and says what it would have done', async () => {
    const { run } = await canaryRun('canary-dry', { kind: 'value', value: 0 }, { 'dry-run': 'true' })
    expect(run.outputs.verdict).toBe('passed')
    expect(run.outputs.action).toBe('none')
    expect(run.stdout).toContain('dry run: would set the canary weight to 25 %')
    expect(view('canary-dry', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(view('canary-dry', 'api-canary').replicas).toBe(0)
  })
})
