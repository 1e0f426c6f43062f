/** Relative checks in `verify` take their baseline from before the rollout, not from the minutes after it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runConfiguredAnalysis } from '../../src/commands/analysis-step.js'
import type { CommandContext } from '../../src/commands/context.js'
import type { DeployGuardConfig } from '../../src/config/types.js'

let server: Server
let url: string
const rangeEnds: number[] = []

beforeAll(async () => {
  // A Prometheus that records the window of every range query and answers a constant series.
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const all = new URLSearchParams([...params, ...new URLSearchParams(body)])
      res.setHeader('Content-Type', 'application/json')
      if (req.url?.includes('query_range')) {
        rangeEnds.push(Number(all.get('end')) * 1000)
        res.end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] }
          })
        )
      } else {
        res.end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] }
          })
        )
      }
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const config = (): DeployGuardConfig =>
  ({
    targets: [],
    variables: {},
    dryRun: false,
    verify: {} as DeployGuardConfig['verify'],
    rollback: {
      onFailure: true,
      onInconclusive: false,
      to: 'recorded',
      helm: 'helm',
      argocd: 'refuse',
      forceStatefulSet: false,
      analysis: false
    },
    analysis: {
      initialDelay: 0,
      interval: 10,
      count: 1,
      failureLimit: 0,
      inconclusiveLimit: 0,
      errorLimit: 1,
      baseline: { window: 60_000, offset: 5_000 },
      checks: [
        { name: 'p95', query: 'vector(1)', maxIncrease: 0.1, onNoData: 'inconclusive', onNaN: 'no-data', dryRun: false }
      ]
    },
    prometheus: { url, headers: {}, insecureSkipTlsVerify: false, timeout: 2000, retries: 0 }
  }) as DeployGuardConfig

const context = (): CommandContext => ({
  kube: () => Promise.reject(new Error('not used')),
  log: () => undefined,
  warn: () => undefined,
  group: (_title, fn) => fn(),
  now: () => new Date(),
  signal: new AbortController().signal,
  close: async () => undefined
})

describe('runConfiguredAnalysis baseline window', () => {
  it('ends `offset` before the rollout began when the deploy start is known (verify)', async () => {
    rangeEnds.length = 0
    const deployStartedAt = new Date(Date.now() - 120_000)
    const result = await runConfiguredAnalysis(config(), 'v1', context(), deployStartedAt)
    expect(result.checks[0]?.status).toBe('passed')
    expect(rangeEnds).toHaveLength(1)
    expect(Math.abs(rangeEnds[0]! - (deployStartedAt.getTime() - 5_000))).toBeLessThan(2_000)
  })

  it('ends `offset` before the analysis starts when it is not (analyze)', async () => {
    rangeEnds.length = 0
    const before = Date.now()
    await runConfiguredAnalysis(config(), 'v1', context())
    expect(Math.abs(rangeEnds[0]! - (before - 5_000))).toBeLessThan(2_000)
  })
})
