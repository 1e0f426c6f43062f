/**
 * verifyTargets against the sandbox: several targets at a time, shared namespace LISTs, per-target
 * timeouts, grouped logs, results in config order.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { createKubeApi, type KubeClient } from '../../src/kube/client.js'
import { verifyTargets, type VerifyTargetsContext } from '../../src/verify/targets.js'
import { verifyWorkload } from '../../src/verify/workload.js'
import { verifySchema } from '../../src/config/schema-verify.js'
import type { VerifyConfig } from '../../src/config/types.js'
import type { TargetRef, TargetResult } from '../../src/model/result.js'

const config = (over: Partial<VerifyConfig> = {}): VerifyConfig => ({
  timeout: 20_000,
  failFastAfter: 30_000,
  pollInterval: 100,
  expect: {},
  allowRestarts: 0,
  endpoints: { require: 'any', minReady: 1 },
  ignoreEventReasons: [],
  smoke: [],
  gitops: {},
  ...over
})

const deployment = (name: string, namespace: string, behavior = 'ready') => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels: { app: ${name} }
      annotations: { sandbox.deploy-guard.dev/behavior: ${behavior} }
    spec:
      containers: [{ name: app, image: "registry/${name}:v1" }]
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80 }]
`

const HEALTHY = Array.from({ length: 10 }, (_, i) => `web-${i}`)
const fast = { retries: 4, minRetryDelayMs: 10, maxRetryDelayMs: 50, maxRetryAfterMs: 100 }
const ref = (name: string, namespace = 'prod'): TargetRef => ({ kind: 'Deployment', name, namespace })
const rolloutOf = (r: TargetResult) => r.checks.find((c) => c.id === 'rollout')

/** What the runner's log would show: group markers and lines, in order. */
function recordingContext(): VerifyTargetsContext & { printed: string[] } {
  const printed: string[] = []
  return {
    printed,
    log: (line) => printed.push(line),
    group: async (title, fn) => {
      printed.push(`::group::${title}`)
      try {
        return await fn()
      } finally {
        printed.push('::endgroup::')
      }
    },
    signal: new AbortController().signal
  }
}

describe('verifyTargets against the sandbox', () => {
  let sandbox: Sandbox
  let api: KubeClient

  beforeAll(async () => {
    sandbox = await startSandbox({
      timeScale: 20,
      scenarioText: [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}',
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: edge}',
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: late}',
        ...HEALTHY.map((name) => deployment(name, 'prod')),
        deployment('stuck', 'prod', 'never-ready'),
        deployment('gate', 'edge'),
        deployment('stuck-a', 'edge', 'never-ready'),
        deployment('stuck-b', 'late', 'never-ready')
      ].join('\n---\n')
    })
    api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, fast)
    // Every healthy Deployment ready first, so the comparisons below are one poll round each.
    for (const name of HEALTHY) await verifyWorkload(api, ref(name), config(), { startedAt: new Date(), log: () => {} })
    await verifyWorkload(api, ref('gate', 'edge'), config(), { startedAt: new Date(), log: () => {} })
  })

  afterAll(async () => {
    await api?.close()
    await sandbox?.stop()
  })

  it('a slow target first in the config does not hold up the others; each is reported, in config order', async () => {
    const refs = [ref('stuck'), ...HEALTHY.map((name) => ref(name))]
    const ctx = recordingContext()
    const results = await verifyTargets(api, refs, config({ timeout: 3000, concurrency: 4 }), new Date(), ctx)

    expect(results.map((r) => r.ref.name)).toEqual(refs.map((r) => r.name))
    for (const result of results.slice(1)) expect(rolloutOf(result)?.status).toBe('passed')
    expect(rolloutOf(results[0]!)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^timed out after 3s: /)
    })

    // Groups print whole, as each target finishes: every healthy one before the stuck one.
    const titles = ctx.printed.filter((l) => l.startsWith('::group::'))
    expect(titles).toHaveLength(refs.length)
    expect(titles.at(-1)).toBe('::group::verify deployment/stuck in prod')
    let open: string | undefined
    for (const line of ctx.printed) {
      if (line.startsWith('::group::')) {
        expect(open).toBeUndefined()
        open = line.replace('::group::verify deployment/', '').replace(' in prod', '')
      } else if (line === '::endgroup::') open = undefined
      else if (open) expect(line).toContain(`"${open}"`)
    }
    expect(ctx.printed[0]).toBe("verifying 11 targets, 4 at a time; each target's log follows when it finishes")
  })

  it('names the targets still running between groups while a long one waits', async () => {
    const ctx = { ...recordingContext(), stillRunningEveryMs: 300 }
    await verifyTargets(api, [ref('web-0'), ref('stuck')], config({ timeout: 1500 }), new Date(), ctx)
    const still = ctx.printed.filter((l) => l.startsWith('still verifying'))
    expect(still.length).toBeGreaterThan(0)
    expect(still).toContain('still verifying 1 of 2 targets: deployment/stuck in prod')
    // Never inside a group.
    let inGroup = false
    for (const line of ctx.printed) {
      if (line.startsWith('::group::')) inGroup = true
      else if (line === '::endgroup::') inGroup = false
      else if (line.startsWith('still verifying')) expect(inGroup).toBe(false)
    }
  })

  it('targets in one namespace share its LISTs: far fewer requests than each target alone', async () => {
    const refs = HEALTHY.map((name) => ref(name))
    sandbox.clearRequests()
    const one: TargetResult[] = []
    for (const target of refs)
      one.push(await verifyWorkload(api, target, config(), { startedAt: new Date(), log: () => {} }))
    const sequential = sandbox.requests.length
    sandbox.clearRequests()
    const shared = await verifyTargets(api, refs, config({ concurrency: 8 }), new Date(), recordingContext())
    const concurrent = sandbox.requests.length
    expect(shared.map((r) => r.checks.map((c) => c.status))).toEqual(one.map((r) => r.checks.map((c) => c.status)))
    // Sequential: 7 requests a target. Shared: a handful of namespace-wide LISTs a round.
    expect(sequential).toBe(7 * refs.length)
    expect(concurrent).toBeLessThan(sequential / 2)
    const podLists = sandbox.requests.filter((r) => r.path === '/api/v1/namespaces/prod/pods')
    expect(podLists.length).toBeGreaterThan(0)
    expect(podLists.every((r) => r.query.labelSelector === undefined)).toBe(true)
  })

  it('a lone target makes exactly the requests it made before', async () => {
    const shape = () => sandbox.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`)
    sandbox.clearRequests()
    await verifyWorkload(api, ref('web-0'), config(), { startedAt: new Date(), log: () => {} })
    const before = shape()
    sandbox.clearRequests()
    await verifyTargets(api, [ref('web-0')], config(), new Date(), recordingContext())
    expect(shape()).toEqual(before)
    // Alone in its namespace while others share theirs: the same again.
    sandbox.clearRequests()
    await verifyWorkload(api, ref('gate', 'edge'), config(), { startedAt: new Date(), log: () => {} })
    const gateBefore = shape()
    sandbox.clearRequests()
    await verifyTargets(
      api,
      [ref('web-0'), ref('web-1'), ref('gate', 'edge')],
      config(),
      new Date(),
      recordingContext()
    )
    expect(shape().filter((line) => line.includes('/namespaces/edge/'))).toEqual(gateBefore)
    expect(shape().filter((line) => line.startsWith('GET /api/v1/namespaces/prod/pods '))).toContain(
      'GET /api/v1/namespaces/prod/pods {"limit":"500"}'
    )
  })

  it('each target gets the whole timeout from its own start, even when it waited for a slot', async () => {
    // One slot: stuck-b starts only when stuck-a has used up its timeout, and still waits its own.
    // Different namespaces, so each poll is its own GET of the Deployment (nothing shared).
    const refs = [ref('stuck-a', 'edge'), ref('stuck-b', 'late')]
    sandbox.clearRequests()
    const results = await verifyTargets(
      api,
      refs,
      config({ timeout: 1000, concurrency: 1 }),
      new Date(),
      recordingContext()
    )
    for (const result of results) expect(rolloutOf(result)?.reason).toMatch(/^timed out after 1s: /)
    const polls = sandbox.requests.filter((r) => r.path === '/apis/apps/v1/namespaces/late/deployments/stuck-b')
    expect(polls.length).toBeGreaterThan(2)
    expect(polls.at(-1)!.time - polls[0]!.time).toBeGreaterThanOrEqual(900)
  })

  it('stops every target when the run is cancelled, each reported inconclusive', async () => {
    const controller = new AbortController()
    const ctx = { ...recordingContext(), signal: controller.signal }
    const refs = [ref('stuck'), ref('stuck-a', 'edge'), ref('stuck-b', 'late'), ref('web-0')]
    const running = verifyTargets(api, refs, config({ timeout: 60_000, concurrency: 2 }), new Date(), ctx)
    setImmediate(() => controller.abort())
    const results = await running
    expect(results.map((r) => r.ref.name)).toEqual(refs.map((r) => r.name))
    for (const result of results.slice(0, 3))
      expect(result.checks.every((c) => c.status === 'inconclusive' && /cancelled/.test(c.reason ?? ''))).toBe(true)
  })
})

describe('verify.concurrency in the config', () => {
  it.each([
    [{}, undefined],
    [{ concurrency: 1 }, 1],
    [{ concurrency: 64 }, 64]
  ])('%j → %s', (input, expected) => {
    const parsed = verifySchema.parse(input)
    expect(parsed.concurrency).toBe(expected)
  })

  it.each([0, 65, 2.5, '8'])('refuses %j with the range', (value) => {
    const result = verifySchema.safeParse({ concurrency: value })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/whole number >= 1/)
  })
})
