/**
 * Issue 8, acceptance 3 and 4: the guard rails that keep a rollback from doing harm.
 * - A no-op deploy (the template did not change; the running version was already bad) is never undone
 *   to something older, and the report says why.
 * - Loop safety: a second failing run does not flip back; a revision marked failed is never a target;
 *   a workload changed by someone else after the verdict is not undone (orchestrator level: the
 *   window between verdict and undo is too short to hit from outside the bundle); two rollbacks racing
 *   on one workload end at the good revision, undone once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rollBackTarget, readWorkload, type RollbackDeps } from '../../src/act/rollback/orchestrate.js'
import { memoryJournal } from '../../src/act/rollback/journal.js'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { deployment, tempDir, type TempDir } from './fixtures.js'
import {
  FAILED_REVISION_ANNOTATION,
  annotationsOf,
  deployGood,
  deploymentRevision,
  failedMarks,
  plain,
  replicaSets,
  rollbackRows,
  runCommand,
  setImage,
  templateImage,
  waitRolledOut,
  type CommandRun
} from './rollback-fixtures.js'

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

const writesTo = (namespace: string, name: string) =>
  sandbox.requests.filter(
    (r) => r.method !== 'GET' && r.path === `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`
  )

describe('a no-op deploy is never undone', () => {
  it('leaves a workload whose running version was already bad alone, and says why', async () => {
    const ns = 'noop'
    // v1 good, then v2 (crash-looping) went out in an earlier deploy: v2 is what runs now.
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const snapshot = await run({ command: 'snapshot', namespace: ns, target: 'deployment/api' })
    expect(snapshot.outputs.verdict).toBe('passed')
    expect(annotationsOf(sandbox, 'Deployment', ns, 'api')['deploy-guard.io/snapshot']).toContain('"revision":2')

    // The deploy re-applies the image already running: the template does not change.
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    sandbox.clearRequests()
    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })

    expect(verify.exitCode).not.toBe(0)
    expect(verify.outputs.verdict).toBe('failed')
    expect(verify.outputs.action).toBe('none')
    expect(verify.outputs['rolled-back-from']).toBe('')
    expect(verify.outputs['restored-verdict']).toBe('')
    const [row] = rollbackRows(verify)
    expect(row.state).toBe('refused')
    expect(row.summary).toContain('does not roll back past')
    expect(plain(verify.summary)).toContain('does not roll back past')
    // Nothing was written: revision 1 (good, older than the pre-deploy revision) was not restored.
    expect(writesTo(ns, 'api')).toEqual([])
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2-crashloop')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('2')
    expect(annotationsOf(sandbox, 'Deployment', ns, 'api')[FAILED_REVISION_ANNOTATION]).toBeUndefined()
  })
})

describe('loop safety', () => {
  it('a second failing run rolls back to the good version again, never to the bad one', async () => {
    const ns = 'twice'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    await run({ command: 'snapshot', namespace: ns, target: 'deployment/api' })
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const first = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })
    expect(first.outputs).toMatchObject({ action: 'rolled-back', 'rolled-back-from': '2', 'rolled-back-to': '1' })
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')

    // The same bad version is deployed again: its old ReplicaSet comes back as revision 4.
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const second = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })

    expect(second.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '4',
      'rolled-back-to': '3',
      'restored-verdict': 'passed'
    })
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('5')
    // One mark for the bad template, kept up to date (not one per number it took).
    const marks = failedMarks(sandbox, 'Deployment', ns, 'api')
    expect(marks.length).toBeGreaterThanOrEqual(1)
    expect(new Set(marks.map((m) => m.templateHash)).size).toBe(1)
    // Two ReplicaSets only: v1 (running) and v2 (scaled to zero). No third template was ever made.
    expect(replicaSets(sandbox, ns, 'api')).toHaveLength(2)

    // Nothing flips back: a further failing verify of the restored (healthy) version has nothing to do.
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    const third = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })
    expect(third.outputs.verdict).toBe('passed')
    expect(third.outputs.action).toBe('none')
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
  })

  it('never rolls back to a revision marked failed, even when asked for the previous one by hand', async () => {
    const ns = 'marked'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })
    expect(verify.outputs.action).toBe('rolled-back')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    // Now revision 3 (v1) runs; the previous revision is 2, the one marked failed.
    sandbox.clearRequests()
    const manual = await run({
      command: 'rollback',
      namespace: ns,
      target: 'deployment/api',
      inputs: { reason: 'on-call: try the previous build', 'rollback-to': 'previous' }
    })

    expect(manual.exitCode).not.toBe(0)
    expect(manual.outputs.action).toBe('none')
    const [row] = rollbackRows(manual)
    expect(row.state).toBe('refused')
    expect(row.summary).toMatch(/revision 2 was marked failed.*never rolls back to a revision marked failed/)
    expect(plain(manual.summary)).toContain('marked failed')
    expect(writesTo(ns, 'api')).toEqual([])
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
  })

  describe('at the orchestrator', () => {
    let api: KubeClient
    beforeAll(async () => {
      api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, { retries: 1, minRetryDelayMs: 10 })
    })
    afterAll(async () => {
      await api?.close()
    })

    const deps = (): RollbackDeps & { journal: ReturnType<typeof memoryJournal> } => ({
      api,
      journal: memoryJournal(),
      log: () => undefined,
      now: () => new Date(),
      verifyRestored: () => {
        throw new Error('no undo was expected, so nothing should be verified')
      }
    })

    it('does not undo a workload someone else changed after the verdict', async () => {
      const ns = 'changed'
      await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
      await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
      const ref = { kind: 'Deployment', name: 'api', namespace: ns }
      const judgedRead = await readWorkload(api, 'Deployment', ref)
      const judged = judgedRead!.revisions.state
      // After the verdict, someone deploys v3.
      await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v3')
      sandbox.clearRequests()
      const d = deps()

      const report = await rollBackTarget(
        { ref, judged, preRollout: { revision: 1 } },
        { to: 'recorded', trigger: 'verdict', dryRun: false, helm: 'helm', argocd: 'refuse', reason: 'verify failed' },
        d
      )

      expect(report.state).toBe('refused')
      expect(report.summary).toContain('someone else is acting')
      expect(report.summary).toContain(`generation ${judged.generation} → ${judged.generation + 1}`)
      expect(writesTo(ns, 'api')).toEqual([])
      expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v3')
      expect(d.journal.entries).toEqual([])
    })

    it('does not undo a workload whose template moved without a new generation being judged', async () => {
      const ns = 'changed-template'
      await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
      await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
      const ref = { kind: 'Deployment', name: 'api', namespace: ns }
      const live = (await readWorkload(api, 'Deployment', ref))!.revisions.state
      const report = await rollBackTarget(
        { ref, judged: { generation: live.generation, templateHash: 'someotherhash' }, preRollout: { revision: 1 } },
        { to: 'recorded', trigger: 'verdict', dryRun: false, helm: 'helm', argocd: 'refuse', reason: 'verify failed' },
        deps()
      )
      expect(report.state).toBe('refused')
      expect(report.summary).toContain('someone else is acting')
      expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2-crashloop')
    })
  })

  it('two manual rollbacks racing on one workload end at the good revision, undone once', async () => {
    const ns = 'race'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    // The first PATCH to reach the server is answered 409, as if the other run had written just before.
    sandbox.faults.add({
      method: 'PATCH',
      path: `/apis/apps/v1/namespaces/${ns}/deployments/api`,
      status: 409,
      times: 1
    })
    sandbox.clearRequests()
    const rollback = (who: string) =>
      run({
        command: 'rollback',
        namespace: ns,
        target: 'deployment/api',
        inputs: { reason: `${who} saw the crash loop`, 'rollback-to': 'previous' },
        env: { GITHUB_ACTOR: who }
      })

    const runs = await Promise.all([rollback('alice'), rollback('bob')])

    // The cluster: revision 1's template back once, as revision 3; no revision 4.
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
    expect(replicaSets(sandbox, ns, 'api')).toHaveLength(2)
    const landed = writesTo(ns, 'api').filter((r) => r.method === 'PATCH' && r.status === 200)
    expect(landed).toHaveLength(1)
    expect(failedMarks(sandbox, 'Deployment', ns, 'api').map((m) => m.revision)).toEqual([2])

    // One run rolled back; the other says it found the work done, or refused — and claims no undo.
    const rows = runs.map((r) => rollbackRows(r)[0])
    const winner = rows.filter((r) => r.state === 'rolled-back')
    expect(winner).toHaveLength(1)
    const other = rows.find((r) => r !== winner[0])!
    expect(['refused', 'not-started']).toContain(other.state)
    // Depending on timing it lost the race at the write (409 → re-read → already there) or read the
    // workload after the undo (the previous revision is then the one just marked failed).
    expect(other.summary).toMatch(/another writer got there first.*this run changed nothing|marked failed/)
    const otherRun = runs[rows.indexOf(other)]
    expect(otherRun.outputs.action).toBe('none')
    expect(otherRun.outputs['rolled-back-to']).toBe('')
    expect(runs[rows.indexOf(winner[0])].outputs).toMatchObject({
      action: 'rolled-back',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    expect(plain(otherRun.summary)).not.toMatch(
      /Rolled back from revision 2 to revision 1; the restored version is healthy/
    )
  })
})
