/**
 * Which analyses carry the alerts gate: analyze and canary steps (no deploy start known) do; verify
 * (its own checklist row) and the rollback's re-analysis (both pass a deploy start) do not, unless
 * asked. Against a loopback Prometheus that answers queries with 1 and lists one firing alert.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runConfiguredAnalysis } from '../../src/commands/analysis-step.js'
import type { CommandContext } from '../../src/commands/context.js'
import type { DeployGuardConfig } from '../../src/config/types.js'

let server: Server
let url: string
/** The alert began just now: after this process (the "run") started. */
const ALERT_START = new Date()

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json')
    if (req.url?.startsWith('/api/v1/alerts')) {
      res.end(
        JSON.stringify({
          status: 'success',
          data: {
            alerts: [
              {
                labels: { alertname: 'HighErrorRate', severity: 'critical', namespace: 'shop' },
                annotations: {},
                state: 'firing',
                activeAt: ALERT_START.toISOString(),
                value: '1'
              },
              {
                labels: { alertname: 'StillPending', severity: 'critical', namespace: 'shop' },
                annotations: {},
                state: 'pending',
                activeAt: new Date().toISOString(),
                value: '1'
              }
            ]
          }
        })
      )
      return
    }
    res.end(
      JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] } })
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const config = (): DeployGuardConfig =>
  ({
    targets: [{ kind: 'Deployment', name: 'web', namespace: 'shop' }],
    variables: {},
    dryRun: false,
    verify: {} as DeployGuardConfig['verify'],
    rollback: {} as DeployGuardConfig['rollback'],
    analysis: {
      initialDelay: 0,
      interval: 10,
      count: 1,
      failureLimit: 0,
      inconclusiveLimit: 0,
      errorLimit: 1,
      baseline: { window: 60_000, offset: 5_000 },
      checks: [{ name: 'up', query: 'vector(1)', min: 0, onNoData: 'inconclusive', onNaN: 'no-data', dryRun: false }]
    },
    prometheus: { url, headers: {}, insecureSkipTlsVerify: false, timeout: 2000, retries: 0 },
    alerts: {
      severities: ['critical'],
      matchers: [{ label: 'namespace', op: '=', value: '{{namespace}}' }],
      failOn: 'new',
      source: 'auto'
    }
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

describe('the alerts gate on an analysis', () => {
  it('gates analyze and canary steps: a firing alert since the run began fails the analysis', async () => {
    // In-process, the "run start" is this test process' start, before the alert began.
    const result = await runConfiguredAnalysis(config(), 'v1', context())
    expect(result.checks[0]?.status).toBe('passed')
    expect(result.alerts?.status).toBe('failed')
    expect(result.alerts?.reason).toContain('HighErrorRate')
    // Pending alerts have not fired.
    expect(JSON.stringify(result.alerts)).not.toContain('StillPending')
    expect(result.verdict).toBe('failed')
  })

  it('leaves verify and the rollback re-analysis (which pass a deploy start) to report alerts their own way', async () => {
    const result = await runConfiguredAnalysis(config(), 'v1', context(), new Date())
    expect(result.alerts).toBeUndefined()
    expect(result.verdict).toBe('passed')
  })

  it('when asked, judges "new" against the deploy start it is given', async () => {
    const after = new Date(ALERT_START.getTime() + 1000)
    const result = await runConfiguredAnalysis(config(), 'v1', context(), after, { alerts: true })
    expect(result.alerts).toMatchObject({ status: 'passed', actual: '0 firing, 1 firing since before the deploy' })
    expect(result.verdict).toBe('passed')
  })

  it('is not run without an alerts section', async () => {
    const { alerts: _ignored, ...withoutAlerts } = config()
    const result = await runConfiguredAnalysis(withoutAlerts, 'v1', context())
    expect(result.alerts).toBeUndefined()
  })
})
