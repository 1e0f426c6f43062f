/** CustomResourceDefinitions register their kinds at run time; custom resources are stored generically. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { apiRequest, startApiOnly, type ApiOnlySandbox } from './api-harness.js'
import { startSandbox, type Sandbox } from './index.js'
import { waitFor } from './controller/testing.js'

const run = promisify(execFile)

const crdYaml = (scope: 'Namespaced' | 'Cluster' = 'Namespaced'): string =>
  [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: canaries.flagger.example.dev}',
    'spec:',
    '  group: flagger.example.dev',
    `  scope: ${scope}`,
    '  names: {plural: canaries, singular: canary, kind: Canary, listKind: CanaryList, shortNames: [cnry], categories: [all]}',
    '  versions:',
    '  - name: v1beta1',
    '    served: true',
    '    storage: true',
    '    subresources: {status: {}}',
    '    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}',
    '    additionalPrinterColumns:',
    '    - {name: Status, type: string, jsonPath: .status.phase}',
    '    - {name: Weight, type: integer, jsonPath: .status.canaryWeight}',
    '    - {name: Ready, type: string, jsonPath: ".status.conditions[?(@.type==\\"Promoted\\")].status"}',
    ''
  ].join('\n')

const canaryYaml = (name: string, namespace = 'shop'): string =>
  [
    'apiVersion: flagger.example.dev/v1beta1',
    'kind: Canary',
    `metadata: {name: ${name}, namespace: ${namespace}}`,
    'spec: {targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}}',
    'status: {phase: Progressing, canaryWeight: 20, conditions: [{type: Promoted, status: "False"}]}',
    ''
  ].join('\n')

let api: ApiOnlySandbox | undefined
let sandbox: Sandbox | undefined
let dir: string | undefined
afterEach(async () => {
  await api?.stop()
  await sandbox?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
  api = sandbox = dir = undefined
})

describe('CustomResourceDefinitions', () => {
  it('a scenario may define a kind and create objects of it in the same file', async () => {
    api = await startApiOnly({ scenarioText: `${crdYaml()}---\n${canaryYaml('api')}` })
    const got = await apiRequest(api, 'GET', '/apis/flagger.example.dev/v1beta1/namespaces/shop/canaries/api')
    expect(got.status).toBe(200)
    expect(got.json).toMatchObject({ kind: 'Canary', apiVersion: 'flagger.example.dev/v1beta1', spec: {} })
    // the scenario may write status; the status subresource is served because the CRD declares it
    expect(got.json?.status).toMatchObject({ phase: 'Progressing' })
    const status = await apiRequest(
      api,
      'PATCH',
      '/apis/flagger.example.dev/v1beta1/namespaces/shop/canaries/api/status',
      { body: { status: { phase: 'Succeeded' } }, contentType: 'application/merge-patch+json' }
    )
    expect(status.status).toBe(200)
    expect(status.json?.status).toMatchObject({ phase: 'Succeeded' })
    // a plain update keeps status, as for any kind with a status subresource
    const put = await apiRequest(api, 'PUT', '/apis/flagger.example.dev/v1beta1/namespaces/shop/canaries/api', {
      body: { ...got.json, metadata: { name: 'api', namespace: 'shop' }, status: { phase: 'Failed' } }
    })
    expect(put.status).toBe(200)
    expect(put.json?.status).toMatchObject({ phase: 'Succeeded' })
  })

  it('scenario errors name the missing definition', async () => {
    await expect(startApiOnly({ scenarioText: canaryYaml('api') })).rejects.toThrow(
      /unknown kind flagger.example.dev\/v1beta1\/Canary .*CustomResourceDefinition/
    )
  })

  it('created through the API: discovery, established status, cluster scope; deletion unregisters', async () => {
    api = await startApiOnly()
    const crd = await apiRequest(api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      body: crdYaml('Cluster'),
      contentType: 'application/yaml'
    })
    expect(crd.status).toBe(201)
    const groups = await apiRequest(api, 'GET', '/apis')
    expect(JSON.stringify(groups.json)).toContain('"name":"flagger.example.dev"')
    const list = await apiRequest(api, 'GET', '/apis/flagger.example.dev/v1beta1')
    expect((list.json?.resources as Array<Record<string, unknown>>).map((r) => [r.name, r.namespaced])).toEqual([
      ['canaries', false],
      ['canaries/status', false]
    ])
    expect((list.json?.resources as Array<Record<string, unknown>>)[0]).toMatchObject({
      kind: 'Canary',
      singularName: 'canary',
      shortNames: ['cnry'],
      categories: ['all']
    })
    const established = await waitFor(async () => {
      const c = await apiRequest(
        api!,
        'GET',
        '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/canaries.flagger.example.dev'
      )
      const conditions = (c.json?.status as { conditions?: Array<{ type: string; status: string }> })?.conditions
      return conditions?.find((x) => x.type === 'Established')?.status === 'True' ? c.json : undefined
    }, 'Established')
    expect(established).toBeDefined()
    const created = await apiRequest(api, 'POST', '/apis/flagger.example.dev/v1beta1/canaries', {
      body: { apiVersion: 'flagger.example.dev/v1beta1', kind: 'Canary', metadata: { name: 'global' }, spec: {} }
    })
    expect(created.status).toBe(201)
    expect(created.json?.metadata).not.toHaveProperty('namespace')

    const deleted = await apiRequest(
      api,
      'DELETE',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/canaries.flagger.example.dev'
    )
    expect(deleted.status).toBe(200)
    expect((await apiRequest(api, 'GET', '/apis/flagger.example.dev/v1beta1/canaries')).status).toBe(404)
    expect(JSON.stringify((await apiRequest(api, 'GET', '/apis')).json)).not.toContain('flagger.example.dev')
    // its objects went with it: a new definition starts empty
    await apiRequest(api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      body: crdYaml('Cluster'),
      contentType: 'application/yaml'
    })
    const after = await apiRequest(api, 'GET', '/apis/flagger.example.dev/v1beta1/canaries')
    expect(after.json?.items).toEqual([])
  })

  it('rejects a definition whose name is not <plural>.<group>', async () => {
    api = await startApiOnly()
    const bad = await apiRequest(api, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      body: crdYaml().replace('name: canaries.flagger.example.dev', 'name: canary'),
      contentType: 'application/yaml'
    })
    expect(bad.status).toBe(422)
    expect(String(bad.json?.message)).toContain('must be spec.names.plural+"."+spec.group')
  })

  it('real kubectl: apply a CRD, then get/apply/delete its objects by plural, short name and category', async () => {
    sandbox = await startSandbox({ scenarioText: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' })
    dir = mkdtempSync(join(tmpdir(), 'sandbox-crd-'))
    const kubectl = async (...args: string[]): Promise<string> =>
      (await run('kubectl', ['--kubeconfig', sandbox!.kubeconfigPath, ...args], { timeout: 30_000 })).stdout
    // discovery is cached by kubectl before the CRD exists, as in real use
    await kubectl('get', 'pods', '-n', 'shop')
    writeFileSync(join(dir, 'crd.yaml'), crdYaml())
    writeFileSync(join(dir, 'canary.yaml'), canaryYaml('api'))
    expect(await kubectl('apply', '-f', join(dir, 'crd.yaml'))).toBe(
      'customresourcedefinition.apiextensions.k8s.io/canaries.flagger.example.dev created\n'
    )
    expect(
      await kubectl('wait', '--for=condition=Established', 'crd/canaries.flagger.example.dev', '--timeout=10s')
    ).toContain('condition met')
    expect(await kubectl('apply', '-f', join(dir, 'canary.yaml'))).toBe('canary.flagger.example.dev/api created\n')
    expect(await kubectl('apply', '-f', join(dir, 'crd.yaml'))).toBe(
      'customresourcedefinition.apiextensions.k8s.io/canaries.flagger.example.dev unchanged\n'
    )
    writeFileSync(join(dir, 'canary.yaml'), canaryYaml('api').replace('name: api}}', 'name: api2}}'))
    expect(await kubectl('apply', '-f', join(dir, 'canary.yaml'))).toBe('canary.flagger.example.dev/api configured\n')
    const table = await kubectl('get', 'canaries', '-n', 'shop')
    expect(table.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+WEIGHT\s+READY$/)
    expect(table).toMatch(/^api\s+Progressing\s+20\s+False$/m)
    expect(await kubectl('get', 'cnry', '-n', 'shop', '-o', 'name')).toBe('canary.flagger.example.dev/api\n')
    expect(await kubectl('get', 'all', '-n', 'shop', '-o', 'name')).toContain('canary.flagger.example.dev/api')
    expect(await kubectl('api-resources', '--api-group', 'flagger.example.dev')).toMatch(
      /^canaries\s+cnry\s+flagger.example.dev\/v1beta1\s+true\s+Canary$/m
    )
    expect(await kubectl('get', 'crd')).toMatch(/^canaries\.flagger\.example\.dev\s+\d{4}-\d\d-\d\dT/m)
    expect(await kubectl('delete', 'crd', 'canaries.flagger.example.dev')).toBe(
      'customresourcedefinition.apiextensions.k8s.io "canaries.flagger.example.dev" deleted\n'
    )
    const gone = await kubectl('get', 'canaries', '-n', 'shop').catch((e: { stderr: string }) => e.stderr)
    // kubectl's cached discovery still maps the plural, so the server's 404 is what it reports
    expect(gone).toMatch(/the server (doesn't have a resource type "canaries"|could not find the requested resource)/)
  })
})
