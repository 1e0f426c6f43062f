/**
 * ControllerRevisions shaped as Kubernetes makes them, checked with the real kubectl: `rollout undo`
 * to the revision already running prints `skipped rollback` for a Deployment, a StatefulSet and a
 * DaemonSet (kubectl compares its own serialisation of the live template byte for byte with the
 * revision's data), `undo` and `--to-revision` restore the template, and `rollout history` lists
 * the revisions. DaemonSet revisions carry `controller-revision-hash` and the DaemonSet's annotations.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from './index.js'
import { builtinResources } from './resources.js'
import type { StoredObject } from './store.js'
import { kubectlOk, runKubectl } from './kubectl-harness.js'

let sandbox: Sandbox

const kubectl = (...args: string[]) => runKubectl(sandbox, ...args)
const ok = (...args: string[]) => kubectlOk(sandbox, ...args)

const template = (app: string, image: string): string => `
  template:
    metadata:
      labels: { app: ${app} }
      annotations: { note: "a <b> & c" }
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: app
          image: ${image}
          ports: [{ containerPort: 8080 }]
          env: [{ name: MODE, value: prod }]
          volumeMounts: [{ name: data, mountPath: /data, readOnly: false }]
      volumes: [{ name: data, emptyDir: {} }]`

const scenario = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
${template('web', 'img:1')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: default }
spec:
  replicas: 1
  serviceName: db
  selector: { matchLabels: { app: db } }
${template('db', 'db:1')}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: default
  annotations: { team: infra }
spec:
  selector: { matchLabels: { app: agent } }
${template('agent', 'agent:1')}
`

const resource = (name: string) => builtinResources.find((r) => r.resource === name)!

const revisionsOf = (owner: string): StoredObject[] =>
  sandbox.store
    .list(resource('controllerrevisions'), 'default')
    .filter((r) => r.metadata.ownerReferences?.[0]?.name === owner)
    .sort((a, b) => Number(a.revision) - Number(b.revision))

async function rolledOut(kind: string, name: string): Promise<void> {
  await ok('rollout', 'status', `${kind}/${name}`, '--timeout=60s')
}

beforeAll(async () => {
  sandbox = await startSandbox({ scenarioText: scenario, timeScale: 100 })
  for (const [kind, name] of [
    ['deployment', 'web'],
    ['statefulset', 'db'],
    ['daemonset', 'agent']
  ] as const)
    await rolledOut(kind, name)
})

afterAll(async () => {
  await sandbox?.stop()
})

describe('ControllerRevision shape', () => {
  it('DaemonSet revisions: controller-revision-hash label, the DaemonSet annotations, canonical data', () => {
    const [rev] = revisionsOf('agent')
    expect(rev!.metadata.labels).toMatchObject({ app: 'agent', 'controller-revision-hash': expect.any(String) })
    expect(rev!.metadata.name).toBe(`agent-${rev!.metadata.labels!['controller-revision-hash']}`)
    expect(rev!.metadata.annotations).toMatchObject({ team: 'infra' })
    // Go's typed round trip: creationTimestamp null, resources {}, readOnly:false dropped; keys sorted
    const data = JSON.stringify(rev!.data)
    expect(data.startsWith('{"spec":{"template":{"$patch":"replace","metadata":{"annotations"')).toBe(true)
    expect(data).toContain('"creationTimestamp":null')
    expect(data).toContain('"resources":{}')
    expect(data).not.toContain('readOnly')
  })

  it('StatefulSet revisions: controller.kubernetes.io/hash label and no annotations', () => {
    const [rev] = revisionsOf('db')
    expect(rev!.metadata.labels).toMatchObject({ app: 'db', 'controller.kubernetes.io/hash': expect.any(String) })
    expect(rev!.metadata.annotations).toBeUndefined()
  })
})

describe('kubectl rollout undo / history', () => {
  it.each([
    ['deployment', 'web'],
    ['statefulset', 'db'],
    ['daemonset', 'agent']
  ])('%s: undo to the running revision is skipped; undo and --to-revision restore', async (kind, name) => {
    const current = await kubectl('rollout', 'undo', `${kind}/${name}`, '--to-revision=1')
    expect(current.code).toBe(0)
    expect(current.stdout).toContain(
      `${kind}.apps/${name} skipped rollback (current template already matches revision 1)`
    )

    await ok('set', 'image', `${kind}/${name}`, `app=${name}:2`)
    await rolledOut(kind, name)
    const history = await ok('rollout', 'history', `${kind}/${name}`)
    expect(history).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/)

    const again = await kubectl('rollout', 'undo', `${kind}/${name}`, '--to-revision=2')
    expect(again.stdout).toContain('skipped rollback (current template already matches revision 2)')

    expect(await ok('rollout', 'undo', `${kind}/${name}`)).toContain(`${kind}.apps/${name} rolled back`)
    await rolledOut(kind, name)
    const image = await ok('get', kind, name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}')
    expect(image).toMatch(/:1$/)

    expect(await ok('rollout', 'undo', `${kind}/${name}`, '--to-revision=2')).toContain('rolled back')
    await rolledOut(kind, name)
    expect(await ok('get', kind, name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe(`${name}:2`)
    const latest = (await ok('rollout', 'history', `${kind}/${name}`)).trim().split('\n').at(-1)!
    // the restored revision is renumbered to the top, as on Kubernetes
    const top = Number(latest.split(/\s+/)[0])
    expect(top).toBe(4)
    const skipped = await kubectl('rollout', 'undo', `${kind}/${name}`, `--to-revision=${top}`)
    expect(skipped.stdout).toContain(`skipped rollback (current template already matches revision ${top})`)
  })
})
