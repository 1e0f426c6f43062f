/**
 * Issue 7, defect 11a, against the sandbox through its kubeconfig: a 403 on one optional LIST (events,
 * EndpointSlices + Endpoints, pods/log) makes only the rows that need it inconclusive.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { verifyWorkload } from '../../src/verify/workload.js'
import type { VerifyConfig } from '../../src/config/types.js'
import type { CheckResult } from '../../src/model/result.js'

const config: VerifyConfig = {
  timeout: 20_000,
  failFastAfter: 500,
  pollInterval: 100,
  expect: {},
  allowRestarts: 0,
  endpoints: { require: 'any', minReady: 1 },
  ignoreEventReasons: [],
  smoke: [],
  gitops: {}
}

const deployment = (name: string, image: string, annotations: Record<string, string> = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: prod }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} }, annotations: ${JSON.stringify(annotations)} }
    spec:
      containers: [{ name: app, image: "${image}" }]
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: prod }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80 }]
`

const statusOf = (checks: CheckResult[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))
const ALL_PASSED = {
  rollout: 'passed',
  'pod-count': 'passed',
  'pods-ready': 'passed',
  restarts: 'passed',
  endpoints: 'passed',
  events: 'passed',
  images: 'passed'
}

describe('a 403 on one optional source, through the sandbox', () => {
  let sandbox: Sandbox
  let api: KubeClient

  beforeAll(async () => {
    sandbox = await startSandbox({
      timeScale: 20,
      scenarioText: [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}',
        deployment('api', 'registry/api:v1'),
        deployment('worker', 'registry/worker:v1-crashloop', {
          'sandbox.deploy-guard.dev/previous-log': 'panic: cannot connect to db'
        })
      ].join('\n---\n')
    })
    api = await createKubeApi(
      { kubeconfig: sandbox.kubeconfig },
      { retries: 1, minRetryDelayMs: 10, maxRetryDelayMs: 50, maxRetryAfterMs: 100 }
    )
  })

  afterEach(() => sandbox.faults.clear())

  afterAll(async () => {
    await api?.close()
    await sandbox?.stop()
  })

  const verify = (name: string) =>
    verifyWorkload(api, { kind: 'Deployment', name, namespace: 'prod' }, config, {
      startedAt: new Date(),
      log: () => undefined
    })

  it('events LIST forbidden: only the events row is inconclusive, with the RBAC rule to add', async () => {
    sandbox.faults.add({ path: /\/events$/, status: 403 })
    const result = await verify('api')
    expect(statusOf(result.checks)).toEqual({ ...ALL_PASSED, events: 'inconclusive' })
    const events = result.checks.find((c) => c.id === 'events')
    expect(events?.reason).toBe(
      'Warning events: could not check, permission missing: forbidden: cannot list events in namespace "prod" — grant verbs ["list"] on resources ["events"] (apiGroups [""])'
    )
  })

  it('EndpointSlices and Endpoints forbidden: only the endpoints row is inconclusive', async () => {
    sandbox.faults.add({ path: /\/(endpointslices|endpoints)$/, status: 403 })
    const result = await verify('api')
    expect(statusOf(result.checks)).toEqual({ ...ALL_PASSED, endpoints: 'inconclusive' })
    expect(result.checks.find((c) => c.id === 'endpoints')?.reason).toMatch(
      /^Service endpoints: could not check, permission missing: forbidden: cannot list endpoints in namespace "prod"/
    )
  })

  it('pods/log forbidden: the crash is still failed, the evidence says the log could not be read', async () => {
    sandbox.faults.add({ path: /\/log$/, status: 403 })
    const result = await verify('worker')
    const ready = result.checks.find((c) => c.id === 'pods-ready')
    expect(ready?.status).toBe('failed')
    expect(ready?.details?.[0]?.facts).toContainEqual({
      label: 'previous log (app)',
      value: expect.stringMatching(/^not read: could not check, permission missing: forbidden: cannot get pods\/log/)
    })
    expect(ready?.details?.[0]?.text).toBeUndefined()
  })
})
