/**
 * Differential test (issue 8, acceptance 1): two sandboxes start from the same scenario and go through
 * the same deploys; on one the real `kubectl rollout undo` runs, on the other our Rollbacker. After each
 * undo both are left to settle, and they must hold the same template, annotations and revision
 * bookkeeping (ReplicaSet revision annotations and revision-history, ControllerRevision revisions), and
 * the outcome and message must be kubectl's — for Deployments, StatefulSets and DaemonSets, the
 * default and `--to-revision` undo, the paused, already-at-target and missing-revision cases.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { rollbackerFor, type RollbackOutcome } from '../../src/act/rollback/index.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'

const NS = 'prod'
const scenario = `
apiVersion: v1
kind: Namespace
metadata: { name: ${NS} }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${NS} }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: "img:1" }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: ${NS} }
spec:
  replicas: 2
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: app, image: "img:1" }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ${NS}, annotations: { sandbox.deploy-guard.dev/nodes: "2" } }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: app, image: "img:1" }]
`

interface Run {
  code: number
  stdout: string
  stderr: string
}

function kubectl(sandbox: Sandbox, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', sandbox.kubeconfigPath, '-n', NS, ...args],
      { timeout: 60000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
      }
    )
  })
}

async function ok(sandbox: Sandbox, ...args: string[]): Promise<string> {
  const run = await kubectl(sandbox, ...args)
  if (run.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return run.stdout
}

/** kubectl's undo result reduced to outcome + message, as our RollbackOutcome states them. */
function kubectlOutcome(run: Run, target: string): { result: string; message: string } {
  if (run.code !== 0) return { result: 'error', message: run.stderr.trim().replace(/^error: /, '') }
  const line = run.stdout.trim()
  const message = line.slice(line.indexOf(' ') + 1)
  expect(line.startsWith(`${target.replace('/', '.apps/')} `)).toBe(true)
  return { result: message.startsWith('skipped rollback') ? 'skipped' : 'rolled-back', message }
}

type Kind = 'Deployment' | 'StatefulSet' | 'DaemonSet'
const TARGETS: Record<Kind, string> = {
  Deployment: 'deployment/web',
  StatefulSet: 'statefulset/db',
  DaemonSet: 'daemonset/agent'
}

interface Item {
  metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: unknown[] }
  spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } }
  revision?: number
  data?: { spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } } }
}
/**
 * kubectl serialises the restored template from Go structs, so it carries `creationTimestamp: null`; a
 * real API server decodes that into its typed object and drops it, the sandbox stores it. Nulls are
 * therefore not a difference.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)])
    )
  }
  return value
}

const imageOf = (t: { spec?: { containers?: Array<{ image?: string }> } } | undefined) =>
  t?.spec?.containers?.[0]?.image

/** What must agree between the two clusters: names and uids aside, the template and the revision bookkeeping. */
async function bookkeeping(sandbox: Sandbox, kind: Kind): Promise<unknown> {
  const target = TARGETS[kind]
  const workload = JSON.parse(await ok(sandbox, 'get', target, '-o', 'json')) as Item & { spec: { template: unknown } }
  const app = target.split('/')[1]!
  const annotations = { ...workload.metadata.annotations }
  delete annotations['kubectl.kubernetes.io/last-applied-configuration']
  if (kind === 'Deployment') {
    const sets = (JSON.parse(await ok(sandbox, 'get', 'rs', '-l', `app=${app}`, '-o', 'json')) as { items: Item[] })
      .items
    return {
      template: withoutNulls(workload.spec.template),
      annotations,
      history: sets
        .map((rs) => ({
          image: imageOf(rs.spec?.template),
          revision: rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
          revisionHistory: rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']
        }))
        .sort((a, b) => Number(a.revision) - Number(b.revision))
    }
  }
  const revisions = (
    JSON.parse(await ok(sandbox, 'get', 'controllerrevisions', '-l', `app=${app}`, '-o', 'json')) as { items: Item[] }
  ).items
  return {
    template: withoutNulls(workload.spec.template),
    annotations,
    history: revisions
      .map((cr) => ({ image: imageOf(cr.data?.spec?.template), revision: cr.revision }))
      .sort((a, b) => a.revision! - b.revision!)
  }
}

let reference: Sandbox // kubectl rollout undo runs here
let ours: Sandbox // our Rollbacker runs here
let api: KubeClient
let dir: string

async function onBoth(...args: string[]): Promise<void> {
  await Promise.all([ok(reference, ...args), ok(ours, ...args)])
}

const settle = (kind: Kind) => onBoth('rollout', 'status', TARGETS[kind], '--timeout=60s')

async function undoBoth(
  kind: Kind,
  toRevision: number
): Promise<{ theirs: { result: string; message: string }; mine: RollbackOutcome }> {
  const target = TARGETS[kind]
  const args = ['rollout', 'undo', target, ...(toRevision ? [`--to-revision=${toRevision}`] : [])]
  const theirs = kubectlOutcome(await kubectl(reference, ...args), target)
  const workload = await api.get(RESOURCES[kind], NS, target.split('/')[1]!)
  const mine = await rollbackerFor(kind)!.rollback(api, workload!, { toRevision, dryRun: false })
  return { theirs, mine }
}

async function expectSame(
  kind: Kind,
  toRevision: number,
  expected: { result: string; message?: string }
): Promise<void> {
  const { theirs, mine } = await undoBoth(kind, toRevision)
  expect(theirs).toMatchObject(expected)
  expect({ result: mine.result, message: mine.message }).toEqual(theirs)
  if (theirs.result !== 'error') await settle(kind)
  expect(await bookkeeping(ours, kind)).toEqual(await bookkeeping(reference, kind))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'undo-differential-'))
  ;[reference, ours] = await Promise.all([
    startSandbox({ scenarioText: scenario, timeScale: 1000 }),
    startSandbox({ scenarioText: scenario, timeScale: 1000 })
  ])
  api = await createKubeApi({ kubeconfig: ours.kubeconfig }, { retries: 2, minRetryDelayMs: 10, maxRetryDelayMs: 50 })
  // The same three deploys on both clusters: revisions 1 (img:1), 2 (img:2), 3 (img:3).
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet'] as const) {
    await settle(kind)
    for (const image of ['img:2', 'img:3']) {
      await onBoth('set', 'image', TARGETS[kind], `app=${image}`)
      await settle(kind)
    }
  }
}, 180_000)

afterAll(async () => {
  await api?.close()
  await Promise.all([reference?.stop(), ours?.stop()])
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.each(['Deployment', 'StatefulSet', 'DaemonSet'] as const)(
  '%s: our undo leaves what kubectl rollout undo leaves',
  (kind) => {
    it('starts from the same state on both clusters', async () => {
      const state = (await bookkeeping(ours, kind)) as { history: unknown[] }
      expect(state.history).toHaveLength(3)
      expect(state).toEqual(await bookkeeping(reference, kind))
    })

    it('default undo (to the previous revision)', async () => {
      await expectSame(kind, 0, { result: 'rolled-back', message: 'rolled back' })
    }, 120_000)

    it('--to-revision=1', async () => {
      await expectSame(kind, 1, { result: 'rolled-back', message: 'rolled back' })
    }, 120_000)

    it('a missing revision', async () => {
      await expectSame(kind, 99, { result: 'error', message: 'unable to find specified revision 99 in history' })
    }, 120_000)

    it('already at the target revision', async () => {
      const state = (await bookkeeping(ours, kind)) as { history: Array<{ revision: unknown }> }
      const current = Number(state.history.at(-1)!.revision)
      await expectSame(kind, current, {
        result: 'skipped',
        message: `skipped rollback (current template already matches revision ${current})`
      })
    }, 120_000)
  }
)

describe('Deployment: paused', () => {
  it("refuses with kubectl's message and changes nothing", async () => {
    await onBoth('rollout', 'pause', TARGETS.Deployment)
    try {
      await expectSame('Deployment', 0, {
        result: 'error',
        message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"
      })
    } finally {
      await onBoth('rollout', 'resume', TARGETS.Deployment)
    }
  }, 120_000)
})

describe('no history to go back to', () => {
  it.each([
    ['Deployment', 'deployment', 'no rollout history found for deployment "solo"'],
    ['StatefulSet', 'statefulset', 'no last revision to roll back to'],
    ['DaemonSet', 'daemonset', 'no last revision to roll back to']
  ] as const)(
    '%s with a single revision',
    async (kind, resource, message) => {
      const manifest = `apiVersion: apps/v1
kind: ${kind}
metadata: { name: solo, namespace: ${NS} }
spec:
  ${kind === 'StatefulSet' ? 'serviceName: solo' : ''}
  selector: { matchLabels: { app: solo-${resource} } }
  template:
    metadata: { labels: { app: solo-${resource} } }
    spec:
      containers: [{ name: app, image: "img:1" }]
`
      const file = join(dir, `solo-${resource}.yaml`)
      writeFileSync(file, manifest)
      await Promise.all(
        [reference, ours].map(async (sandbox) => {
          await ok(sandbox, 'create', '-f', file)
          await ok(sandbox, 'rollout', 'status', `${resource}/solo`, '--timeout=60s')
        })
      )
      const theirs = kubectlOutcome(await kubectl(reference, 'rollout', 'undo', `${resource}/solo`), `${resource}/solo`)
      const workload = await api.get(RESOURCES[kind], NS, 'solo')
      const mine = await rollbackerFor(kind)!.rollback(api, workload!, { toRevision: 0, dryRun: false })
      expect(theirs).toEqual({ result: 'error', message })
      expect({ result: mine.result, message: mine.message }).toEqual(theirs)
    },
    120_000
  )
})
