/**
 * The real kubectl against the sandbox: create, get, set image, rollout status/history/undo, events
 * and logs behave as on a real cluster because the controller plays Kubernetes' part.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from './index.js'
import type { StoredObject } from './store.js'
import { kubectlOk, runKubectl } from './kubectl-harness.js'

let sandbox: Sandbox
let dir: string

const kubectl = (...args: string[]) => runKubectl(sandbox, ...args)
const ok = (...args: string[]) => kubectlOk(sandbox, ...args)

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: app
          image: img:1
          ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
`

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 1000 })
  dir = mkdtempSync(join(tmpdir(), 'kubectl-test-'))
})

afterAll(async () => {
  await sandbox?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const replicaSets = async (): Promise<StoredObject[]> =>
  (JSON.parse(await ok('get', 'rs', '-l', 'app=web', '-o', 'json')) as { items: StoredObject[] }).items
const revisionOfImage = async (image: string): Promise<Record<string, string> | undefined> => {
  const rs = (await replicaSets()).find(
    (r) =>
      (r.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!
        .image === image
  )
  return rs?.metadata.annotations
}

describe('kubectl against the sandbox', () => {
  it('creates a Deployment and reports it rolled out', async () => {
    const file = join(dir, 'web.yaml')
    writeFileSync(file, manifest)
    expect(await ok('create', '-f', file)).toContain('deployment.apps/web created')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain(
      'deployment "web" successfully rolled out'
    )
    const list = JSON.parse(await ok('get', 'deploy,rs,pods', '-o', 'json')) as { items: StoredObject[] }
    const kinds = list.items.map((i) => i.kind)
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(1)
    expect(kinds.filter((k) => k === 'ReplicaSet')).toHaveLength(1)
    expect(kinds.filter((k) => k === 'Pod')).toHaveLength(3)
    const endpoints = JSON.parse(await ok('get', 'endpoints', 'web', '-o', 'json')) as {
      subsets: Array<{ addresses: unknown[] }>
    }
    expect(endpoints.subsets[0]!.addresses).toHaveLength(3)
  })

  it('set image, rollout history, undo and undo --to-revision keep revisions as Kubernetes does', async () => {
    expect(await ok('set', 'image', 'deployment/web', 'app=img:2')).toContain('deployment.apps/web image updated')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain('successfully rolled out')
    await ok('set', 'image', 'deployment/web', 'app=img:3')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain('successfully rolled out')
    const history = await ok('rollout', 'history', 'deployment/web')
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n3\s+<none>/)

    expect(await ok('rollout', 'undo', 'deployment/web')).toContain('deployment.apps/web rolled back')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain('successfully rolled out')
    expect(await revisionOfImage('img:2')).toMatchObject({
      'deployment.kubernetes.io/revision': '4',
      'deployment.kubernetes.io/revision-history': '2'
    })

    expect(await ok('rollout', 'undo', 'deployment/web', '--to-revision=1')).toContain('rolled back')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain('successfully rolled out')
    expect(await revisionOfImage('img:1')).toMatchObject({
      'deployment.kubernetes.io/revision': '5',
      'deployment.kubernetes.io/revision-history': '1'
    })
    const d = JSON.parse(await ok('get', 'deployment', 'web', '-o', 'json')) as StoredObject
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('5')
    expect(await ok('rollout', 'history', 'deployment/web')).toMatch(/3\s+<none>\n4\s+<none>\n5\s+<none>/)

    const missing = await kubectl('rollout', 'undo', 'deployment/web', '--to-revision=1')
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('unable to find specified revision 1 in history')
  })

  it('a crash-looping image fails rollout status with the progress deadline, with Warning events and previous logs', async () => {
    await ok('set', 'image', 'deployment/web', 'app=img:2-crashloop')
    const status = await kubectl('rollout', 'status', 'deployment/web', '--timeout=30s')
    expect(status.code).not.toBe(0)
    expect(status.stderr).toContain('deployment "web" exceeded its progress deadline')

    const events = JSON.parse(await ok('get', 'events', '--field-selector', 'type=Warning', '-o', 'json')) as {
      items: StoredObject[]
    }
    const backOff = events.items.find((e) => e.reason === 'BackOff')
    expect(backOff).toBeDefined()
    expect(backOff!.involvedObject).toMatchObject({ kind: 'Pod', namespace: 'default' })
    expect(events.items.every((e) => e.type === 'Warning')).toBe(true)

    const pod = (backOff!.involvedObject as { name: string }).name
    expect(await ok('logs', pod, '-c', 'app', '--previous')).toContain('exiting with code 1')

    expect(await ok('rollout', 'undo', 'deployment/web')).toContain('rolled back')
    expect(await ok('rollout', 'status', 'deployment/web', '--timeout=30s')).toContain('successfully rolled out')
  })
})
