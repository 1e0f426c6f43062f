/**
 * `canary` with `strategy: blueGreen`, end to end: the bundle in a child process against the sandbox
 * cluster (blue `web-blue` with 3 replicas, green `web-green` at 0 with the new image, the active
 * Service `web` selecting blue, a preview Service `web-preview`) and a loopback fake Prometheus
 * answering the error-ratio check with good or bad values, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { startFakePrometheus, type FakePrometheus, type PromBehaviour } from '../harness/fake-prometheus.js'
import { validate } from '../report/json-schema.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import type { StoredObject } from '../sandbox/store.js'
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
const services = () => resource('Service', 'v1')

const replicasOf = (namespace: string, name: string): number =>
  (sandbox.store.get(deployments(), namespace, name) as unknown as { spec: { replicas: number } }).spec.replicas
const readyOf = (namespace: string, name: string): number =>
  (sandbox.store.get(deployments(), namespace, name) as unknown as { status?: { readyReplicas?: number } }).status
    ?.readyReplicas ?? 0
const serviceSpec = (namespace: string, name: string): string =>
  JSON.stringify((sandbox.store.get(services(), namespace, name) as unknown as { spec: unknown }).spec)
const selectorOf = (namespace: string, name: string): Record<string, string> =>
  (sandbox.store.get(services(), namespace, name) as unknown as { spec: { selector: Record<string, string> } }).spec
    .selector

const BLUE = { role: 'web', colour: 'blue' }
const GREEN = { role: 'web', colour: 'green' }

/** A Deployment whose pods also carry the colour labels the Services select on. */
const coloured = (namespace: string, name: string, image: string, replicas: number, colour: string): object =>
  deployment(namespace, name, image, { replicas, podLabels: { role: 'web', colour } })

function config(options: { prePause?: string; postPause?: string } = {}): string {
  return `
verify:
  timeout: 30s
  failFastAfter: 1s
  pollInterval: 200ms
analysis:
  interval: 500ms
  checks:
    - name: error-rate
      query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))'
      max: 0.01
canary:
  strategy: blueGreen
  workload: web-green
  blueGreen:
    activeService: web
    previewService: web-preview
    prePromotion: { pause: ${options.prePause ?? '1s'} }
    postPromotion: { pause: ${options.postPause ?? '1s'} }
    scaleDownDelay: 1s
`
}

interface Scenario {
  namespace: string
  /** The fake's answers to the check query, in order, the last repeating (pre-promotion takes 2 at 1s). */
  answers: PromBehaviour[]
  extraInputs?: Record<string, string>
  prePause?: string
  postPause?: string
  /** Green's colour label (default green) and image (default registry/web:v2). */
  greenColour?: string
  greenImage?: string
  /** Called once the run is under way (e.g. to edit a Service mid-run). */
  during?: (prometheus: FakePrometheus) => Promise<void>
  onSpawn?: (child: ChildProcess) => void
}

interface Outcome {
  run: ActionRun
  prometheus: FakePrometheus
  /** The two Services' specs as created, JSON. */
  original: { active: string; preview: string }
}

async function blueGreenRun(scenario: Scenario): Promise<Outcome> {
  const { namespace } = scenario
  const prometheus = await startFakePrometheus({ queries: scenario.answers, checkQuery: /http_requests_total/ })
  started.push(prometheus)
  apply(
    sandbox,
    coloured(namespace, 'web-blue', 'registry/web:v1', 3, 'blue'),
    coloured(namespace, 'web-green', scenario.greenImage ?? 'registry/web:v2', 0, scenario.greenColour ?? 'green'),
    service(namespace, 'web', BLUE),
    service(namespace, 'web-preview', BLUE)
  )
  await waitFor(() => readyOf(namespace, 'web-blue') === 3, 'blue ready')
  const original = { active: serviceSpec(namespace, 'web'), preview: serviceSpec(namespace, 'web-preview') }
  const running = runAction(
    {
      command: 'canary',
      target: 'deployment/web-blue',
      namespace,
      config: await dir.write(
        `${namespace}.yml`,
        config({
          ...(scenario.prePause ? { prePause: scenario.prePause } : {}),
          ...(scenario.postPause ? { postPause: scenario.postPause } : {})
        })
      ),
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url,
      ...scenario.extraInputs
    },
    {},
    scenario.onSpawn ? { onSpawn: scenario.onSpawn } : {}
  )
  const [run] = await Promise.all([running, scenario.during?.(prometheus)])
  return { run, prometheus, original }
}

const recordSchema = JSON.parse(await readFile('docs/record.schema.json', 'utf8')) as Record<string, unknown>

interface PhaseRecord {
  phase: string
  outcome: string
  finishedAt: string
}
const phasesOf = (run: ActionRun): PhaseRecord[] =>
  (run.record?.blueGreen as { phases?: PhaseRecord[] } | undefined)?.phases ?? []

describe('blue-green (Service selector), end to end', () => {
  it('switches to a good green, points the preview at it, and scales blue down after the delay', async () => {
    const { run, prometheus } = await blueGreenRun({ namespace: 'bg-good', answers: [{ kind: 'value', value: 0 }] })
    expect(run.stderr).toBe('')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.outputs.action).toBe('promoted')
    expect(run.exitCode).toBe(0)
    expect(selectorOf('bg-good', 'web')).toEqual(GREEN)
    expect(selectorOf('bg-good', 'web-preview')).toEqual(GREEN)
    expect(replicasOf('bg-good', 'web-green')).toBe(3)
    expect(replicasOf('bg-good', 'web-blue')).toBe(0)
    // Queries were sent for green's version (its image tag).
    expect(prometheus.requests.some((r) => (r.params.query ?? '').includes('version="v2"'))).toBe(true)
    // Every phase ran in order, and blue went down no sooner than scaleDownDelay after the post-promotion pass.
    const phases = phasesOf(run)
    expect(phases.map((p) => `${p.phase}:${p.outcome}`)).toEqual([
      'scale-up:done',
      'health:passed',
      'preview:done',
      'pre-promotion:passed',
      'switch:done',
      'post-promotion:passed',
      'scale-down:done'
    ])
    const post = Date.parse(phases[5]!.finishedAt)
    expect(Date.parse(phases[6]!.finishedAt) - post).toBeGreaterThanOrEqual(1000)
    expect(run.summary).toContain('### 🔵🟢 Blue-green')
    expect(run.summary).toContain('<code>role=web,colour=blue</code> | <code>role=web,colour=green</code>')
    expect(validate(recordSchema, run.record)).toEqual([])
  })

  it('never switches when pre-promotion analysis fails: Services as found, green at 0, blue untouched', async () => {
    const { run, original } = await blueGreenRun({ namespace: 'bg-pre', answers: [{ kind: 'value', value: 0.2 }] })
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(run.exitCode).not.toBe(0)
    expect(serviceSpec('bg-pre', 'web')).toBe(original.active)
    expect(serviceSpec('bg-pre', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-pre', 'web-green')).toBe(0)
    expect(replicasOf('bg-pre', 'web-blue')).toBe(3)
    expect(phasesOf(run).map((p) => p.phase)).not.toContain('switch')
    expect(run.stdout).toMatch(/pre-promotion: failed — before the switch: .*error-rate/)
    expect(run.summary).toContain('live traffic ended on **blue**')
    // Green is already at 0 and blue live: no advice to undo green's rollout.
    expect(run.summary).not.toContain('rollout undo')
  })

  it('never switches to a crash-looping green: aborted after the health check, with its evidence', async () => {
    const { run, original, prometheus } = await blueGreenRun({
      namespace: 'bg-crash',
      answers: [{ kind: 'value', value: 0 }],
      greenImage: 'registry/web:v2-crashloop'
    })
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('aborted')
    expect(serviceSpec('bg-crash', 'web')).toBe(original.active)
    expect(serviceSpec('bg-crash', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-crash', 'web-green')).toBe(0)
    expect(phasesOf(run).map((p) => `${p.phase}:${p.outcome}`)).toEqual(['scale-up:done', 'health:failed'])
    expect(prometheus.checkQueries()).toBe(0)
    expect(run.summary).toContain('CrashLoopBackOff')
  })

  it('never switches on silence: no data is inconclusive and everything is put back', async () => {
    const { run, original } = await blueGreenRun({ namespace: 'bg-silent', answers: [{ kind: 'empty' }] })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('aborted')
    expect(serviceSpec('bg-silent', 'web')).toBe(original.active)
    expect(replicasOf('bg-silent', 'web-green')).toBe(0)
    expect(phasesOf(run).map((p) => p.phase)).not.toContain('switch')
  })

  it('switches back when post-promotion analysis fails: the active selector byte-identical to the original', async () => {
    const good: PromBehaviour = { kind: 'value', value: 0 }
    const { run, original } = await blueGreenRun({
      namespace: 'bg-post',
      // Pre-promotion measures twice (1s at 500ms); the first post-promotion measurement is bad.
      answers: [good, good, { kind: 'value', value: 0.2 }]
    })
    expect(run.outputs.verdict).toBe('failed')
    expect(run.outputs.action).toBe('rolled-back')
    expect(run.exitCode).not.toBe(0)
    expect(serviceSpec('bg-post', 'web')).toBe(original.active)
    expect(serviceSpec('bg-post', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-post', 'web-green')).toBe(0)
    expect(replicasOf('bg-post', 'web-blue')).toBe(3)
    expect(phasesOf(run).map((p) => `${p.phase}:${p.outcome}`)).toEqual([
      'scale-up:done',
      'health:passed',
      'preview:done',
      'pre-promotion:passed',
      'switch:done',
      'post-promotion:failed',
      'switch-back:done'
    ])
    expect(run.summary).toContain('live traffic ended on **blue**')
    expect(run.summary).not.toContain('rollout undo')
  })

  it('aborts when someone edits the active Service mid-run, keeping their edit', async () => {
    const edited = { role: 'web', colour: 'purple' }
    const { run, original } = await blueGreenRun({
      namespace: 'bg-edit',
      answers: [{ kind: 'value', value: 0 }],
      prePause: '3s',
      // Once pre-promotion analysis is measuring, someone else points the active Service elsewhere.
      during: async (prometheus) => {
        await waitFor(() => prometheus.checkQueries() >= 1, 'pre-promotion analysis under way', 30000)
        const active = sandbox.store.get(services(), 'bg-edit', 'web') as StoredObject & {
          spec: { selector: Record<string, string> }
        }
        sandbox.store.update(services(), { ...active, spec: { ...active.spec, selector: edited } } as StoredObject)
      }
    })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('aborted')
    expect(run.exitCode).not.toBe(0)
    expect(selectorOf('bg-edit', 'web')).toEqual(edited)
    expect(serviceSpec('bg-edit', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-edit', 'web-green')).toBe(0)
    expect(replicasOf('bg-edit', 'web-blue')).toBe(3)
    expect(run.stdout).toMatch(/changed by someone else: Service bg-edit\/web: \/spec\/selector\/colour is "purple"/)
    expect(run.summary).toContain('changed by someone else')
  })

  it('switches back on a connection the cancellation does not cut when the job is cancelled after the switch', async () => {
    let child: ChildProcess | undefined
    const { run, original } = await blueGreenRun({
      namespace: 'bg-cancel',
      answers: [{ kind: 'value', value: 0 }],
      postPause: '20s',
      onSpawn: (c) => (child = c),
      // Cancelled like the runner does (SIGINT) once live traffic is on green.
      during: async () => {
        await waitFor(() => selectorOf('bg-cancel', 'web').colour === 'green', 'the switch to green', 30000)
        child!.kill('SIGINT')
      }
    })
    expect(run.stdout).toContain('received SIGINT')
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('rolled-back')
    expect(serviceSpec('bg-cancel', 'web')).toBe(original.active)
    expect(serviceSpec('bg-cancel', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-cancel', 'web-green')).toBe(0)
    expect(replicasOf('bg-cancel', 'web-blue')).toBe(3)
    expect(
      phasesOf(run)
        .map((p) => `${p.phase}:${p.outcome}`)
        .slice(-2)
    ).toEqual(['post-promotion:inconclusive', 'switch-back:done'])
  })

  it('refuses to start when green carries the same labels as blue, changing nothing', async () => {
    const { run, original } = await blueGreenRun({
      namespace: 'bg-same',
      answers: [{ kind: 'value', value: 0 }],
      greenColour: 'blue'
    })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('none')
    expect(run.summary).toContain('carry the same role=web,colour=blue as blue')
    expect(serviceSpec('bg-same', 'web')).toBe(original.active)
    expect(replicasOf('bg-same', 'web-green')).toBe(0)
  })

  it('changes nothing in a dry run and says what it would do', async () => {
    const { run, original } = await blueGreenRun({
      namespace: 'bg-dry',
      answers: [{ kind: 'value', value: 0 }],
      extraInputs: { 'dry-run': 'true' }
    })
    expect(run.outputs.action).toBe('none')
    expect(run.stdout).toContain('dry run: would switch Service web from role=web,colour=blue to role=web,colour=green')
    expect(serviceSpec('bg-dry', 'web')).toBe(original.active)
    expect(serviceSpec('bg-dry', 'web-preview')).toBe(original.preview)
    expect(replicasOf('bg-dry', 'web-green')).toBe(0)
    expect(replicasOf('bg-dry', 'web-blue')).toBe(3)
    expect(run.summary).toContain('A real run would:')
  })
})
