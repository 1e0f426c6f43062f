/**
 * Issue 8, acceptance 2, through the bundle: snapshot → the user's deploy of a crash-looping version
 * (`kubectl set image`) → `verify` fails → undone to the recorded revision → the restored version is
 * verified healthy. For a Deployment, a StatefulSet and a DaemonSet, and without a snapshot (the
 * default target is then the revision live before the rollout).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { daemonSet, deployment, statefulSet, tempDir, type TempDir } from './fixtures.js'
import {
  REVISION_ANNOTATION,
  annotationsOf,
  controllerRevisions,
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

describe('verify rolls a failed deploy back, end to end', () => {
  it('Deployment: snapshot → crash-looping deploy → failed → undone to the snapshot → restored healthy', async () => {
    const ns = 'deploy-snap'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))

    const snapshot = await run({ command: 'snapshot', namespace: ns, target: 'deployment/api' })
    expect(snapshot.exitCode).toBe(0)
    expect(snapshot.outputs.verdict).toBe('passed')
    expect(annotationsOf(sandbox, 'Deployment', ns, 'api')['deploy-guard.io/snapshot']).toContain('"revision":1')
    // The same record reaches the step output, for a later job.
    expect(JSON.parse(snapshot.outputs.snapshot ?? '[]')).toMatchObject([
      { ref: { kind: 'Deployment', name: 'api', namespace: ns }, revision: 1, images: { app: 'registry/api:v1' } }
    ])
    // The snapshot is a metadata write: no rollout started.
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('1')
    expect(replicaSets(sandbox, ns, 'api')).toHaveLength(1)

    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })

    expect(verify.exitCode).not.toBe(0) // a deploy that had to be rolled back is a failed deploy
    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    const [row] = rollbackRows(verify)
    expect(row).toMatchObject({
      target: 'deployment/api',
      state: 'rolled-back',
      method: 'kubectl',
      restoredVerdict: 'passed',
      dryRun: false
    })
    expect(row.notes.join('\n')).not.toContain('no snapshot was taken')

    // The cluster: the good template is back (as revision 3), healthy, and revision 2 is marked failed.
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    const marks = failedMarks(sandbox, 'Deployment', ns, 'api')
    expect(marks).toHaveLength(1)
    expect(marks[0].revision).toBe(2)
    expect(marks[0].reason).toMatch(/CrashLoopBackOff|rollout/i)
    // kubectl agrees: the history shows revisions 2 and 3, and no pod of the bad template is left.
    const rsImages = replicaSets(sandbox, ns, 'api').map((rs) => [
      rs.metadata.annotations?.[REVISION_ANNOTATION],
      (rs.spec as { replicas: number }).replicas
    ])
    expect(rsImages.sort()).toEqual([
      ['2', 0],
      ['3', 2]
    ])

    // Both verdicts in the summary and the log.
    const summary = plain(verify.summary)
    expect(summary).toMatch(/rolled back/i)
    expect(summary).toMatch(/CrashLoopBackOff/)
    expect(summary).toMatch(/restored[^\n]*(healthy|passed)/i)
    expect(verify.stdout).toMatch(/rolled back/)
    expect(verify.record?.action).toBe('rolled-back')
  })

  it('Deployment without a snapshot: undone to the revision live before the rollout', async () => {
    const ns = 'deploy-nosnap'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v3-crashloop')

    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })

    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '3',
      'rolled-back-to': '2',
      'restored-verdict': 'passed'
    })
    const [row] = rollbackRows(verify)
    expect(row.notes.join('\n')).toContain('no snapshot was taken')
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('4')
    expect(plain(verify.summary)).toMatch(/rolled back/i)
  })

  it('StatefulSet: snapshot → crash-looping deploy → undone through its ControllerRevisions → restored healthy', async () => {
    const ns = 'sts-snap'
    await deployGood(sandbox, 'StatefulSet', ns, 'db', statefulSet(ns, 'db', 'registry/db:v1', 2))
    const snapshot = await run({ command: 'snapshot', namespace: ns, target: 'statefulset/db' })
    expect(snapshot.outputs.verdict).toBe('passed')

    await setImage(sandbox, 'StatefulSet', ns, 'db', 'app', 'registry/db:v2-crashloop')
    // OrderedReady: the last pod is replaced first and crash-loops; nothing else moves.
    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'statefulset/db',
      config: 'rollback:\n  forceStatefulSet: true\n'
    })

    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    expect(templateImage(sandbox, 'StatefulSet', ns, 'db')).toBe('registry/db:v1')
    await waitRolledOut(sandbox, 'StatefulSet', ns, 'db')
    // The undo re-applies revision 1's template as a new revision 3 (kubectl's ControllerRevision history).
    expect(controllerRevisions(sandbox, ns, 'db')).toEqual([2, 3])
    expect(failedMarks(sandbox, 'StatefulSet', ns, 'db').map((m) => m.revision)).toEqual([2])
    // The crash-looping pod of revision 2 blocked OrderedReady: deleted, as rollback.forceStatefulSet allows.
    expect(rollbackRows(verify)[0].notes.join('\n')).toMatch(/deleted pods db-1 of the failed revision/)
    expect(plain(verify.summary)).toMatch(/rolled back/i)
  })

  it('DaemonSet: snapshot → crash-looping deploy → undone → restored healthy', async () => {
    const ns = 'ds-snap'
    await deployGood(sandbox, 'DaemonSet', ns, 'agent', daemonSet(ns, 'agent', 'registry/agent:v1'))
    const snapshot = await run({ command: 'snapshot', namespace: ns, target: 'daemonset/agent' })
    expect(snapshot.outputs.verdict).toBe('passed')

    await setImage(sandbox, 'DaemonSet', ns, 'agent', 'agent', 'registry/agent:v2-crashloop')
    const verify = await run({ command: 'verify', namespace: ns, target: 'daemonset/agent' })

    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    expect(templateImage(sandbox, 'DaemonSet', ns, 'agent')).toBe('registry/agent:v1')
    await waitRolledOut(sandbox, 'DaemonSet', ns, 'agent')
    expect(failedMarks(sandbox, 'DaemonSet', ns, 'agent').map((m) => m.revision)).toEqual([2])
    expect(plain(verify.summary)).toMatch(/rolled back/i)
  })
})
