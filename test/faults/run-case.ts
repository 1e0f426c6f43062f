/**
 * Runs one fault case the way the runner runs the action: the bundle in a child process (runAction,
 * DEPLOY_GUARD_BUNDLE or dist/) against the shared in-process sandbox (each case in its own
 * namespace, its fault rules scoped to it), a sandbox process driven through its control endpoint,
 * and/or a fake Prometheus of its own. Returns what it observed and the broken rules.
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import YAML from 'yaml'
import { startFakePrometheus, type FakePrometheus } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { generateTls } from '../sandbox/tls.js'
import { runAction, type ActionRun } from '../e2e/run-action.js'
import { apply, deployment, tempDir, waitFor, type TempDir } from '../e2e/fixtures.js'
import { caseProblems, verdictOf, type Observed } from './assert.js'
import type { CaseCluster, CaseWorld, FaultCase, Trigger } from './case-types.js'
import { quickAnalysis, quickVerify } from './case-parts.js'
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.js'

/** Controller time 20× faster: pods ready in ~50 ms, a 30 s progress deadline passes in 1.5 s. */
export const TIME_SCALE = 20
/** How long past its wall-time bound a case may run before it is killed (so the suite stays bounded). */
const KILL_GRACE_MS = 10_000

export interface Suite {
  sandbox: Sandbox
  dir: TempDir
  otherCa: string
  stop(): Promise<void>
}

export async function startSuite(): Promise<Suite> {
  const sandbox = await startSandbox({ timeScale: TIME_SCALE })
  const dir = await tempDir()
  const otherCa = Buffer.from((await generateTls()).caPem).toString('base64')
  return {
    sandbox,
    dir,
    otherCa,
    stop: async () => {
      await sandbox.stop()
      await dir.remove()
    }
  }
}

export interface CaseResult {
  id: string
  observed: Observed
  problems: string[]
}

export async function runCase(c: FaultCase, suite: Suite): Promise<CaseResult> {
  const ns = c.id
  const promToken = `prom-secret-${randomBytes(8).toString('hex')}`
  const started: Array<{ stop(): Promise<unknown> }> = []
  try {
    const cluster = await clusterFor(c, suite, started)
    const second = c.secondPrometheus ? await startFakePrometheus(c.secondPrometheus) : undefined
    if (second) started.push(second)
    let prom: FakePrometheus | undefined
    if (c.prometheus) {
      const options =
        typeof c.prometheus === 'function' ? c.prometheus({ promToken, secondUrl: second?.url }) : c.prometheus
      prom = await startFakePrometheus({ checkQuery: /fault_metric/, ...options })
      started.push(prom)
    }
    const world: CaseWorld = {
      ns,
      cluster: cluster.cluster,
      prom,
      second,
      promToken,
      otherCa: suite.otherCa,
      write: (name, content) => suite.dir.write(`${ns}-${name}`, content)
    }
    if (c.kubeFaults) await cluster.addFaults(c.kubeFaults(world))

    const command = c.command ?? 'verify'
    const configText =
      typeof c.config === 'function'
        ? c.config(world)
        : (c.config ?? (command === 'verify' ? quickVerify : quickAnalysis()))
    const inputs: Record<string, string> = {
      command,
      config: await world.write('config.yml', configText),
      ...(command === 'verify'
        ? { target: 'deployment/api', namespace: ns, kubeconfig: cluster.cluster.kubeconfig }
        : { 'prometheus-token': promToken }),
      ...(prom ? { 'prometheus-url': prom.url, 'prometheus-token': promToken } : {}),
      ...(c.inputs?.(world) ?? {})
    }
    const env = c.env?.(world) ?? {}

    let child: ChildProcess | undefined
    let exitedAt = 0
    let signalledAt: number | undefined
    const start = Date.now()
    let killedAt: number | undefined
    // a broken build must not stall the suite: past its bound (plus grace) the action is killed
    const hardLimit = setTimeout(() => {
      killedAt = Date.now() - start
      child?.kill('SIGKILL')
    }, c.expect.wallMs + KILL_GRACE_MS)
    const pending = runAction(inputs, env, {
      onSpawn: (spawned) => {
        child = spawned
        spawned.on('exit', () => (exitedAt = Date.now()))
      }
    }).finally(() => clearTimeout(hardLimit))
    let done = false
    const finished = pending.finally(() => (done = true))
    if (c.during) {
      const { during } = c
      const fired = await waitFor(() => done || triggered(during.when, world), `the trigger of ${c.id}`, 30_000).catch(
        () => false
      )
      if (fired && !done) {
        await during.act?.(world)
        if (during.signal) {
          signalledAt = Date.now()
          child?.kill(during.signal)
          if (during.thenSigtermAfterMs !== undefined) {
            const timer = setTimeout(() => child?.exitCode === null && child.kill('SIGTERM'), during.thenSigtermAfterMs)
            void finished.finally(() => clearTimeout(timer))
          }
        }
      }
    }
    const run: ActionRun = await finished
    const observed: Observed = {
      run,
      verdict: verdictOf(run, c.expect.verdictFrom),
      wallMs: (exitedAt || Date.now()) - start,
      afterSignalMs: signalledAt !== undefined ? exitedAt - signalledAt : undefined
    }
    const problems = caseProblems(c, world, observed)
    if (killedAt !== undefined) problems.unshift(`still running after ${killedAt} ms: killed`)
    return { id: c.id, observed, problems }
  } finally {
    for (const s of started.reverse()) await s.stop()
  }
}

function triggered(when: Trigger, world: CaseWorld): boolean {
  if (when.kind === 'prom-queries') return (world.prom?.checkQueries() ?? 0) >= when.count
  return world.cluster
    .requests()
    .some(
      (r) =>
        r.path.startsWith(`/api`) &&
        r.path.includes(`/namespaces/${world.ns}/`) &&
        when.path.test(r.path) &&
        (when.status === undefined || r.status === when.status)
    )
}

interface ClusterHandle {
  cluster: CaseCluster
  addFaults(rules: object[]): Promise<void>
}

function objectsFor(c: FaultCase, ns: string): object[] {
  const objects: object[] = []
  if (c.workload !== false) {
    const { image = 'registry/api:v1', ...options } = c.workload ?? {}
    objects.push(deployment(ns, 'api', image, { replicas: 1, ...options }))
  }
  objects.push(...(c.objects?.(ns) ?? []))
  return objects
}

async function clusterFor(
  c: FaultCase,
  suite: Suite,
  started: Array<{ stop(): Promise<unknown> }>
): Promise<ClusterHandle> {
  const ns = c.id
  if (c.sandboxProcess) {
    const docs: object[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      ...objectsFor(c, ns),
      { faults: c.sandboxProcess.scenarioFaults(ns) }
    ]
    const scenario = await suite.dir.write(`${ns}-scenario.yaml`, docs.map((d) => YAML.stringify(d)).join('---\n'))
    const process: SandboxProcess = await startSandboxProcess([
      '--scenario',
      scenario,
      '--time-scale',
      String(TIME_SCALE)
    ])
    started.push(process)
    return {
      cluster: { ...process, requests: () => [] },
      // RegExp paths travel as "/…/", the control endpoint's notation
      addFaults: (rules) =>
        process.addFaults(
          rules.map((r) => {
            const rule = r as { path?: unknown }
            return rule.path instanceof RegExp ? { ...rule, path: `/${rule.path.source}/` } : rule
          })
        )
    }
  }
  const { sandbox } = suite
  apply(sandbox, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, ...objectsFor(c, ns))
  return {
    cluster: {
      url: sandbox.url,
      kubeconfig: sandbox.kubeconfig,
      token: sandbox.token,
      caPem: sandbox.caPem,
      requests: () => sandbox.requests
    },
    addFaults: async (rules) => {
      for (const rule of rules) sandbox.faults.add(rule)
    }
  }
}
