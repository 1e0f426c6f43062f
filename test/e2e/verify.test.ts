/**
 * `verify` end to end: the committed dist/index.js in a child process, as the Actions runner runs it,
 * against the sandbox cluster reached only through a kubeconfig.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { releaseSecret } from '../gitops/helm-fixtures.js'
import { runAction, type ActionRun } from './run-action.js'
import type { StoredObject } from '../sandbox/store.js'
import {
  apply,
  daemonSet,
  deployment,
  resource,
  service,
  statefulSet,
  tempDir,
  waitFor,
  type TempDir
} from './fixtures.js'

// Controller time runs 20x faster: pods are ready in ~50 ms, a 20 s progress deadline passes in 1 s.
const TIME_SCALE = 20

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: TIME_SCALE })
  dir = await tempDir()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

const baseConfig = `
verify:
  timeout: 60s
  failFastAfter: 1s
  pollInterval: 200ms
`

async function verify(
  namespace: string,
  target: string,
  extraConfig = '',
  extraInputs: Record<string, string> = {}
): Promise<ActionRun> {
  const config = await dir.write(`${namespace}.yml`, baseConfig + extraConfig)
  return runAction({
    command: 'verify',
    target,
    namespace,
    config,
    kubeconfig: sandbox.kubeconfig,
    ...extraInputs
  })
}

const failedIds = (run: ActionRun): string[] =>
  (JSON.parse(run.outputs['failed-checks'] ?? '[]') as Array<{ id: string; status: string }>).map(
    (c) => `${c.id}:${c.status}`
  )

const podsOf = (namespace: string, app: string): StoredObject[] =>
  sandbox.store.list(resource('Pod', 'v1'), namespace).filter((p) => p.metadata.labels?.app === app)

describe('verify, end to end', () => {
  it('passes a healthy rollout and renders the checklist', async () => {
    apply(
      sandbox,
      deployment('healthy', 'api', 'registry/api:v1.2.3', { replicas: 3 }),
      service('healthy', 'api', { app: 'api' })
    )
    const run = await verify('healthy', 'deployment/api')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(/passed/)
    expect(run.summary).toContain('Rollout complete')
    expect(run.summary).toContain('successfully rolled out')
    expect(run.record?.verdict).toBe('passed')
    // Nothing from the kubeconfig leaks: not the token, not the CA.
    expect(run.everything).not.toContain(sandbox.token)
    expect(run.everything).not.toContain(sandbox.caPem.split('\n')[1])
    // ...and the runner is told to redact the kubeconfig and the token inside it.
    expect(run.masked).toContain(sandbox.token)
  })

  it('shows the version change of a deploy: previous revision and image → new', async () => {
    apply(sandbox, deployment('upgrade', 'api', 'registry/api:v1', { replicas: 2 }))
    const deployments = resource('Deployment', 'apps/v1')
    await waitFor(() => {
      const d = sandbox.store.get(deployments, 'upgrade', 'api')
      return (d?.status as { availableReplicas?: number } | undefined)?.availableReplicas === 2
    }, 'v1 rolled out')
    const current = sandbox.store.get(deployments, 'upgrade', 'api')!
    const spec = current.spec as { template: { spec: { containers: Array<{ image: string }> } } }
    spec.template.spec.containers[0].image = 'registry/api:v2'
    sandbox.store.update(deployments, current)
    const run = await verify('upgrade', 'deployment/api')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.summary).toContain('revision <code>1</code> → <code>2</code>')
    expect(run.summary).toContain('<code>registry/api:v1</code> → <code>registry/api:v2</code>')
    expect((run.record?.targets as Array<{ previous?: unknown }>)[0].previous).toEqual({
      revision: '1',
      images: { app: 'registry/api:v1' }
    })
  })

  it('reads KUBECONFIG like kubectl does, and masks the credentials it finds there', async () => {
    apply(sandbox, deployment('kubeconfig-env', 'api', 'registry/api:v1', { replicas: 1 }))
    const config = await dir.write('kubeconfig-env.yml', baseConfig)
    const run = await runAction(
      { command: 'verify', target: 'deployment/api', namespace: 'kubeconfig-env', config },
      { KUBECONFIG: sandbox.kubeconfigPath }
    )
    expect(run.outputs.verdict).toBe('passed')
    expect(run.masked).toContain(sandbox.token)
    expect(run.everything).not.toContain(sandbox.token)
  })

  it.each([
    ['crashloop', 'registry/api:v2-crashloop', /CrashLoopBackOff/],
    ['oomkill', 'registry/api:v2-oomkill', /OOMKilled/],
    ['pullerror', 'registry/api:v2-pullerror', /ImagePullBackOff|ErrImagePull/],
    ['configerror', 'registry/api:v2-configerror', /CreateContainerConfigError/],
    ['unschedulable', 'registry/api:v2-unschedulable', /Unschedulable/]
  ])('fails fast on %s, well before the progress deadline', async (ns, image, signal) => {
    // 600 s of progress deadline is 30 s of wall time here: failing in a few seconds proves fail-fast.
    apply(sandbox, deployment(ns, 'api', image, { replicas: 2, progressDeadlineSeconds: 600 }))
    const started = Date.now()
    const run = await verify(ns, 'deployment/api')
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.outputs.verdict).toBe('failed')
    expect(run.exitCode).not.toBe(0)
    expect(failedIds(run)).toContain('rollout:failed')
    expect(run.summary).toMatch(signal)
  })

  it('fails fast on a crash-looping init container (Init:CrashLoopBackOff)', async () => {
    const spec = deployment('initcrash', 'api', 'registry/api:v2', {
      replicas: 1,
      annotations: { 'sandbox.deploy-guard.dev/behavior.migrate': 'crashloop' }
    }) as { spec: { template: { spec: Record<string, unknown> } } }
    spec.spec.template.spec.initContainers = [{ name: 'migrate', image: 'registry/api-migrate:v2' }]
    apply(sandbox, spec)
    const run = await verify('initcrash', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('rollout:failed')
    expect(run.summary).toMatch(/CrashLoopBackOff \(container migrate\)/)
  })

  it('fails fast when the ReplicaSet cannot create pods (exceeded quota)', async () => {
    apply(
      sandbox,
      deployment('quota', 'api', 'registry/api:v2', {
        replicas: 2,
        annotations: { 'sandbox.deploy-guard.dev/quota-exceeded': 'true' }
      })
    )
    const started = Date.now()
    const run = await verify('quota', 'deployment/api')
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('rollout:failed')
    expect(run.summary).toContain('exceeded quota')
  })

  it('shows why a crash-looping pod failed: reason, exit code, previous log', async () => {
    apply(
      sandbox,
      deployment('crashlog', 'api', 'registry/api:v3-crashloop', {
        replicas: 1,
        annotations: { 'sandbox.deploy-guard.dev/previous-log': 'panic: config key DATABASE_URL missing' }
      })
    )
    const run = await verify('crashlog', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(run.summary).toContain('panic: config key DATABASE_URL missing')
    expect(run.summary).toMatch(/Error|exit code 1/)
  })

  it("fails on progress deadline exceeded with kubectl's message", async () => {
    apply(
      sandbox,
      deployment('deadline', 'api', 'registry/api:v2-neverready', { replicas: 2, progressDeadlineSeconds: 20 })
    )
    const run = await verify('deadline', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(run.summary).toContain('exceeded its progress deadline')
  })

  it('fails when fewer replicas run than expected', async () => {
    apply(sandbox, deployment('replicas', 'api', 'registry/api:v1', { replicas: 2 }))
    const run = await verify('replicas', 'deployment/api', '  expect: { replicas: 4 }\n')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('pod-count:failed')
  })

  it('fails on restarts of the new pods even when they recovered', async () => {
    // Each container crashes once (10 s back-off = 0.5 s here, shorter than failFastAfter) and then stays up.
    apply(
      sandbox,
      deployment('restarts', 'api', 'registry/api:v1', {
        replicas: 2,
        annotations: {
          'sandbox.deploy-guard.dev/behavior': 'restarts-then-ready',
          'sandbox.deploy-guard.dev/crash-count': '1'
        }
      })
    )
    const run = await verify('restarts', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('restarts:failed')
    expect(failedIds(run)).not.toContain('rollout:failed')
  })

  it('fails when a Service selecting the workload has no ready endpoints', async () => {
    apply(
      sandbox,
      deployment('endpoints', 'api', 'registry/api:v1', { replicas: 1 }),
      // The sandbox leaves this Service alone: nothing populates its endpoints, as with a broken selector/port.
      service('endpoints', 'api', { app: 'api' }, { 'sandbox.deploy-guard.dev/unmanaged': 'true' })
    )
    const run = await verify('endpoints', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('endpoints:failed')
  })

  it('fails on Warning events for the new pods since the rollout began', async () => {
    apply(sandbox, deployment('events', 'api', 'registry/api:v1', { replicas: 1 }))
    const [pod] = await waitFor(() => podsOf('events', 'api').length === 1 && podsOf('events', 'api'), 'pod')
    const now = new Date().toISOString().replace(/\.\d+Z/, 'Z')
    apply(sandbox, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod.metadata.name}.mount`, namespace: 'events' },
      involvedObject: {
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: 'events',
        uid: pod.metadata.uid,
        apiVersion: 'v1'
      },
      reason: 'FailedMount',
      message: 'MountVolume.SetUp failed for volume "certs" : secret "tls-<b>|x</b>" not found',
      type: 'Warning',
      count: 3,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kubelet' }
    })
    const run = await verify('events', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('events:failed')
    expect(run.summary).toContain('FailedMount')
    // Cluster text is escaped before it reaches markdown.
    expect(run.summary).not.toContain('<b>|x</b>')
  })

  it('fails when the expected image is not the one running', async () => {
    apply(sandbox, deployment('image', 'api', 'registry/api:v1', { replicas: 1 }))
    const run = await verify('image', 'deployment/api', '  expect: { image: "registry/api:v2" }\n')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run).some((id) => id.startsWith('image'))).toBe(true)
    expect(run.summary).toContain('registry/api:v2')
  })

  it('checks a StatefulSet and a DaemonSet in one run', async () => {
    apply(
      sandbox,
      statefulSet('stateful', 'db', 'registry/db:v1', 2),
      daemonSet('stateful', 'agent', 'registry/agent:v1')
    )
    const run = await verify('stateful', 'statefulset/db\ndaemonset/agent')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.summary).toContain('partitioned roll out complete: 2 new pods have been updated')
    expect(run.summary).toContain('successfully rolled out')
  })

  it.each([
    [
      'OutOfSync',
      { sync: { status: 'OutOfSync', revision: 'abc1234def' }, health: { status: 'Healthy' } },
      undefined,
      'argocd:sync:failed'
    ],
    [
      'Degraded',
      { sync: { status: 'Synced', revision: 'abc1234def' }, health: { status: 'Degraded', message: 'pods crash' } },
      undefined,
      'argocd:health:failed'
    ],
    [
      'drifted',
      { sync: { status: 'Synced', revision: 'abc1234def' }, health: { status: 'Healthy' } },
      'fff9999aaa',
      'argocd:revision:failed'
    ]
  ])('reports an Argo CD application that is %s', async (label, status, revision, expectedFailure) => {
    const ns = `argo-${label.toLowerCase()}`
    apply(sandbox, deployment(ns, 'api', 'registry/api:v1', { replicas: 1 }), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: ns, namespace: 'argocd' },
      spec: {},
      status
    })
    const gitops = `  gitops:\n    argocd: { application: ${ns}${revision ? `, revision: ${revision}` : ''} }\n`
    const run = await verify(ns, 'deployment/api', gitops)
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain(expectedFailure)
  })

  it('fails when the Helm release is failed', async () => {
    const secret = releaseSecret({
      name: 'api',
      namespace: 'helm',
      version: 3,
      status: 'failed',
      description: 'Upgrade "api" failed: timed out waiting for the condition'
    })
    apply(sandbox, deployment('helm', 'api', 'registry/api:v1', { replicas: 1 }), { apiVersion: 'v1', ...secret })
    const run = await verify('helm', 'deployment/api', '  gitops:\n    helm: { release: api }\n')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toContain('helm:failed')
    expect(run.summary).toContain('timed out waiting for the condition')
  })

  it.each([
    ['Ready', [{ type: 'Ready', status: 'True', reason: 'Reconciled' }], 'passed'],
    [
      'Stalled',
      [{ type: 'Stalled', status: 'True', reason: 'InvalidSpec', message: 'spec.size must be > 0' }],
      'failed'
    ]
  ])('judges a custom resource by kstatus rules (%s)', async (label, conditions, verdict) => {
    const ns = `widget-${label.toLowerCase()}`
    apply(sandbox, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1', namespace: ns, annotations: { 'sandbox.deploy-guard.dev/unmanaged': 'true' } },
      spec: { size: 1 },
      status: { observedGeneration: 1, conditions }
    })
    const config = await dir.write(
      `${ns}.yml`,
      `targets:\n  - { kind: Widget, apiVersion: example.com/v1, name: w1 }\nverify:\n  timeout: 3s\n  pollInterval: 200ms\n`
    )
    const run = await runAction({ command: 'verify', namespace: ns, config, kubeconfig: sandbox.kubeconfig })
    expect(run.outputs.verdict).toBe(verdict)
    expect(run.summary).toContain('kstatus')
    if (verdict === 'failed') expect(run.summary).toContain('spec.size must be &gt; 0')
  })

  describe('smoke checks', () => {
    let server: Server
    let hits = 0
    beforeAll(async () => {
      server = createServer((_req, res) => {
        hits += 1
        // Unhealthy for the first two requests, then recovers: within the configured retries.
        res.statusCode = hits <= 2 ? 503 : 200
        res.end(hits <= 2 ? 'warming up' : '{"status":"UP"}')
      })
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    })
    afterAll(async () => {
      await new Promise((r) => server.close(r))
    })

    it('passes a smoke check that fails first and recovers within its retries', async () => {
      apply(sandbox, deployment('smoke', 'api', 'registry/api:v1', { replicas: 1 }))
      const { port } = server.address() as AddressInfo
      const smoke = `  smoke:\n    - { name: health, url: "http://127.0.0.1:${port}/health", expectStatus: 200, retries: 4, delay: 100ms, json: { path: status, equals: UP } }\n`
      const run = await verify('smoke', 'deployment/api', smoke)
      expect(run.outputs.verdict).toBe('passed')
      expect(hits).toBe(3)
      expect(run.summary).toContain('on attempt 3')
    })
  })
})
