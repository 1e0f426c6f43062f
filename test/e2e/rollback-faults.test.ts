/**
 * Issue 8, acceptance 5: faults during the undo, injected by the sandbox on the rollback's PATCH. Each
 * run ends in the correct state or in a precise report of what was and was not done — and the
 * Deployment read afterwards proves that nothing is claimed that did not happen.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import type { FaultRule } from '../sandbox/faults.js'
import { deployment, tempDir, type TempDir } from './fixtures.js'
import {
  deployGood,
  deploymentRevision,
  failedMarks,
  plain,
  rollbackRows,
  runCommand,
  setImage,
  templateImage,
  type CommandRun
} from './rollback-fixtures.js'
import type { ActionRun } from './run-action.js'

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

const run = (r: Omit<CommandRun, 'sandbox' | 'dir'>) => runCommand({ sandbox, dir, ...r })
const deploymentPath = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments/api`

/** v1 healthy, then v2 crash-looping: the state every case starts the undo from. */
async function badDeploy(ns: string): Promise<void> {
  await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
  await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
}

/** Statuses of the PATCHes the run sent to the Deployment, in order (0: dropped). */
const patchStatuses = (ns: string): number[] =>
  sandbox.requests.filter((r) => r.method === 'PATCH' && r.path === deploymentPath(ns)).map((r) => r.status)

/** A manual undo to the previous revision with `fault` on the Deployment's PATCH. */
async function undoWith(
  ns: string,
  fault: Omit<FaultRule, 'path' | 'method'>,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  await badDeploy(ns)
  sandbox.faults.add({ method: 'PATCH', path: deploymentPath(ns), ...fault })
  sandbox.clearRequests()
  try {
    return await run({
      command: 'rollback',
      namespace: ns,
      target: 'deployment/api',
      inputs: { reason: 'v2 crash-loops', 'rollback-to': 'previous', ...inputs }
    })
  } finally {
    sandbox.faults.clear()
  }
}

/** Nothing landed: the bad template still runs, as revision 2, without a failed mark. */
function expectUnchanged(ns: string, run: ActionRun): void {
  expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2-crashloop')
  expect(deploymentRevision(sandbox, ns, 'api')).toBe('2')
  expect(failedMarks(sandbox, 'Deployment', ns, 'api')).toEqual([])
  expect(run.outputs.action).toBe('none')
  expect(run.outputs['rolled-back-to']).toBe('')
  expect(run.outputs['restored-verdict']).toBe('')
  expect(run.exitCode).not.toBe(0)
  expect(plain(run.summary)).not.toMatch(/the restored version is healthy/)
}

/** The undo landed once: v1's template runs again as revision 3, healthy, with revision 2 marked. */
function expectRolledBack(ns: string, run: ActionRun): void {
  expect(run.outputs).toMatchObject({
    action: 'rolled-back',
    'rolled-back-from': '2',
    'rolled-back-to': '1',
    'restored-verdict': 'passed'
  })
  expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
  expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
  expect(failedMarks(sandbox, 'Deployment', ns, 'api').map((m) => m.revision)).toEqual([2])
}

describe('faults during the undo', () => {
  it('a 409 on the first write (verify → rollback): re-read, re-checked, retried, rolled back once', async () => {
    const ns = 'conflict'
    await badDeploy(ns)
    sandbox.faults.add({ method: 'PATCH', path: deploymentPath(ns), status: 409, times: 1 })
    sandbox.clearRequests()
    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })
    sandbox.faults.clear()

    expect(verify.outputs.verdict).toBe('failed')
    expectRolledBack(ns, verify)
    expect(patchStatuses(ns)).toEqual([409, 200])
    expect(rollbackRows(verify)[0].notes.join('\n')).toContain('409 Conflict')
  })

  it('two 500s: retried with backoff, then rolled back', async () => {
    const ns = 'flaky'
    const rollback = await undoWith(ns, { status: 500, times: 2 })
    expectRolledBack(ns, rollback)
    expect(rollback.outputs.verdict).toBe('passed')
    expect(patchStatuses(ns)).toEqual([500, 500, 200])
  })

  it('500s on every try: retries run out and the write is reported unconfirmed, with the commands to check', async () => {
    const ns = 'broken'
    const rollback = await undoWith(ns, { status: 500, message: 'etcdserver: request timed out' })
    expectUnchanged(ns, rollback)
    expect(patchStatuses(ns)).toEqual([500, 500, 500, 500, 500])
    const [row] = rollbackRows(rollback)
    expect(row.state).toBe('unknown')
    expect(row.summary).toMatch(/was sent but not confirmed.*etcdserver: request timed out.*check the history/)
    expect(row.manual).toEqual([
      'kubectl rollout history deployment/api -n broken',
      'kubectl rollout undo deployment/api -n broken --to-revision=1',
      'kubectl rollout status deployment/api -n broken'
    ])
    expect(rollback.outputs.verdict).toBe('inconclusive')
    expect(plain(rollback.summary)).toContain('kubectl rollout history deployment/api -n broken')
  })

  it('a definite refusal (422): reported failed, nothing changed', async () => {
    const ns = 'invalid'
    const rollback = await undoWith(ns, { status: 422, message: 'admission webhook "policy" denied the request' })
    expectUnchanged(ns, rollback)
    expect(patchStatuses(ns)).toEqual([422])
    const [row] = rollbackRows(rollback)
    expect(row.state).toBe('failed')
    expect(row.summary).toMatch(/failed.*denied the request.*nothing was changed/)
    expect(row.manual[0]).toBe('kubectl rollout undo deployment/api -n invalid --to-revision=1')
    expect(rollback.outputs.verdict).toBe('failed')
  })

  it('a connection dropped once: the write is retried and lands once', async () => {
    const ns = 'dropped-once'
    const rollback = await undoWith(ns, { drop: true, times: 1 })
    expectRolledBack(ns, rollback)
    expect(patchStatuses(ns)).toEqual([0, 200])
  })

  it('every connection dropped: "sent but not confirmed", state unknown, the manual commands', async () => {
    const ns = 'dropped'
    const rollback = await undoWith(ns, { drop: true })
    expectUnchanged(ns, rollback)
    const [row] = rollbackRows(rollback)
    expect(row.state).toBe('unknown')
    expect(row.summary).toMatch(/sent but not confirmed.*may or may not have landed.*check the history/)
    expect(row.manual).toContain('kubectl rollout history deployment/api -n dropped')
    expect(rollback.outputs.verdict).toBe('inconclusive')
    expect(plain(rollback.summary)).toMatch(/unconfirmed|not confirmed/i)
    expect(rollback.stdout).toContain('kubectl rollout history deployment/api -n dropped')
  })

  it('the API stops answering for longer than the budget: the step ends in time, the write unconfirmed', async () => {
    const ns = 'hanging'
    const started = Date.now()
    const rollback = await undoWith(ns, { hang: true }, { timeout: '2s' })
    // Within the step's budget (2 s), not one 30 s request timeout per retry.
    expect(Date.now() - started).toBeLessThan(20_000)
    expectUnchanged(ns, rollback)
    const [row] = rollbackRows(rollback)
    expect(row.state).toBe('unknown')
    expect(row.summary).toMatch(/sent but not confirmed/)
    expect(row.manual[0]).toBe('kubectl rollout history deployment/api -n hanging')
  })
})
