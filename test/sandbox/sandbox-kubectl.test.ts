import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startSandbox, type Sandbox } from './index.js'

const run = promisify(execFile)

/** The real kubectl against the sandbox (the whole point: it must accept it as a cluster). */
describe('real kubectl against startSandbox', () => {
  let sandbox: Sandbox
  let dir: string
  const kubectl = async (...args: string[]): Promise<string> =>
    (await run('kubectl', ['--kubeconfig', sandbox.kubeconfigPath, ...args], { timeout: 30_000 })).stdout

  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: join(import.meta.dirname, 'scenarios', 'sample.yaml'), timeScale: 50 })
    dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-'))
  })
  afterAll(async () => {
    await sandbox.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('get ns prints the scenario namespace and default as a table', async () => {
    const out = await kubectl('get', 'ns')
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+AGE$/)
    expect(out).toMatch(/^default\s+Active/m)
    expect(out).toMatch(/^shop\s+Active/m)
  })

  it('create -f a ConfigMap and a Deployment (client-side validation satisfied), get -o json, patch, delete', async () => {
    const file = join(dir, 'app.yaml')
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: settings, namespace: shop}',
        'data: {mode: fast}',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api, namespace: shop}',
        'spec:',
        '  replicas: 2',
        '  selector: {matchLabels: {app: api}}',
        '  template:',
        '    metadata: {labels: {app: api}}',
        '    spec: {containers: [{name: api, image: "registry.example.com/api:1"}]}',
        ''
      ].join('\n')
    )
    expect(await kubectl('create', '-f', file)).toBe('configmap/settings created\ndeployment.apps/api created\n')

    const deploy = JSON.parse(await kubectl('-n', 'shop', 'get', 'deploy', 'api', '-o', 'json')) as {
      kind: string
      spec: { replicas: number }
    }
    expect(deploy).toMatchObject({ kind: 'Deployment', spec: { replicas: 2, strategy: { type: 'RollingUpdate' } } })

    await kubectl('-n', 'shop', 'patch', 'deploy', 'api', '-p', '{"spec":{"replicas":3}}')
    await kubectl(
      '-n',
      'shop',
      'patch',
      'cm',
      'settings',
      '--type=json',
      '-p',
      '[{"op":"replace","path":"/data/mode","value":"slow"}]'
    )
    await kubectl('-n', 'shop', 'set', 'image', 'deploy/api', 'api=registry.example.com/api:2')
    const patched = JSON.parse(await kubectl('-n', 'shop', 'get', 'deploy', 'api', '-o', 'json')) as {
      spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } }
    }
    expect(patched.spec.replicas).toBe(3)
    expect(patched.spec.template.spec.containers.map((c) => c.image)).toEqual(['registry.example.com/api:2'])
    expect(await kubectl('-n', 'shop', 'get', 'cm', 'settings', '-o', 'jsonpath={.data.mode}')).toBe('slow')

    expect(await kubectl('-n', 'shop', 'delete', 'deploy', 'api')).toBe('deployment.apps "api" deleted\n')
    expect(await kubectl('-n', 'shop', 'get', 'deploy', '-o', 'name')).toBe('deployment.apps/web\n')
    // the ReplicaSets and pods of the deleted Deployment went with it
    expect(await kubectl('-n', 'shop', 'get', 'rs,pods', '-l', 'app=api', '-o', 'name')).toBe('')
  })

  it('apply is idempotent and get -A lists across namespaces', async () => {
    const file = join(dir, 'cm.yaml')
    writeFileSync(
      file,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: applied, namespace: default}\ndata: {a: "1"}\n'
    )
    expect(await kubectl('apply', '-f', file)).toBe('configmap/applied created\n')
    expect(await kubectl('apply', '-f', file)).toBe('configmap/applied unchanged\n')
    const out = await kubectl('get', 'cm', '-A')
    expect(out).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE/)
    expect(out).toMatch(/^default\s+applied\s+1/m)
    expect(out).toMatch(/^shop\s+settings\s+1/m)
  })
})
