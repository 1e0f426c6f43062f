/**
 * Two reads a real server answers that clients rely on: `previous` on pod logs parsed as the
 * apiserver parses a boolean query parameter (python-kubernetes sends `previous=True`), and
 * `events.k8s.io/v1` serving the same Events as core/v1 in the newer shape.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { apiRequest } from './api-harness.js'
import { startSandbox, type Sandbox } from './index.js'
import { kubectlOk } from './kubectl-harness.js'

let sandbox: Sandbox

const kubectl = (...args: string[]) => kubectlOk(sandbox, ...args)

const scenario = `
apiVersion: v1
kind: Pod
metadata:
  name: crashy
  namespace: default
  annotations:
    sandbox.deploy-guard.dev/behavior: crashloop
    sandbox.deploy-guard.dev/crash-after: 100ms
    sandbox.deploy-guard.dev/log: "current run"
    sandbox.deploy-guard.dev/previous-log: "panic: previous run"
spec:
  containers: [{ name: app, image: img:1 }]
`

const logPath = '/api/v1/namespaces/default/pods/crashy/log'

beforeAll(async () => {
  sandbox = await startSandbox({ scenarioText: scenario, timeScale: 100 })
  // wait for the first restart, so a previous container exists
  for (let i = 0; i < 200; i += 1) {
    const res = await apiRequest(sandbox, 'GET', `${logPath}?previous=true`)
    if (res.status === 200) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('crashy never restarted')
})

afterAll(async () => {
  await sandbox?.stop()
})

describe('previous on pod logs', () => {
  it.each(['True', 'TRUE', 'true', '1', 't', 'yes', ''])('previous=%p reads the previous container', async (value) => {
    const res = await apiRequest(sandbox, 'GET', `${logPath}?previous=${value}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('panic: previous run')
  })

  it.each(['false', 'False', 'FALSE', '0'])('previous=%p reads the current container', async (value) => {
    const res = await apiRequest(sandbox, 'GET', `${logPath}?previous=${value}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('current run')
  })
})

describe('events.k8s.io/v1', () => {
  it('is discoverable and lists the core Events in the events.k8s.io shape', async () => {
    const resources = await kubectl('api-resources', '--api-group=events.k8s.io', '--no-headers')
    expect(resources).toMatch(/^events\s+ev\s+events\.k8s\.io\/v1\s+true\s+Event/m)

    const core = JSON.parse(await kubectl('get', 'events.v1.', '-o', 'json')) as {
      items: Array<Record<string, unknown> & { metadata: { name: string } }>
    }
    const v1 = JSON.parse(await kubectl('get', 'events.v1.events.k8s.io', '-o', 'json')) as {
      items: Array<Record<string, unknown> & { metadata: { name: string } }>
    }
    const backOff = core.items.find((e) => e.reason === 'BackOff')!
    const mirrored = v1.items.find((e) => e.metadata.name === backOff.metadata.name)!
    expect(mirrored).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      reason: 'BackOff',
      type: 'Warning',
      note: backOff.message,
      regarding: backOff.involvedObject,
      deprecatedSource: backOff.source,
      deprecatedFirstTimestamp: backOff.firstTimestamp,
      reportingController: expect.any(String)
    })
    expect(mirrored.deprecatedCount).toBeGreaterThanOrEqual(1)
  })

  it('watch streams new events', async () => {
    const watching = apiRequest(
      sandbox,
      'GET',
      '/apis/events.k8s.io/v1/namespaces/default/events?watch=1&timeoutSeconds=2&resourceVersion=' +
        String(sandbox.store.resourceVersion)
    )
    const created = await apiRequest(sandbox, 'POST', '/api/v1/namespaces/default/events', {
      body: {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'manual.1' },
        involvedObject: { kind: 'Pod', name: 'crashy', namespace: 'default' },
        reason: 'Manual',
        message: 'hello from core',
        type: 'Normal',
        count: 1
      }
    })
    expect(created.status).toBe(201)
    const stream = await watching
    const events = stream.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string }; note?: string } })
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'ADDED',
        object: expect.objectContaining({
          metadata: expect.objectContaining({ name: 'manual.1' }),
          note: 'hello from core'
        })
      })
    )
  })
})
