/**
 * Issue 8, acceptance 6, through the bundle: Helm-managed and Argo CD-managed targets take their
 * documented paths.
 * - Helm: `helm rollback` through the `helm` of test/harness/helm (first on PATH), which reads and
 *   writes the release Secrets as Helm 3 does and applies the manifest it restores; without `helm` on
 *   PATH, a clear error naming the tool and `rollback.helm: kubectl`.
 * - Argo CD: by default not undone (the report names the command to run); with `rollback.argocd: sync`
 *   the Application gets the rollback sync operation and loses automated sync. The sandbox has no Argo
 *   CD controller, so a small stand-in here runs the operation the way its controller would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { delimiter, resolve } from 'node:path'
import { promisify } from 'node:util'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import type { StoredObject } from '../sandbox/store.js'
import { apply, deployment, resource, tempDir, waitFor, type TempDir } from './fixtures.js'
import {
  deployGood,
  failedMarks,
  plain,
  rollbackRows,
  runCommand,
  setImage,
  templateImage,
  waitRolledOut,
  type CommandRun
} from './rollback-fixtures.js'

const exec = promisify(execFile)
const HELM_BIN = resolve('test/harness/helm/bin')
const PATH_WITH_HELM = `${HELM_BIN}${delimiter}${process.env.PATH ?? ''}`

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

describe('Helm-managed', () => {
  const manifest = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: "${image}" }]
`

  async function helm(...args: string[]): Promise<string> {
    const { stdout } = await exec('helm', [...args, '--kubeconfig', sandbox.kubeconfigPath], {
      env: { ...process.env, PATH: PATH_WITH_HELM },
      timeout: 60_000
    })
    return stdout
  }

  /** Release revisions as Helm keeps them: the labels of its release Secrets. */
  const releaseRevisions = (ns: string, release: string): Array<{ version: string; status: string }> =>
    sandbox.store
      .list(resource('Secret', 'v1'), ns)
      .filter((s) => s.metadata.labels?.owner === 'helm' && s.metadata.labels?.name === release)
      .map((s) => ({ version: s.metadata.labels!.version, status: s.metadata.labels!.status }))
      .sort((a, b) => Number(a.version) - Number(b.version))

  /** Release `web` in `ns`: chart 1.0.0 (good, rolled out), recorded by snapshot, then 1.1.0 (crash-looping). */
  async function goodSnapshotBad(ns: string): Promise<void> {
    apply(sandbox, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
    const v1 = await dir.write(`${ns}-v1.yaml`, manifest('registry/web:v1'))
    const v2 = await dir.write(`${ns}-v2.yaml`, manifest('registry/web:v2-crashloop'))
    await helm('install-fixture', 'web', '-n', ns, '--manifest', v1, '--chart', 'web-1.0.0', '--wait')
    const snapshot = await run({
      command: 'snapshot',
      namespace: ns,
      target: 'deployment/web',
      env: { PATH: PATH_WITH_HELM }
    })
    expect(snapshot.outputs.verdict).toBe('passed')
    await helm('install-fixture', 'web', '-n', ns, '--manifest', v2, '--chart', 'web-1.1.0')
    expect(templateImage(sandbox, 'Deployment', ns, 'web')).toBe('registry/web:v2-crashloop')
  }

  it('verify fails → `helm rollback` to the recorded release revision → a new revision "Rollback to 1", the good image back', async () => {
    const ns = 'helm-ok'
    await goodSnapshotBad(ns)

    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'deployment/web',
      env: { PATH: PATH_WITH_HELM }
    })

    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    const [row] = rollbackRows(verify)
    expect(row.method).toBe('helm')
    expect(row.state).toBe('rolled-back')
    expect(row.change).toMatchObject({ kind: 'command' })
    expect(row.change?.command).toMatch(/^helm rollback web 1 --namespace helm-ok --wait/)
    expect(row.notes.join('\n')).toContain('Helm release "web"')
    // The release history as Helm stores it: revision 3 is the rollback, deployed.
    expect(releaseRevisions(ns, 'web')).toEqual([
      { version: '1', status: 'superseded' },
      { version: '2', status: 'superseded' },
      { version: '3', status: 'deployed' }
    ])
    const history = await helm('history', 'web', '-n', ns, '-o', 'json')
    expect((JSON.parse(history) as Array<{ revision: number; description: string }>).at(-1)).toMatchObject({
      revision: 3,
      description: 'Rollback to 1'
    })
    expect(templateImage(sandbox, 'Deployment', ns, 'web')).toBe('registry/web:v1')
    await waitRolledOut(sandbox, 'Deployment', ns, 'web')
    expect(plain(verify.summary)).toMatch(/rolled back/i)
    expect(plain(verify.summary)).toContain('Helm')
  })

  it('without `helm` on PATH: a clear error naming the tool and rollback.helm: kubectl; nothing changed', async () => {
    const ns = 'helm-missing'
    await goodSnapshotBad(ns)

    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/web' })

    expect(verify.outputs.verdict).toBe('failed')
    expect(verify.outputs.action).toBe('none')
    const [row] = rollbackRows(verify)
    expect(row.method).toBe('helm')
    expect(row.state).toBe('failed')
    expect(row.summary).toMatch(/helm/)
    expect(row.summary).toContain('rollback.helm: kubectl')
    expect(plain(verify.summary)).toContain('rollback.helm: kubectl')
    expect(verify.everything).not.toMatch(/\n\s+at .*\.js:\d+/) // no stack trace
    expect(releaseRevisions(ns, 'web').map((r) => r.version)).toEqual(['1', '2'])
    expect(templateImage(sandbox, 'Deployment', ns, 'web')).toBe('registry/web:v2-crashloop')
  })

  it('rollback.helm: kubectl opts into a plain undo, and says Helm will revert it', async () => {
    const ns = 'helm-kubectl'
    await goodSnapshotBad(ns)

    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'deployment/web',
      config: 'rollback:\n  helm: kubectl\n'
    })

    expect(verify.outputs).toMatchObject({ action: 'rolled-back', 'restored-verdict': 'passed' })
    const [row] = rollbackRows(verify)
    expect(row.method).toBe('kubectl')
    expect(row.notes.join('\n')).toContain('the next helm upgrade will revert it')
    expect(templateImage(sandbox, 'Deployment', ns, 'web')).toBe('registry/web:v1')
    // Helm knows nothing of it: no new release revision.
    expect(releaseRevisions(ns, 'web').map((r) => r.version)).toEqual(['1', '2'])
  })
})

describe('Argo CD-managed', () => {
  const SHA = { good: 'a'.repeat(40), bad: 'b'.repeat(40) }
  const source = { repoURL: 'https://git.example/shop.git', path: 'deploy', targetRevision: 'main' }
  const applications = () => resource('Application', 'argoproj.io/v1alpha1')

  function application(name: string): object {
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source,
        destination: { server: 'https://kubernetes.default.svc', namespace: name },
        syncPolicy: { automated: { prune: true, selfHeal: true } }
      },
      status: {
        sync: { status: 'Synced', revision: SHA.bad },
        health: { status: 'Degraded' },
        history: [
          { id: 1, revision: SHA.good, source, deployedAt: '2026-01-01T00:00:00Z' },
          { id: 2, revision: SHA.bad, source, deployedAt: '2026-01-02T00:00:00Z' }
        ],
        operationState: { phase: 'Succeeded', operation: { sync: { revision: SHA.bad } } }
      }
    }
  }

  /** The app's Deployment (label tracking): v1 rolled out, then Argo CD synced v2 (crash-looping). */
  async function syncedBad(ns: string): Promise<void> {
    apply(sandbox, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } })
    const d = deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }) as {
      metadata: { labels: Record<string, string> }
    }
    d.metadata.labels['argocd.argoproj.io/instance'] = ns
    await deployGood(sandbox, 'Deployment', ns, 'api', d, application(ns))
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
  }

  const app = (name: string): StoredObject => sandbox.store.get(applications(), 'argocd', name)!

  it('by default: not undone; the report names the command to run', async () => {
    const ns = 'argo-refuse'
    await syncedBad(ns)
    const before = app(ns).metadata.resourceVersion

    const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })

    expect(verify.outputs.verdict).toBe('failed')
    expect(verify.outputs.action).toBe('none')
    const [row] = rollbackRows(verify)
    expect(row.method).toBe('argocd')
    expect(row.state).toBe('refused')
    expect(row.summary).toContain(`Argo CD application "${ns}"`)
    expect(row.manual.join('\n')).toContain(`argocd app rollback ${ns} 1`)
    expect(row.manual.join('\n')).toContain(`argocd app set ${ns}`)
    expect(plain(verify.summary)).toContain(`argocd app rollback ${ns} 1`)
    // Neither the workload nor the Application was touched.
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2-crashloop')
    expect(failedMarks(sandbox, 'Deployment', ns, 'api')).toEqual([])
    expect(app(ns).metadata.resourceVersion).toBe(before)
  })

  it('rollback.argocd: sync → the rollback sync operation, automated sync off, the good version back', async () => {
    const ns = 'argo-sync'
    await syncedBad(ns)
    // Argo CD's controller, as far as this test needs it: run a sync operation to its revision.
    const controller = waitFor(
      () => {
        const operation = (app(ns) as StoredObject & { operation?: { sync?: { revision?: string } } }).operation
        return operation?.sync?.revision ? operation : undefined
      },
      'the rollback sync operation',
      30_000
    ).then(async (operation) => {
      const current = app(ns)
      const snapshot = JSON.parse(JSON.stringify(current)) as StoredObject & Record<string, unknown>
      if (operation.sync?.revision === SHA.good)
        await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v1')
      return snapshot
    })

    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'deployment/api',
      config: 'rollback:\n  argocd: sync\n'
    })
    const seen = await controller

    expect(seen.operation).toMatchObject({
      sync: { revision: SHA.good, source, prune: false },
      initiatedBy: { username: expect.any(String) }
    })
    expect((seen.spec as { syncPolicy?: { automated?: unknown } }).syncPolicy?.automated).toBeUndefined()
    expect(verify.outputs).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    const [row] = rollbackRows(verify)
    expect(row.method).toBe('argocd')
    expect(row.message).toContain('Automated sync was turned off')
    expect(row.change).toMatchObject({ kind: 'patch', patchType: 'merge' })
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(plain(verify.summary)).toMatch(/Argo CD/)
  })
})
