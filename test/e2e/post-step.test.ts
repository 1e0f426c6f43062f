/**
 * The action's `post:` step through the bundle, as the runner runs it: after the main step, with the
 * same inputs and the main step's saved state as STATE_<name>.
 * - a main step that reported → one line, nothing else;
 * - a main step cancelled gracefully (SIGTERM) → it still reports, so the post step has nothing to add;
 * - a main step killed before it reported anything → one inconclusive line in the job summary;
 * - a main step stopped while waiting for a restored revision → the rollback's state, what was and
 *   was not done and the manual command; one read-only look at the workload; no write to the cluster;
 * - acceptance 7 (issue 8), through a real verify → undo → wait: the main step stopped when its
 *   journal says `waiting` (SIGKILL, or SIGTERM as the runner sends it) → exactly one undo PATCH.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { actionsJournal } from '../../src/act/rollback/journal.js'
import type { RollbackProgress } from '../../src/model/rollback-progress.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { apply, deployment, resource, tempDir, waitFor, type TempDir } from './fixtures.js'
import { runAction, runPostStep, type ActionRun } from './run-action.js'

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 50 })
  dir = await tempDir()
  apply(sandbox, deployment('shop', 'api', 'registry/api:v1', { replicas: 2 }))
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

/** Lines on stdout that the runner would read as a command, other than the ones deploy-guard issues itself. */
const foreignCommands = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter(
      (line) =>
        (/^\s*::/.test(line) && !/^::(add-mask|warning|error|debug|group|endgroup)::/.test(line)) ||
        line.includes('##[')
    )

/** A TCP server that accepts connections and never answers: an API server that hangs. */
async function hangingServer(): Promise<{ url: string; connected: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  let onConnect: () => void = () => undefined
  const connected = new Promise<void>((resolve) => (onConnect = resolve))
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    onConnect()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    url: `https://127.0.0.1:${address.port}`,
    connected,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

const kubeconfigFor = (server: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{ name: c, cluster: { server: "' + server + '", insecure-skip-tls-verify: true } }]',
    'users: [{ name: u, user: { token: hanging-server-token-0123456789 } }]',
    'contexts: [{ name: x, context: { cluster: c, user: u } }]',
    'current-context: x'
  ].join('\n')

/** Runs the main step against a hanging API server and stops it with `signal` once it is waiting on it. */
async function mainStoppedWhileWaiting(
  signal: NodeJS.Signals
): Promise<{ main: ActionRun; inputs: Record<string, string> }> {
  const server = await hangingServer()
  try {
    const inputs = {
      command: 'verify',
      target: 'deployment/api',
      namespace: 'shop',
      kubeconfig: kubeconfigFor(server.url),
      timeout: '5m'
    }
    const main = await runAction(
      inputs,
      {},
      { onSpawn: (child) => void server.connected.then(() => child.kill(signal)) }
    )
    return { main, inputs }
  } finally {
    await server.close()
  }
}

describe('the post step', () => {
  it('prints one line and exits 0 after a main step that reported', async () => {
    const config = await dir.write('bad.yml', 'verify:\n  timeout: ten\n')
    const inputs = { command: 'verify', target: 'deployment/api', namespace: 'shop', config }
    const main = await runAction(inputs)
    expect(main.exitCode).toBe(1)
    expect(main.state).toEqual({ isPost: 'true', 'main-finished': 'true' })
    const post = await runPostStep(main, inputs)
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('deploy-guard post: the main step finished and reported its result; nothing to add.')
    expect(post.summary).toBe('')
    expect(post.stdout).not.toMatch(/^::(warning|error)::/m)
    expect(foreignCommands(main.stdout + post.stdout)).toEqual([])
  })

  it('has nothing to add after a gracefully cancelled main step (SIGTERM): that step reported inconclusive', async () => {
    const { main, inputs } = await mainStoppedWhileWaiting('SIGTERM')
    expect(main.outputs.verdict).toBe('inconclusive')
    expect(main.state['main-finished']).toBe('true')
    const post = await runPostStep(main, inputs)
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('nothing to add')
    expect(post.summary).toBe('')
  })

  it('writes one inconclusive line when the main step was killed before it reported anything', async () => {
    const { main, inputs } = await mainStoppedWhileWaiting('SIGKILL')
    expect(main.summary).toBe('')
    expect(main.state).toEqual({ isPost: 'true' })
    const post = await runPostStep(main, inputs)
    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('deploy-guard did not finish: the job was cancelled or timed out before a verdict')
    expect(post.stdout).toMatch(/^::warning::deploy-guard did not finish/m)
    // The kubeconfig input is masked in the post step too, and never printed.
    expect(post.masked).toContain('hanging-server-token-0123456789')
    expect(post.everything).not.toContain('hanging-server-token-0123456789')
  })

  it('reports a rollback stopped during the restored revision’s wait, looks once, and writes nothing to the cluster', async () => {
    // The state exactly as the main step's journal leaves it at the `waiting` phase.
    const saved: Record<string, string> = { isPost: 'true' }
    const journal = actionsJournal({ saveState: (name, value) => (saved[name] = value) })
    const base: RollbackProgress = {
      phase: 'decided',
      target: { kind: 'Deployment', name: 'api', namespace: 'shop' },
      method: 'kubectl',
      fromRevision: '2',
      toRevision: '1',
      reason: 'verify failed: 2 pods in CrashLoopBackOff ::error::x ##[group]y',
      manualCommand: 'kubectl rollout undo deployment/api -n shop --to-revision=1',
      at: new Date().toISOString()
    }
    journal.record(base)
    journal.record({ ...base, phase: 'patching' })
    journal.record({ ...base, phase: 'waiting', manualCommand: 'kubectl rollout status deployment/api -n shop' })
    sandbox.clearRequests()
    const inputs = { command: 'verify', target: 'deployment/api', namespace: 'shop', kubeconfig: sandbox.kubeconfig }
    const post = await runPostStep({ state: saved }, inputs)

    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('deploy-guard: Rollback interrupted')
    expect(post.summary).toContain('### deployment/api in shop')
    expect(post.summary).toContain('revision 2 → revision 1')
    expect(post.summary).toContain(
      '**Not done:** The wait was interrupted: the restored revision was not verified healthy.'
    )
    expect(post.summary).toContain('```bash\nkubectl rollout status deployment/api -n shop\n```')
    expect(post.summary).toMatch(/Checked now \(read-only\) \| (✅|⏳) rollout/)
    expect(post.stdout).toMatch(/^::warning::deploy-guard: the rollback of deployment\/api in shop was interrupted/m)
    expect(post.stdout).toContain('  by hand: kubectl rollout status deployment/api -n shop')
    expect(foreignCommands(post.stdout)).toEqual([])
    // Read-only: no second undo, no patch, nothing but reads.
    const methods = new Set(sandbox.requests.map((r) => r.method))
    expect([...methods].every((m) => m === 'GET')).toBe(true)
    expect(sandbox.requests.some((r) => r.path === '/apis/apps/v1/namespaces/shop/deployments/api')).toBe(true)
    expect(post.everything).not.toContain(sandbox.token)
  })
})

describe('acceptance 7: the job stopped during the restored revision’s wait', () => {
  /**
   * v1's pods take a while to become Ready, and v2 crash-loops: verify fails fast on v2, undoes to v1
   * and waits for it. The test stops the main step as soon as its journal says `waiting`, then runs
   * the post step. Exactly one undo reaches the cluster, whichever way the main step was stopped.
   */
  async function stoppedDuringWait(namespace: string, signal: NodeJS.Signals) {
    const slow = { 'sandbox.deploy-guard.dev/ready-after': '400s' }
    apply(sandbox, deployment(namespace, 'api', 'registry/api:v1', { replicas: 2, annotations: slow }))
    // Revision 1 exists (its ReplicaSet) before the deploy, as on a cluster that ran v1.
    const replicaSets = resource('ReplicaSet', 'apps/v1')
    await waitFor(() => sandbox.store.list(replicaSets, namespace).length > 0, `v1's ReplicaSet in ${namespace}`)
    // The deploy: v2 crash-loops (image-tag convention), as `kubectl set image` would set it.
    const type = resource('Deployment', 'apps/v1')
    const v1 = structuredClone(sandbox.store.get(type, namespace, 'api'))
    if (!v1) throw new Error('no deployment')
    const spec = v1.spec as { template: { spec: { containers: Array<{ image: string }> } } }
    spec.template.spec.containers[0]!.image = 'registry/api:v2-crashloop'
    sandbox.store.update(type, v1)
    sandbox.clearRequests()
    const config = await dir.write(
      `${namespace}.yml`,
      'verify:\n  timeout: 2m\n  failFastAfter: 1s\n  pollInterval: 200ms\nrollback:\n  to: previous\n'
    )
    const inputs = { command: 'verify', target: 'deployment/api', namespace, config, kubeconfig: sandbox.kubeconfig }
    let stateFile = ''
    const main = await runAction(
      inputs,
      {},
      {
        onStateFile: (path) => (stateFile = path),
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (readFileSync(stateFile, 'utf8').includes('"phase":"waiting"')) {
              clearInterval(timer)
              child.kill(signal)
            }
          }, 20)
          child.on('close', () => clearInterval(timer))
        }
      }
    )
    const post = await runPostStep(main, inputs)
    const undos = sandbox.requests.filter(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/namespaces/${namespace}/deployments/api`)
    )
    return { main, post, undos }
  }

  it('SIGKILL: the post step reports the rollback as interrupted while waiting; no second undo', async () => {
    const { main, post, undos } = await stoppedDuringWait('acc7-kill', 'SIGKILL')
    expect(main.state['main-finished']).toBeUndefined()
    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('deploy-guard: Rollback interrupted')
    expect(post.summary).toContain('<code>waiting</code>')
    expect(post.summary).toContain('kubectl rollout status deployment/api -n acc7-kill')
    expect(undos).toHaveLength(1)
  })

  it('SIGTERM: the main step stops its wait and reports the rollback as unverified; the post step adds nothing; no second undo', async () => {
    const { main, post, undos } = await stoppedDuringWait('acc7-term', 'SIGTERM')
    expect(main.state['main-finished']).toBe('true')
    // The main step stopped its wait and reported the rollback as landed but unverified, with the command.
    expect(main.stdout).toContain('rolled-back-unverified')
    expect(main.stdout).toContain('kubectl rollout status deployment/api -n acc7-term')
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/deploy-guard post: the main step finished and reported its result/)
    expect(post.summary).toBe('')
    expect(undos).toHaveLength(1)
  })
})
