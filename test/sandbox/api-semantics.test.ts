import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { builtinResources } from './resources.js'
import type { StoredObject } from './store.js'
import { apiRequest, startApiOnly, type ApiOnlySandbox } from './api-harness.js'

const res = (name: string, group = ''): (typeof builtinResources)[number] =>
  builtinResources.find((r) => r.resource === name && r.group === group)!

const deployment = (name: string, replicas = 2): StoredObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }] }
    }
  }
})

describe('sandbox API semantics', () => {
  let sb: ApiOnlySandbox
  const call = (method: string, path: string, options: Parameters<typeof apiRequest>[3] = {}) =>
    apiRequest(sb, method, path, options)
  const deployPath = '/apis/apps/v1/namespaces/default/deployments'

  beforeAll(async () => {
    sb = await startApiOnly()
  })
  afterAll(async () => {
    await sb.stop()
  })

  describe('Status bodies', () => {
    const expectStatus = (body: Record<string, unknown> | undefined, code: number, reason: string): void => {
      expect(body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason })
      expect(typeof body!.message).toBe('string')
    }

    it('401 Unauthorized without the bearer token; /version and /healthz stay public', async () => {
      const r = await call('GET', '/api/v1/namespaces', { token: null })
      expect(r.status).toBe(401)
      expectStatus(r.json, 401, 'Unauthorized')
      expect((await call('GET', '/api/v1/namespaces', { token: 'wrong' })).status).toBe(401)
      expect((await call('GET', '/version', { token: null })).json).toMatchObject({ major: '1', minor: '32' })
      expect((await call('GET', '/healthz', { token: null })).text).toBe('ok')
    })

    it('404 NotFound for an unknown resource and for a missing object (with details)', async () => {
      const unknown = await call('GET', '/api/v1/namespaces/default/gizmos')
      expect(unknown.status).toBe(404)
      expectStatus(unknown.json, 404, 'NotFound')
      expect((await call('GET', '/apis/nope.example/v1/things')).status).toBe(404)
      const missing = await call('GET', `${deployPath}/ghost`)
      expectStatus(missing.json, 404, 'NotFound')
      expect(missing.json!.message).toBe('deployments.apps "ghost" not found')
      expect(missing.json!.details).toEqual({ name: 'ghost', group: 'apps', kind: 'deployments' })
    })

    it('400 BadRequest for malformed JSON, a bad label selector and a malformed path', async () => {
      const r = await call('POST', deployPath, { body: '{"metadata": ' })
      expect(r.status).toBe(400)
      expectStatus(r.json, 400, 'BadRequest')
      expectStatus((await call('GET', '/api/v1/pods?labelSelector=a%20in%20b')).json, 400, 'BadRequest')
      expectStatus((await call('GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx')).json, 400, 'BadRequest')
      expectStatus((await call('GET', '/api/v1/namespaces/%E0%A4%A/pods')).json, 400, 'BadRequest')
    })

    it('422 Invalid for a failing json-patch test op, a bad path and an invalid object', async () => {
      await call('POST', deployPath, { body: deployment('jp') })
      const failedTest = await call('PATCH', `${deployPath}/jp`, {
        body: [{ op: 'test', path: '/spec/replicas', value: 99 }],
        contentType: 'application/json-patch+json'
      })
      expect(failedTest.status).toBe(422)
      expectStatus(failedTest.json, 422, 'Invalid')
      const badPath = await call('PATCH', `${deployPath}/jp`, {
        body: [{ op: 'replace', path: '/spec/nothing/here', value: 1 }],
        contentType: 'application/json-patch+json'
      })
      expectStatus(badPath.json, 422, 'Invalid')
      const bad = deployment('Bad_Name')
      const invalid = await call('POST', deployPath, { body: bad })
      expectStatus(invalid.json, 422, 'Invalid')
      const mismatch = deployment('mismatch')
      ;(mismatch.spec!.template as { metadata: { labels: object } }).metadata.labels = { app: 'other' }
      expect((await call('POST', deployPath, { body: mismatch })).json!.message).toContain(
        '`selector` does not match template `labels`'
      )
    })

    it('409 Conflict for a stale resourceVersion and AlreadyExists for a duplicate', async () => {
      const created = (await call('POST', deployPath, { body: deployment('rv') })).json as unknown as StoredObject
      const stale = structuredClone(created)
      ;(created.spec as { replicas: number }).replicas = 3
      expect((await call('PUT', `${deployPath}/rv`, { body: created })).status).toBe(200)
      const conflict = await call('PUT', `${deployPath}/rv`, { body: stale })
      expect(conflict.status).toBe(409)
      expectStatus(conflict.json, 409, 'Conflict')
      const dup = await call('POST', deployPath, { body: deployment('rv') })
      expectStatus(dup.json, 409, 'AlreadyExists')
    })

    it('415 UnsupportedMediaType for an unknown patch type and strategic merge on a custom resource', async () => {
      const r = await call('PATCH', `${deployPath}/rv`, { body: {}, contentType: 'text/plain' })
      expect(r.status).toBe(415)
      expectStatus(r.json, 415, 'UnsupportedMediaType')
      await call('POST', '/apis/example.com/v1/namespaces/default/widgets', {
        body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } }
      })
      const smp = await call('PATCH', '/apis/example.com/v1/namespaces/default/widgets/w', {
        body: { spec: { size: 2 } },
        contentType: 'application/strategic-merge-patch+json'
      })
      expectStatus(smp.json, 415, 'UnsupportedMediaType')
      const merge = await call('PATCH', '/apis/example.com/v1/namespaces/default/widgets/w', {
        body: { spec: { size: 2 } },
        contentType: 'application/merge-patch+json'
      })
      expect(merge.json).toMatchObject({ spec: { size: 2 } })
    })

    it('404 NotFound when creating in a namespace that does not exist', async () => {
      const r = await call('POST', '/api/v1/namespaces/nowhere/configmaps', { body: { metadata: { name: 'x' } } })
      expect(r.json).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' })
    })
  })

  describe('writes', () => {
    it('applies defaults a real server applies', async () => {
      const d = (await call('POST', deployPath, { body: deployment('defaults') })).json as {
        spec: Record<string, unknown>
      }
      expect(d.spec).toMatchObject({
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }
      })
    })

    it('merges a strategic merge patch like kubectl set image', async () => {
      const patch = {
        spec: {
          template: {
            spec: {
              $setElementOrder: undefined,
              '$setElementOrder/containers': [{ name: 'app' }],
              containers: [{ name: 'app', image: 'nginx:1.26' }]
            }
          }
        }
      }
      const r = await call('PATCH', `${deployPath}/defaults`, {
        body: patch,
        contentType: 'application/strategic-merge-patch+json'
      })
      expect(r.status).toBe(200)
      const containers = (r.json as { spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } })
        .spec.template.spec.containers
      expect(containers).toEqual([
        expect.objectContaining({ name: 'app', image: 'nginx:1.26', env: [{ name: 'A', value: '1' }] })
      ])
      expect((r.json as { metadata: { generation: number } }).metadata.generation).toBe(2)
    })

    it('dryRun=All returns the result without storing it', async () => {
      const created = await call('POST', `${deployPath}?dryRun=All`, { body: deployment('dry') })
      expect(created.status).toBe(201)
      expect(created.json).toMatchObject({ metadata: { name: 'dry' } })
      expect(sb.store.get(res('deployments', 'apps'), 'default', 'dry')).toBeUndefined()
      const patched = await call('PATCH', `${deployPath}/defaults?dryRun=All`, {
        body: { spec: { replicas: 9 } },
        contentType: 'application/merge-patch+json'
      })
      expect(patched.json).toMatchObject({ spec: { replicas: 9 } })
      expect(sb.store.get(res('deployments', 'apps'), 'default', 'defaults')!.spec!.replicas).toBe(2)
      expect((await call('DELETE', `${deployPath}/defaults?dryRun=All`)).status).toBe(200)
      expect(sb.store.get(res('deployments', 'apps'), 'default', 'defaults')).toBeDefined()
    })

    it('serves /scale (GET, PATCH, PUT) and /status (PUT keeps spec, main PUT keeps status)', async () => {
      const scale = await call('GET', `${deployPath}/defaults/scale`)
      expect(scale.json).toMatchObject({
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        spec: { replicas: 2 },
        status: { selector: 'app=defaults' }
      })
      const patched = await call('PATCH', `${deployPath}/defaults/scale`, {
        body: { spec: { replicas: 5 } },
        contentType: 'application/merge-patch+json'
      })
      expect(patched.json).toMatchObject({ spec: { replicas: 5 } })
      const put = await call('PUT', `${deployPath}/defaults/scale`, {
        body: { ...(scale.json as object), spec: { replicas: 4 } }
      })
      expect(put.status).toBe(409) // the Scale carried the pre-PATCH resourceVersion
      const current = sb.store.get(res('deployments', 'apps'), 'default', 'defaults')!
      expect(current.spec!.replicas).toBe(5)

      const withStatus = {
        ...current,
        spec: { ...current.spec, replicas: 1 },
        status: { replicas: 5, readyReplicas: 5 }
      }
      const statusPut = await call('PUT', `${deployPath}/defaults/status`, { body: withStatus })
      expect(statusPut.json).toMatchObject({ spec: { replicas: 5 }, status: { readyReplicas: 5 } })
      const mainPut = await call('PUT', `${deployPath}/defaults`, {
        body: { ...(statusPut.json as object), status: { readyReplicas: 0 } }
      })
      expect(mainPut.json).toMatchObject({ status: { readyReplicas: 5 } })
    })

    it('serves pods/log with container, previous and tailLines, 404 when there is none', async () => {
      await call('POST', '/api/v1/namespaces/default/pods', {
        body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } }
      })
      sb.logs.set('default/p/c', 'one\ntwo\nthree\n')
      sb.logs.set('default/p/c/previous', 'crash\n')
      expect((await call('GET', '/api/v1/namespaces/default/pods/p/log?container=c')).text).toBe('one\ntwo\nthree\n')
      expect((await call('GET', '/api/v1/namespaces/default/pods/p/log?container=c&tailLines=2')).text).toBe(
        'two\nthree\n'
      )
      expect((await call('GET', '/api/v1/namespaces/default/pods/p/log?container=c&previous=true')).text).toBe(
        'crash\n'
      )
      const none = await call('GET', '/api/v1/namespaces/default/pods/p/log?container=zzz')
      expect(none.json).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' })
    })

    it('cascades a delete to owned objects (Background) and orphans them on request', async () => {
      const owner = (await call('POST', deployPath, { body: deployment('owner') })).json as unknown as StoredObject
      const rsPath = '/apis/apps/v1/namespaces/default/replicasets'
      const rs = (
        await call('POST', rsPath, {
          body: {
            ...deployment('owner-abc'),
            kind: 'ReplicaSet',
            metadata: {
              name: 'owner-abc',
              labels: { app: 'owner-abc' },
              ownerReferences: [
                { apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid: owner.metadata.uid!, controller: true }
              ]
            }
          }
        })
      ).json as unknown as StoredObject
      await call('POST', '/api/v1/namespaces/default/pods', {
        body: {
          metadata: {
            name: 'owner-abc-1',
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'owner-abc', uid: rs.metadata.uid! }]
          },
          spec: { containers: [{ name: 'c', image: 'x' }] }
        }
      })
      const deleted = await call('DELETE', `${deployPath}/owner`, {
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' }
      })
      expect(deleted.status).toBe(200)
      expect(sb.store.get(res('replicasets', 'apps'), 'default', 'owner-abc')).toBeUndefined()
      expect(sb.store.get(res('pods'), 'default', 'owner-abc-1')).toBeUndefined()

      const keeper = (await call('POST', deployPath, { body: deployment('keeper') })).json as unknown as StoredObject
      await call('POST', '/api/v1/namespaces/default/configmaps', {
        body: {
          metadata: {
            name: 'kept',
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'keeper', uid: keeper.metadata.uid! }]
          }
        }
      })
      await call('DELETE', `${deployPath}/keeper?propagationPolicy=Orphan`)
      expect(sb.store.get(res('configmaps'), 'default', 'kept')!.metadata.ownerReferences).toBeUndefined()
    })
  })

  describe('reads', () => {
    it('answers kubectl’s Table request with per-kind columns and row metadata', async () => {
      const r = await call('GET', deployPath, {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
      })
      const table = r.json as {
        kind: string
        columnDefinitions: Array<{ name: string }>
        rows: Array<{ cells: unknown[]; object: { metadata: { name: string } } }>
      }
      expect(table.kind).toBe('Table')
      expect(table.columnDefinitions.map((c) => c.name)).toEqual([
        'Name',
        'Ready',
        'Up-to-date',
        'Available',
        'Age',
        'Containers',
        'Images',
        'Selector'
      ])
      expect(table.rows.find((row) => row.object.metadata.name === 'defaults')!.cells.slice(0, 2)).toEqual([
        'defaults',
        '5/5'
      ])
    })

    it('lists across namespaces and filters by field selector', async () => {
      const all = await call('GET', '/apis/apps/v1/deployments?fieldSelector=metadata.name%3Ddefaults')
      expect((all.json!.items as StoredObject[]).map((d) => d.metadata.name)).toEqual(['defaults'])
    })

    it('discovers sub-resources, short names and categories', async () => {
      const core = (await call('GET', '/api/v1')).json as { resources: Array<Record<string, unknown>> }
      expect(core.resources).toContainEqual(expect.objectContaining({ name: 'pods/log', verbs: ['get'] }))
      expect(core.resources).toContainEqual(
        expect.objectContaining({
          name: 'pods',
          shortNames: ['po'],
          categories: ['all'],
          singularName: 'pod',
          namespaced: true
        })
      )
      const apps = (await call('GET', '/apis/apps/v1')).json as { resources: Array<Record<string, unknown>> }
      expect(apps.resources).toContainEqual(
        expect.objectContaining({ name: 'deployments/scale', group: 'autoscaling', version: 'v1', kind: 'Scale' })
      )
      expect(apps.resources).toContainEqual(expect.objectContaining({ name: 'deployments/status' }))
      const groups = (
        await call('GET', '/apis', {
          accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'
        })
      ).json
      expect(groups).toMatchObject({ kind: 'APIGroupList' })
    })
  })

  describe('faults', () => {
    it('forces a status with Retry-After for a limited number of requests', async () => {
      sb.faults.add({ method: 'GET', path: /\/configmaps$/, status: 429, retryAfterSeconds: 2, times: 2 })
      const first = await call('GET', '/api/v1/namespaces/default/configmaps')
      expect(first.status).toBe(429)
      expect(first.headers['retry-after']).toBe('2')
      expect(first.json).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', details: { retryAfterSeconds: 2 } })
      expect((await call('GET', '/api/v1/namespaces/default/configmaps')).status).toBe(429)
      expect((await call('GET', '/api/v1/namespaces/default/configmaps')).status).toBe(200)
    })

    it('forces a 409 Conflict Status, drops connections and adds latency', async () => {
      sb.faults.add({ method: 'PATCH', status: 409, times: 1 })
      const conflict = await call('PATCH', `${deployPath}/defaults`, {
        body: {},
        contentType: 'application/merge-patch+json'
      })
      expect(conflict.json).toMatchObject({ kind: 'Status', code: 409, reason: 'Conflict' })
      sb.faults.add({ path: '/api/v1/namespaces/default/secrets', drop: true, times: 1 })
      await expect(call('GET', '/api/v1/namespaces/default/secrets')).rejects.toThrow()
      expect(sb.requests.at(-1)).toMatchObject({ path: '/api/v1/namespaces/default/secrets', status: 0 })
      sb.faults.add({ path: '/api/v1/namespaces/default/secrets', latencyMs: 150, times: 1 })
      const started = Date.now()
      expect((await call('GET', '/api/v1/namespaces/default/secrets')).status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      sb.faults.clear()
    })

    it('logs every request with method, path, query and status', async () => {
      sb.clearRequests()
      await call('GET', '/api/v1/namespaces/default/pods?limit=7')
      expect(sb.requests).toEqual([
        {
          method: 'GET',
          path: '/api/v1/namespaces/default/pods',
          query: { limit: '7' },
          status: 200,
          time: expect.any(Number),
          watch: false
        }
      ])
    })
  })
})
