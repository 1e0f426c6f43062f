/**
 * Bad input and a misbehaving API server, end to end: clear errors before anything touches the
 * cluster, retries, and `inconclusive` (never `passed`) when the API cannot be reached.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction } from './run-action.js'
import { apply, deployment, tempDir, waitFor, type TempDir } from './fixtures.js'

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  apply(sandbox, deployment('shop', 'api', 'registry/api:v1', { replicas: 2 }))
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

afterEach(() => sandbox.faults.clear())

const quickConfig = 'verify:\n  timeout: 30s\n  failFastAfter: 1s\n  pollInterval: 200ms\n'

describe('bad configuration', () => {
  it('reports every problem together, with its path, and sends nothing to the API', async () => {
    const config = await dir.write(
      'bad.yml',
      [
        'verify:',
        '  timout: 5m',
        '  smoke:',
        '    - url: "ftp:/x"',
        'analysis:',
        '  interval: ten',
        '  checks:',
        '    - name: error-rate',
        '      query: sum(rate(http_requests_total{status=~"5.."}[1m])',
        '      max: 0.01',
        '    - name: latency',
        '      query: histogram_quantile(0.95, rate(h_bucket{version="{{verison}}"}[1m]))',
        '      max: 0.5'
      ].join('\n')
    )
    sandbox.clearRequests()
    const run = await runAction({
      command: 'verify',
      target: 'deployment/API',
      namespace: 'shop',
      config,
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': 'http://127.0.0.1:9'
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.verdict).toBe('inconclusive')
    for (const path of [
      'verify.timout',
      'verify.smoke[0].url',
      'analysis.interval',
      'analysis.checks[0].query',
      'analysis.checks[1].query',
      'inputs.target'
    ]) {
      expect(run.stdout).toContain(path)
    }
    expect(run.stdout).toContain('did you mean "timeout"')
    // The run page says why, too: every problem in the job summary.
    expect(run.summary).toContain('invalid configuration')
    expect(run.summary).toContain('<code>verify.smoke&#91;0&#93;.url</code>')
    expect(run.stdout).toContain('verison')
    expect(run.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace
    expect(sandbox.requests).toHaveLength(0)
    expect(run.everything).not.toContain(sandbox.token)
    expect(run.masked).toContain(sandbox.token)
  })

  it('rejects an invalid kubeconfig with a clear message and no stack trace', async () => {
    const run = await runAction({
      command: 'verify',
      target: 'deployment/api',
      namespace: 'shop',
      kubeconfig: 'this: is: not: yaml: ['
    })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.stdout).toMatch(/kubeconfig/i)
    expect(run.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
    expect(run.everything).not.toContain('this: is: not: yaml')
  })
})

describe('a misbehaving API server', () => {
  const verify = async () =>
    runAction({
      command: 'verify',
      target: 'deployment/api',
      namespace: 'shop',
      config: await dir.write('quick.yml', quickConfig),
      kubeconfig: sandbox.kubeconfig
    })

  it('retries transient 500s and 429s and still passes', async () => {
    sandbox.faults.add({ path: /deployments/, status: 500, times: 2 })
    sandbox.faults.add({ path: /pods/, status: 429, retryAfterSeconds: 1, times: 1 })
    const run = await verify()
    expect(run.outputs.verdict).toBe('passed')
    const deploymentGets = sandbox.requests.filter((r) => r.path.includes('/deployments/api') && r.status === 500)
    expect(deploymentGets.length).toBe(2)
  })

  it.each([
    ['500 errors', { status: 500 as const }],
    ['429 Too Many Requests', { status: 429 as const, retryAfterSeconds: 0 }],
    ['dropped connections', { drop: true }]
  ])('is inconclusive, never passed, when the API keeps answering with %s', async (_label, fault) => {
    sandbox.faults.add({ path: /\/apis\/apps\/v1\/namespaces\/shop\/deployments/, ...fault })
    const run = await verify()
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.exitCode).not.toBe(0)
    expect(run.summary).toMatch(/inconclusive/i)
  })

  it('is inconclusive when the API starts failing mid-run, after the rollout wait began', async () => {
    apply(
      sandbox,
      deployment('midrun', 'api', 'registry/api:v1', {
        replicas: 2,
        annotations: { 'sandbox.deploy-guard.dev/ready-after': '60s' }
      })
    )
    sandbox.clearRequests()
    const pending = runAction({
      command: 'verify',
      target: 'deployment/api',
      namespace: 'midrun',
      config: await dir.write('midrun.yml', quickConfig),
      kubeconfig: sandbox.kubeconfig
    })
    // Once the action has polled the rollout at least once, the API server starts failing.
    await waitFor(
      () => sandbox.requests.some((r) => r.path.endsWith('/namespaces/midrun/pods') && r.status === 200),
      'the first poll',
      20000
    )
    sandbox.faults.add({ path: /\/namespaces\/midrun\//, status: 503 })
    const run = await pending
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.summary).toMatch(/unreachable|503|inconclusive/i)
  })

  it('says which RBAC rule is missing when the API answers 403, and is inconclusive, not passed', async () => {
    sandbox.faults.add({
      method: 'GET',
      path: /\/api\/v1\/namespaces\/shop\/pods$/,
      status: 403,
      message:
        'pods is forbidden: User "system:serviceaccount:ci:deploy-guard" cannot list resource "pods" in API group "" in the namespace "shop"'
    })
    const run = await verify()
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.summary).toContain('cannot list pods in namespace &quot;shop&quot;')
    expect(run.summary).toContain('grant verbs &#91;&quot;list&quot;&#93; on resources &#91;&quot;pods&quot;&#93;')
    // One reason for one cause, not a copy per row.
    expect(run.summary).toContain('(7 checks): could not check, permission missing')
  })

  it('reports inconclusive, never passed, when the job is cancelled mid-wait', async () => {
    apply(
      sandbox,
      deployment('cancel', 'api', 'registry/api:v1', {
        replicas: 2,
        annotations: { 'sandbox.deploy-guard.dev/ready-after': '600s' }
      })
    )
    sandbox.clearRequests()
    let child: ChildProcess | undefined
    const pending = runAction(
      {
        command: 'verify',
        target: 'deployment/api',
        namespace: 'cancel',
        config: await dir.write('cancel.yml', quickConfig),
        kubeconfig: sandbox.kubeconfig
      },
      {},
      { onSpawn: (c) => (child = c) }
    )
    await waitFor(
      () => sandbox.requests.some((r) => r.path.endsWith('/namespaces/cancel/pods') && r.status === 200),
      'the first poll',
      20000
    )
    child!.kill('SIGINT') // what the runner sends first when a job is cancelled
    const run = await pending
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.summary).toContain('cancelled')
    expect(run.stdout).toContain('received SIGINT')
  })

  it('is inconclusive with the address tried when the API server is unreachable', async () => {
    const unreachable = sandbox.kubeconfig.replace(/server: https:\/\/127\.0\.0\.1:\d+/, 'server: https://127.0.0.1:9')
    const run = await runAction({
      command: 'verify',
      target: 'deployment/api',
      namespace: 'shop',
      config: await dir.write('quick.yml', quickConfig),
      kubeconfig: unreachable
    })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.summary + run.stdout).toContain('127.0.0.1:9')
  })
})
