/**
 * `canary` flows beyond a plain weight ramp, end to end (the bundle in a child process against the
 * sandbox, a loopback fake Prometheus): the hotfix fast-track (one pod, then all) and a crash-looping
 * hotfix stopped at one pod; `onNoData: hold` evaluating again until the step's deadline; a manual
 * pause resumed (`canary-resume: continue`) or aborted; the `image` input making the canary from the
 * stable; and a cancelled job that still puts the traffic back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakePrometheus, type FakePrometheus, type PromBehaviour } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js'
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
  labels: Record<string, string>
  annotations: Record<string, string>
}

function view(namespace: string, name: string): DeploymentView | undefined {
  const object = sandbox.store.get(deployments(), namespace, name) as unknown as
    | {
        metadata: { annotations?: Record<string, string> }
        spec: {
          replicas: number
          template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string }> } }
        }
        status?: { readyReplicas?: number }
      }
    | undefined
  if (!object) return undefined
  return {
    replicas: object.spec.replicas,
    image: object.spec.template.spec.containers[0]!.image,
    readyReplicas: object.status?.readyReplicas ?? 0,
    labels: object.spec.template.metadata.labels,
    annotations: object.metadata.annotations ?? {}
  }
}

const must = (namespace: string, name: string): DeploymentView => {
  const found = view(namespace, name)
  if (!found) throw new Error(`Deployment ${namespace}/${name} not found`)
  return found
}

const config = (canary: string): string => `
verify:
  timeout: 30s
  pollInterval: 200ms
  failFastAfter: 1s
analysis:
  interval: 500ms
  checks:
    - name: error-rate
      query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))'
      max: 0.01
canary:
${canary}
`

/** A Deployment whose pods also carry `service: api`, the label the one Service selects. */
const behindService = (namespace: string, name: string, image: string, replicas: number): object =>
  deployment(namespace, name, image, { replicas, podLabels: { service: 'api' } })

/** Stable api (4 × v1, ready) and, unless `withCanary` is false, api-canary (0 × `canaryImage`) behind one Service. */
async function setUp(namespace: string, canaryImage = 'registry/api:v2', withCanary = true): Promise<void> {
  apply(
    sandbox,
    behindService(namespace, 'api', 'registry/api:v1', 4),
    ...(withCanary ? [behindService(namespace, 'api-canary', canaryImage, 0)] : []),
    service(namespace, 'api', { service: 'api' })
  )
  await waitFor(() => view(namespace, 'api')?.readyReplicas === 4, 'stable api ready')
}

async function canary(
  namespace: string,
  canarySection: string,
  answer: PromBehaviour,
  extraInputs: Record<string, string> = {},
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const prometheus = await startFakePrometheus({ queries: [answer] })
  started.push(prometheus)
  return runAction(
    {
      command: 'canary',
      target: 'deployment/api',
      namespace,
      config: await dir.write(`${namespace}-${started.length}.yml`, config(canarySection)),
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url,
      ...extraInputs
    },
    {},
    options
  )
}

const GOOD: PromBehaviour = { kind: 'value', value: 0 }

describe('hotfix fast-track (replicas: N)', () => {
  it('runs one canary pod, then all, and promotes', async () => {
    await setUp('hotfix-good')
    const run = await canary('hotfix-good', '  steps: [ { replicas: 1, pause: 1s }, { weight: 100 } ]', GOOD)
    expect(run.outputs.action).toBe('promoted')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.stdout).toContain('effective 25.0 % of the pods on the canary')
    expect(run.stdout).toContain('step 1: advance')
    expect(run.stdout).toContain('step 2: promote')
    expect(must('hotfix-good', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v2' })
    expect(must('hotfix-good', 'api-canary').replicas).toBe(0)
    expect(run.summary).toContain('1 pod(s)')
  })

  it('stops a crash-looping hotfix at one pod: aborted, routing restored, the stable untouched', async () => {
    await setUp('hotfix-crash', 'registry/api:v2-crashloop')
    const replicasSeen: number[] = []
    const timer = setInterval(() => {
      const found = view('hotfix-crash', 'api-canary')
      if (found) replicasSeen.push(found.replicas)
    }, 10)
    const run = await canary('hotfix-crash', '  steps: [ { replicas: 1, pause: 1s }, { weight: 100 } ]', GOOD)
    clearInterval(timer)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.stdout).toContain('step 1: abort')
    expect(run.stdout).not.toContain('step 2:')
    expect(Math.max(...replicasSeen)).toBe(1)
    expect(must('hotfix-crash', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(must('hotfix-crash', 'api-canary').replicas).toBe(0)
  })
})

describe('canary.onNoData', () => {
  it('hold: evaluates again until the step deadline, then ends inconclusive and aborts', async () => {
    await setUp('nodata-hold')
    const run = await canary(
      'nodata-hold',
      '  steps: [ { weight: 50, pause: 1s }, { weight: 100 } ]\n  stepTimeout: 3s',
      { kind: 'empty' }
    )
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('aborted')
    expect(run.stdout).toMatch(/step 1: hold — .*evaluating again/)
    expect(run.stdout).toContain('step 1: abort')
    expect(must('nodata-hold', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(must('nodata-hold', 'api-canary').replicas).toBe(0)
  })

  it('abort: no data fails the step at once', async () => {
    await setUp('nodata-abort')
    const run = await canary(
      'nodata-abort',
      '  steps: [ { weight: 50, pause: 1s }, { weight: 100 } ]\n  onNoData: abort',
      {
        kind: 'empty'
      }
    )
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.stdout).not.toContain('step 1: hold')
    expect(run.stdout).toContain('canary.onNoData: abort')
  })
})

const MANUAL = '  steps: [ { weight: 25, pause: 1s }, { pause: manual }, { weight: 50, pause: 1s }, { weight: 100 } ]'

describe('canary.cleanup', () => {
  it('delete: an aborted canary Deployment is deleted, not only scaled to zero', async () => {
    await setUp('cleanup-delete')
    const run = await canary(
      'cleanup-delete',
      '  steps: [ { weight: 50, pause: 1s }, { weight: 100 } ]\n  cleanup: delete',
      {
        kind: 'value',
        value: 0.5
      }
    )
    expect(run.outputs).toMatchObject({ verdict: 'failed', action: 'aborted' })
    expect(view('cleanup-delete', 'api-canary')).toBeUndefined()
    expect(must('cleanup-delete', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(run.summary).toContain('canary api-canary deleted')
  })
})

describe('manual pause and resume', () => {
  it('pauses with the traffic kept and the state saved; a later run continues and promotes', async () => {
    await setUp('manual-continue')
    const first = await canary('manual-continue', MANUAL, GOOD)
    expect(first.outputs).toMatchObject({
      verdict: 'passed',
      action: 'paused',
      'canary-state': 'paused',
      'canary-step': '3'
    })
    expect(first.exitCode).toBe(0)
    // Traffic stays at 25 % (1 of 4 pods), the state is on the canary Deployment.
    expect(must('manual-continue', 'api').replicas).toBe(3)
    expect(must('manual-continue', 'api-canary').replicas).toBe(1)
    const state = JSON.parse(must('manual-continue', 'api-canary').annotations['deploy-guard.io/canary-state']!) as {
      nextStep: number
      names: { stable: string; canary: string }
    }
    expect(state).toMatchObject({ nextStep: 2, names: { stable: 'api', canary: 'api-canary' } })
    expect(first.summary).toContain('Paused for approval')

    // A re-run or the next push (canary-resume: start, the default) never goes past the approval.
    const rerun = await canary('manual-continue', MANUAL, GOOD)
    expect(rerun.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(rerun.outputs.summary).toContain('is paused for approval before step 3')
    expect(must('manual-continue', 'api').replicas).toBe(3)
    expect(must('manual-continue', 'api-canary').replicas).toBe(1)

    const second = await canary('manual-continue', MANUAL, GOOD, { 'canary-resume': 'continue' })
    expect(second.outputs).toMatchObject({
      verdict: 'passed',
      action: 'promoted',
      'canary-state': 'promoted',
      'canary-step': ''
    })
    expect(second.stdout).toContain('resuming at step 3')
    expect(second.stdout).not.toContain('step 1:')
    expect(second.stdout).toContain('step 3: advance')
    expect(must('manual-continue', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v2' })
    expect(must('manual-continue', 'api-canary').replicas).toBe(0)
    expect(must('manual-continue', 'api-canary').annotations['deploy-guard.io/canary-state']).toBeUndefined()
  })

  it('canary-resume: abort restores the routing from the saved state and retires the canary', async () => {
    await setUp('manual-abort')
    const first = await canary('manual-abort', MANUAL, GOOD)
    expect(first.outputs.action).toBe('paused')
    const second = await canary('manual-abort', MANUAL, GOOD, { 'canary-resume': 'abort' })
    expect(second.outputs).toMatchObject({ verdict: 'failed', action: 'aborted', 'canary-state': 'aborted' })
    expect(must('manual-abort', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(must('manual-abort', 'api-canary').replicas).toBe(0)
    expect(must('manual-abort', 'api-canary').annotations['deploy-guard.io/canary-state']).toBeUndefined()
    // Nothing left to abort: a second abort changes nothing and passes.
    const third = await canary('manual-abort', MANUAL, GOOD, { 'canary-resume': 'abort' })
    expect(third.outputs).toMatchObject({ verdict: 'passed', action: 'none' })
    // A resume with nothing paused is a mistake, not a new canary.
    const stray = await canary('manual-abort', MANUAL, GOOD, { 'canary-resume': 'continue' })
    expect(stray.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(must('manual-abort', 'api-canary').replicas).toBe(0)
  })

  it('refuses to resume with another canary config, touching nothing', async () => {
    await setUp('manual-other')
    expect((await canary('manual-other', MANUAL, GOOD)).outputs.action).toBe('paused')
    const other = MANUAL.replace('{ weight: 50, pause: 1s }', '{ weight: 75, pause: 1s }')
    const second = await canary('manual-other', other, GOOD)
    expect(second.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(second.summary).toContain('paused by a run with another canary config')
    expect(must('manual-other', 'api').replicas).toBe(3)
    expect(must('manual-other', 'api-canary').replicas).toBe(1)
  })
})

describe('the image input', () => {
  it('makes the canary from the stable (track label, 0 replicas), promotes it and deletes it', async () => {
    const ns = 'image-input'
    // The stable's selector carries a track label the canary's pods do not share.
    const stable = behindService(ns, 'api', 'registry/api:v1', 4) as {
      spec: {
        selector: { matchLabels: Record<string, string> }
        template: { metadata: { labels: Record<string, string> } }
      }
    }
    stable.spec.selector.matchLabels['deploy-guard.io/track'] = 'stable'
    stable.spec.template.metadata.labels['deploy-guard.io/track'] = 'stable'
    apply(sandbox, stable, service(ns, 'api', { service: 'api' }))
    await waitFor(() => view(ns, 'api')?.readyReplicas === 4, 'stable api ready')
    let canarySeen: DeploymentView | undefined
    const timer = setInterval(() => (canarySeen ??= view(ns, 'api-canary')), 10)
    const run = await canary(ns, '  steps: [ { weight: 50, pause: 1s }, { weight: 100 } ]', GOOD, {
      image: 'app=registry/api:v2'
    })
    clearInterval(timer)
    expect(run.stdout).toContain('canary api-canary created from api at 0 replicas')
    expect(canarySeen?.labels).toMatchObject({ app: 'api', service: 'api', 'deploy-guard.io/track': 'canary' })
    expect(run.outputs).toMatchObject({ verdict: 'passed', action: 'promoted' })
    // Promotion: the canary's template, with the stable's own selector label kept.
    expect(must(ns, 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v2' })
    expect(must(ns, 'api').labels['deploy-guard.io/track']).toBe('stable')
    // A canary the run created is deleted at the end.
    expect(view(ns, 'api-canary')).toBeUndefined()
  })

  it('refuses a stable whose selector would select the canary pods, before touching anything', async () => {
    await setUp('image-overlap', 'registry/api:v2', false)
    const run = await canary('image-overlap', '  steps: [ { weight: 50, pause: 1s } ]', GOOD, {
      image: 'registry/api:v2'
    })
    expect(run.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(run.summary).toContain('would also select the canary')
    expect(view('image-overlap', 'api-canary')).toBeUndefined()
    expect(must('image-overlap', 'api').replicas).toBe(4)
  })
})

describe('cancellation', () => {
  it('SIGINT during a step: routing restored, canary at 0, inconclusive, aborted', async () => {
    await setUp('cancel')
    const run = await canary(
      'cancel',
      '  steps: [ { weight: 50, pause: 20s }, { weight: 100 } ]',
      GOOD,
      {},
      {
        onSpawn: (child) => {
          let out = ''
          child.stdout?.on('data', (chunk: Buffer) => {
            out += chunk.toString()
            if (out.includes('weight 50 % set')) {
              out = ''
              child.kill('SIGINT')
            }
          })
        }
      }
    )
    expect(run.outputs).toMatchObject({ verdict: 'inconclusive', action: 'aborted' })
    expect(run.summary).toContain('cancelled')
    expect(must('cancel', 'api')).toMatchObject({ replicas: 4, image: 'registry/api:v1' })
    expect(must('cancel', 'api-canary').replicas).toBe(0)
  })
})
