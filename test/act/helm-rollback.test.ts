/**
 * Helm-managed rollback (issue 8, acceptance 6) against the sandbox and the `helm` stand-in of
 * test/harness/helm, which reads and writes the release Secrets where Helm 3 keeps them and applies
 * the manifests it restores: v1 is good, v2 crash-loops; deploy-guard's rollback must leave a new
 * release revision 3 "Rollback to 1", deployed, with the Deployment running v1's image again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { readHelmHistory, rollbackHelm, type HelmRollbackOptions } from '../../src/act/rollback/helm.js'
import { detectManager } from '../../src/kube/workload/management.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'

const run = promisify(execFile)
const NS = 'shop'
const HELM_BIN = resolve('test/harness/helm/bin')
const PATH_WITH_HELM = `${HELM_BIN}${delimiter}${process.env.PATH ?? ''}`

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

let sandbox: Sandbox
let api: KubeClient
let dir: string
let release = 0

async function helm(...args: string[]): Promise<string> {
  const { stdout } = await run('helm', [...args, '--kubeconfig', sandbox.kubeconfigPath], {
    env: { ...process.env, PATH: PATH_WITH_HELM },
    timeout: 60_000
  })
  return stdout
}

async function image(name: string): Promise<string | undefined> {
  const { stdout } = await run('kubectl', [
    '--kubeconfig',
    sandbox.kubeconfigPath,
    '-n',
    NS,
    'get',
    'deploy',
    name,
    '-o',
    'json'
  ])
  return (JSON.parse(stdout) as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec
    .template.spec.containers[0]?.image
}

/** A fresh release per test: v1 good (waited for), v2 crash-looping (not waited for: it never gets ready). */
async function installGoodThenBad(): Promise<string> {
  const name = `web${++release}`
  const v1 = join(dir, `${name}-v1.yaml`)
  const v2 = join(dir, `${name}-v2.yaml`)
  writeFileSync(v1, manifest('registry/web:v1').replace(/web\b(?!:)/g, name))
  writeFileSync(v2, manifest('registry/web:v2-crashloop').replace(/web\b(?!:)/g, name))
  await helm('install-fixture', name, '-n', NS, '--manifest', v1, '--chart', 'web-1.0.0', '--wait')
  await helm('install-fixture', name, '-n', NS, '--manifest', v2, '--chart', 'web-1.1.0')
  return name
}

const options = (overrides: Partial<HelmRollbackOptions> = {}): HelmRollbackOptions => ({
  dryRun: false,
  timeoutMs: 60_000,
  kubeconfigPath: sandbox.kubeconfigPath,
  env: { ...process.env, PATH: PATH_WITH_HELM },
  ...overrides
})

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'helm-rollback-'))
  sandbox = await startSandbox({
    scenarioText: `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${NS} }\n`,
    timeScale: 200
  })
  api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, { retries: 1, minRetryDelayMs: 10 })
}, 60_000)

afterAll(async () => {
  await api?.close()
  await sandbox?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

let name: string
beforeEach(async () => {
  name = await installGoodThenBad()
}, 120_000)

describe('Helm-managed rollback through helm rollback', () => {
  it('the workload installed by Helm is detected as Helm-managed', async () => {
    const deployment = await api.get(RESOURCES.Deployment, NS, name)
    expect(deployment).toBeDefined()
    expect(detectManager(deployment!)).toMatchObject({ managedBy: 'helm', release: name, namespace: NS })
  })

  it('rolls back to the previous deployed revision: revision 3 "Rollback to 1", deployed, v1 running', async () => {
    expect(await image(name)).toBe('registry/web:v2-crashloop')
    const outcome = await rollbackHelm(api, { release: name, namespace: NS }, options())
    expect(outcome).toMatchObject({
      manager: 'helm',
      result: 'rolled-back',
      fromRevision: 2,
      toRevision: 1,
      newRevision: { version: 3, status: 'deployed', description: 'Rollback to 1' },
      command: `helm rollback ${name} 1 --namespace ${NS} --wait --timeout 60s`,
      dryRun: false
    })
    expect(outcome.message).toBe(`rolled back Helm release "${name}" from revision 2 to 1 as revision 3 (deployed)`)
    expect(await readHelmHistory(api, name, NS)).toEqual([
      expect.objectContaining({ version: 1, status: 'superseded' }),
      expect.objectContaining({ version: 2, status: 'superseded' }),
      { version: 3, status: 'deployed', description: 'Rollback to 1' }
    ])
    expect(await image(name)).toBe('registry/web:v1')
  }, 120_000)

  it('rolls back to the revision the snapshot recorded', async () => {
    // A third deploy on top: "previous deployed" would now be revision 2 (superseded); the snapshot's
    // revision 1 must win.
    const v3 = join(dir, `${name}-v3.yaml`)
    writeFileSync(v3, manifest('registry/web:v3-crashloop').replace(/web\b(?!:)/g, name))
    await helm('install-fixture', name, '-n', NS, '--manifest', v3, '--chart', 'web-1.2.0')
    const outcome = await rollbackHelm(api, { release: name, namespace: NS, recordedRevision: 1 }, options())
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      fromRevision: 3,
      toRevision: 1,
      newRevision: { version: 4 }
    })
    expect(await image(name)).toBe('registry/web:v1')
  }, 120_000)

  it('without helm on PATH: the clear error naming the tool, nothing changed', async () => {
    const outcome = await rollbackHelm(
      api,
      { release: name, namespace: NS },
      options({ env: { PATH: join(dir, 'empty') } })
    )
    expect(outcome).toMatchObject({ result: 'error', reason: 'helm-not-found', fromRevision: 2, toRevision: 1 })
    expect(outcome.message).toBe(
      'Helm-managed workload: deploy-guard rolls back with `helm rollback`, but no `helm` was found on PATH; install it (GitHub-hosted runners have it) or set `rollback.helm: kubectl` to undo the Deployment directly (the next helm upgrade will revert it)'
    )
    expect((await readHelmHistory(api, name, NS)).map((r) => r.version)).toEqual([1, 2])
    expect(await image(name)).toBe('registry/web:v2-crashloop')
  })

  it('a dry run reports the exact command and changes nothing', async () => {
    const before = (await api.get(RESOURCES.Deployment, NS, name))!.metadata.resourceVersion
    const outcome = await rollbackHelm(
      api,
      { release: name, namespace: NS },
      options({ dryRun: true, context: 'sandbox' })
    )
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      dryRun: true,
      fromRevision: 2,
      toRevision: 1,
      command: `helm rollback ${name} 1 --namespace ${NS} --wait --timeout 60s --kube-context sandbox`,
      message: `would run: helm rollback ${name} 1 --namespace ${NS} --wait --timeout 60s --kube-context sandbox`
    })
    expect(outcome.newRevision).toBeUndefined()
    expect((await readHelmHistory(api, name, NS)).map((r) => r.version)).toEqual([1, 2])
    expect((await api.get(RESOURCES.Deployment, NS, name))!.metadata.resourceVersion).toBe(before)
  })

  it('helm failing: an error with its words, what Helm recorded, and the command to run by hand', async () => {
    const outcome = await rollbackHelm(
      api,
      { release: name, namespace: NS },
      options({ env: { ...process.env, PATH: PATH_WITH_HELM, DG_FAKE_HELM_FAIL: 'rollback' } })
    )
    expect(outcome).toMatchObject({
      result: 'error',
      reason: 'helm-failed',
      manualCommand: `helm rollback ${name} 1 --namespace ${NS} --wait --timeout 60s`,
      stderr: 'Error: an error occurred while rolling back the release'
    })
    expect(outcome.message).toBe(
      `\`helm rollback\` failed (exit 1): Error: an error occurred while rolling back the release; Helm recorded no new revision. Check \`helm history ${name} -n ${NS}\` and finish by hand.`
    )
  })

  it('refuses a revision the release does not keep, naming what it keeps', async () => {
    const outcome = await rollbackHelm(api, { release: name, namespace: NS, toRevision: 7 }, options())
    expect(outcome).toMatchObject({ result: 'error', reason: 'revision-not-found' })
    expect(outcome.message).toBe(
      `Helm release "${name}" has no revision 7 (asked for); it keeps revisions 1–2 (older ones are pruned by --history-max).`
    )
  })
})
