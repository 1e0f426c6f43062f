/**
 * Issue 8, acceptance 7, for the manual `command: rollback` (test/e2e/post-step.test.ts covers the
 * verify → undo path): the job is stopped while the restored revision is being waited for.
 * - SIGTERM (what the runner sends on cancel): the main step stops waiting and reports the undo as
 *   landed but unverified, with the command to check it; the post step adds nothing.
 * - SIGKILL (a runner that gave up waiting): the post step reports the rollback's state from the
 *   journal and looks at the workload, read-only.
 * Either way the undo reached the cluster exactly once and nothing undoes it a second time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { apply, deployment, tempDir, waitFor, type TempDir } from './fixtures.js'
import {
  ROLLBACK_CONFIG,
  deploymentRevision,
  failedMarks,
  replicaSets,
  rollbackRows,
  setImage,
  templateImage
} from './rollback-fixtures.js'
import { runAction, runPostStep, type ActionRun } from './run-action.js'

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

interface Stopped {
  main: ActionRun
  post: ActionRun
  /** PATCH/PUT/POST/DELETE requests on the Deployment during both steps. */
  writes: Array<{ method: string; status: number }>
  /** Requests of the post step alone. */
  postMethods: string[]
}

/**
 * v1's pods take an hour (3 minutes here) to become Ready, v2 crash-loops. The engineer rolls back to
 * the previous revision; the main step is stopped with `signal` once its journal says `waiting`.
 */
async function stoppedWhileWaiting(ns: string, signal: NodeJS.Signals): Promise<Stopped> {
  apply(
    sandbox,
    deployment(ns, 'api', 'registry/api:v1', {
      replicas: 2,
      annotations: { 'sandbox.deploy-guard.dev/ready-after': '1h' }
    })
  )
  await waitFor(() => replicaSets(sandbox, ns, 'api').length === 1, `v1's ReplicaSet in ${ns}`)
  await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
  await waitFor(() => deploymentRevision(sandbox, ns, 'api') === '2', 'revision 2')
  const config = await dir.write(`${ns}.yml`, ROLLBACK_CONFIG)
  const inputs = {
    command: 'rollback',
    target: 'deployment/api',
    namespace: ns,
    config,
    kubeconfig: sandbox.kubeconfig,
    reason: 'v2 crash-loops',
    'rollback-to': 'previous'
  }
  const env = { GITHUB_ACTOR: 'oncall-bob' }
  sandbox.clearRequests()
  let stateFile = ''
  const main = await runAction(inputs, env, {
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
  })
  const mainRequests = sandbox.requests.length
  const post = await runPostStep(main, inputs, env)
  const path = `/apis/apps/v1/namespaces/${ns}/deployments/api`
  const writes = sandbox.requests
    .filter((r) => r.path === path && r.method !== 'GET')
    .map(({ method, status }) => ({ method, status }))
  const postMethods = sandbox.requests.slice(mainRequests).map((r) => r.method)
  return { main, post, writes, postMethods }
}

/** The undo landed once: v1's template as revision 3, revision 2 marked; nothing more. */
function expectUndoneOnce(ns: string, stopped: Stopped): void {
  expect(stopped.writes).toEqual([{ method: 'PATCH', status: 200 }])
  expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
  expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
  expect(replicaSets(sandbox, ns, 'api')).toHaveLength(2)
  expect(failedMarks(sandbox, 'Deployment', ns, 'api').map((m) => m.revision)).toEqual([2])
  // The post step only looks.
  expect(stopped.postMethods.every((m) => m === 'GET')).toBe(true)
}

describe('a manual rollback stopped during the restored revision’s wait', () => {
  it('SIGTERM: the main step reports the undo as landed but unverified; the post step adds nothing', async () => {
    const ns = 'cancel-term'
    const stopped = await stoppedWhileWaiting(ns, 'SIGTERM')
    const { main, post } = stopped

    expect(main.state['main-finished']).toBe('true')
    expect(main.exitCode).not.toBe(0)
    expect(main.outputs.verdict).toBe('inconclusive')
    // The undo happened, and the outputs say so; its health is not claimed.
    expect(main.outputs).toMatchObject({ action: 'rolled-back', 'rolled-back-from': '2', 'rolled-back-to': '1' })
    expect(main.outputs['restored-verdict']).not.toBe('passed')
    const [row] = rollbackRows(main)
    expect(row.state).toBe('rolled-back-unverified')
    expect(row.manual).toContain('kubectl rollout status deployment/api -n cancel-term')
    expect(main.summary).toContain('kubectl rollout status deployment/api -n cancel-term')

    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('the main step finished and reported its result')
    expect(post.summary).toBe('')
    expectUndoneOnce(ns, stopped)
  })

  it('SIGKILL: the post step reports the rollback as interrupted while waiting, with the command; no second undo', async () => {
    const ns = 'cancel-kill'
    const stopped = await stoppedWhileWaiting(ns, 'SIGKILL')
    const { main, post } = stopped

    expect(main.state['main-finished']).toBeUndefined()
    expect(main.summary).toBe('')
    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('Rollback interrupted')
    expect(post.summary).toContain('waiting')
    expect(post.summary).toContain('kubectl rollout status deployment/api -n cancel-kill')
    expect(post.summary).toMatch(/revision 2 → revision 1/)
    expect(post.stdout).toMatch(
      /^::warning::deploy-guard: the rollback of deployment\/api in cancel-kill was interrupted/m
    )
    expectUndoneOnce(ns, stopped)
  })
})
