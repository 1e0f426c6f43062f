/**
 * The alerts check against the REAL Debian `prometheus-alertmanager` (API v2) fed by the REAL Debian
 * `prometheus`, whose rule file holds an alert on the sample service's error ratio (`for: 0s`, 1 s
 * evaluation) that the test makes fire, plus alerts that fire from the start: one for the workload (an
 * old fire, relative to a deploy start taken after it), one silenced through `POST /api/v2/silences`,
 * one inhibited by a rule, and some of other severities or workloads. Waits on alert states, not sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkAlerts, type AlertCheckContext } from '../../src/alerts/index.js'
import { actionInputs, type ActionInputs } from '../../src/config/inputs.js'
import { loadConfig } from '../../src/config/load.js'
import type { DeployGuardConfig } from '../../src/config/types.js'
import type { CheckResult } from '../../src/model/result.js'
import {
  startAlertmanager,
  startRulePrometheus,
  type AlertmanagerInstance,
  type RulePrometheusInstance
} from '../harness/alertmanager.js'
import { freePort } from '../harness/free-port.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'

let service: SampleService
let alertmanager: AlertmanagerInstance
let prometheus: RulePrometheusInstance
/** A deploy start after the always-firing alerts began. */
let deployStart: Date

const workload = 'namespace: shop, service: web'
const RULES = `
groups:
  - name: deploy-guard-tests
    rules:
      - alert: HighErrorRate
        expr: sum(rate(http_requests_total{status="500"}[5s])) / sum(rate(http_requests_total[5s])) > 0.1
        for: 0s
        labels: { severity: critical, namespace: shop, service: web }
        annotations: { summary: "error ratio {{ $value }} > 10%" }
      - alert: DiskAlmostFull
        expr: vector(1)
        labels: { severity: critical, namespace: shop, service: web }
      - alert: KnownFlaky
        expr: vector(1)
        labels: { severity: critical, namespace: shop, service: web }
      - alert: DependencyDown
        expr: vector(1)
        labels: { severity: critical, namespace: shop, service: web, inhibited: "yes" }
      - alert: Maintenance
        expr: vector(1)
        labels: { severity: none, inhibitor: "true" }
      - alert: SlowButFine
        expr: vector(1)
        labels: { severity: warning, namespace: shop, service: web }
      - alert: CartDown
        expr: vector(1)
        labels: { severity: critical, namespace: shop, service: cart }
`

beforeAll(async () => {
  service = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0 })
  alertmanager = await startAlertmanager()
  // Silenced before it arrives, as a team silences a known issue.
  await alertmanager.silence([{ name: 'alertname', value: 'KnownFlaky' }])
  prometheus = await startRulePrometheus({
    scrapeTargets: [service.target],
    rules: RULES,
    alertmanagerUrl: alertmanager.url
  })
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'DiskAlmostFull')
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'KnownFlaky' && a.status.silencedBy.length > 0)
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'DependencyDown' && a.status.inhibitedBy.length > 0)
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'CartDown')
  deployStart = new Date()
}, 60_000)

afterAll(async () => {
  await prometheus?.stop()
  await alertmanager?.stop()
  await service?.stop()
})

async function config(yaml: string, inputs: Partial<ActionInputs> = {}): Promise<DeployGuardConfig> {
  const loaded = await loadConfig(
    actionInputs({ config: 'c.yml', target: 'deployment/web', namespace: 'shop', ...inputs }),
    async () => yaml
  )
  return loaded.config
}

function context(): AlertCheckContext & { lines: string[] } {
  const lines: string[] = []
  return { lines, log: (line) => lines.push(line), signal: new AbortController().signal }
}

async function check(cfg: DeployGuardConfig, since = deployStart): Promise<CheckResult> {
  const rows = await checkAlerts(cfg, context(), { since })
  expect(rows).toHaveLength(1)
  return rows[0] as CheckResult
}

const titles = (row: CheckResult): string[] => (row.details ?? []).map((d) => d.title)

describe('alerts read from the real Alertmanager', () => {
  const matchers = `alerts:\n  matchers: { namespace: "{{namespace}}", service: "{{target}}" }\n`

  it('passes when only old, silenced, inhibited or unrelated alerts fire (failOn: new), and reports them', async () => {
    const row = await check(await config(matchers, { 'alertmanager-url': alertmanager.url }))
    expect(row.status).toBe('passed')
    expect(row.actual).toBe('0 firing, 1 firing since before the deploy, 2 silenced or inhibited')
    expect(titles(row)).toEqual([
      'DiskAlmostFull (firing since before the deploy)',
      'DependencyDown (inhibited)',
      'KnownFlaky (silenced)'
    ])
    expect(row.caveat).toContain('DiskAlmostFull')
    // Warning-severity and other services' alerts are not the workload's critical alerts.
    expect(JSON.stringify(row)).not.toMatch(/SlowButFine|CartDown/)
  })

  it('fails on the old fire with failOn: any; the silenced and inhibited ones still do not count', async () => {
    const row = await check(await config(`${matchers}  failOn: any\n`, { 'alertmanager-url': alertmanager.url }))
    expect(row.status).toBe('failed')
    expect(row.reason).toMatch(
      /^1 alert firing \(read from Alertmanager at http:\/\/127\.0\.0\.1:\d+\/\): DiskAlmostFull \{/
    )
    expect(titles(row)).toEqual(['DiskAlmostFull (firing)', 'DependencyDown (inhibited)', 'KnownFlaky (silenced)'])
  })

  it('fails on a new critical alert of the workload with its name, labels and startsAt', async () => {
    const since = new Date()
    service.setErrorRatio(0.5)
    try {
      const fired = await alertmanager.waitForAlert(
        (a) => a.labels.alertname === 'HighErrorRate' && a.status.state === 'active',
        30_000
      )
      const row = await check(await config(matchers, { 'alertmanager-url': alertmanager.url }), since)
      expect(row.status).toBe('failed')
      expect(row.reason).toContain(
        `HighErrorRate {alertname="HighErrorRate", namespace="shop", service="web", severity="critical"} firing since ${fired.startsAt}`
      )
      // DiskAlmostFull began before `since`: reported apart, not blamed.
      expect(row.reason).not.toContain('DiskAlmostFull')
      const detail = row.details?.find((d) => d.title === 'HighErrorRate (firing)')
      expect(detail?.facts).toEqual(
        expect.arrayContaining([
          { label: 'startsAt', value: fired.startsAt },
          { label: 'summary', value: expect.stringMatching(/^error ratio 0\.\d+ > 10%$/) }
        ])
      )

      // A silence created now (API v2) mutes it: the check passes again.
      const id = await alertmanager.silence([{ name: 'alertname', value: 'HighErrorRate' }])
      await alertmanager.waitForAlert((a) => a.labels.alertname === 'HighErrorRate' && a.status.silencedBy.includes(id))
      const silenced = await check(await config(matchers, { 'alertmanager-url': alertmanager.url }), since)
      expect(silenced.status).toBe('passed')
      expect(titles(silenced)).toContain('HighErrorRate (silenced)')
      expect(silenced.details?.find((d) => d.title === 'HighErrorRate (silenced)')?.facts).toContainEqual({
        label: 'muted by',
        value: id
      })
    } finally {
      service.setErrorRatio(0)
    }
  })

  it('reads Prometheus itself without an Alertmanager (it knows no silences)', async () => {
    const row = await check(
      await config(`alerts:\n  matchers: { namespace: shop, service: '=~"w.b"' }\n  failOn: any\n`, {
        'prometheus-url': prometheus.url
      })
    )
    expect(row.status).toBe('failed')
    expect(row.reason).toContain(`read from Prometheus at ${prometheus.url}/`)
    expect(titles(row)).toEqual(expect.arrayContaining(['DiskAlmostFull (firing)', 'KnownFlaky (firing)']))
    expect(titles(row)).not.toContain('CartDown (firing)')
  })

  it(`matches with ${workload} only: another workload's alert fails its own verify, not this one`, async () => {
    const cart = await check(
      await config(matchers, { 'alertmanager-url': alertmanager.url, target: 'deployment/cart' }),
      new Date(0)
    )
    expect(cart.status).toBe('failed')
    expect(cart.reason).toContain('CartDown')
  })
})

describe('an alert source that cannot be read', () => {
  let server: Server
  let url: string
  const seen: Array<{ path: string; authorization?: string }> = []
  let answer: (path: string) => { status: number; body: string; headers?: Record<string, string> } = () => ({
    status: 200,
    body: '[]'
  })

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({
        path: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
      })
      const { status, body, headers } = answer(req.url ?? '')
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const amConfig = (extra = ''): string => `alerts:\n  alertmanager: { url: "${url}/am", retries: 2${extra} }\n`

  it('is retried, then inconclusive (never a pass), naming the source and the cause', async () => {
    seen.length = 0
    answer = () => ({ status: 503, body: 'overloaded' })
    const cfg = await config(amConfig())
    const rows = await checkAlerts(cfg, context(), { since: new Date(), retryBaseDelayMs: 1 })
    expect(rows[0]).toMatchObject({
      status: 'inconclusive',
      reason: `could not read alerts: Alertmanager at ${url}/am/api/v2/alerts answered HTTP 503 (after 3 attempts).`
    })
    expect(seen).toHaveLength(3)
  })

  it('inconclusive when nothing listens', async () => {
    const cfg = await config(`alerts:\n  alertmanager: { url: "http://127.0.0.1:${await freePort()}", retries: 0 }\n`)
    const [row] = await checkAlerts(cfg, context(), { since: new Date() })
    expect(row?.status).toBe('inconclusive')
    expect(row?.reason).toMatch(
      /^could not read alerts: Cannot reach Alertmanager at http:\/\/127\.0\.0\.1:\d+\/api\/v2\/alerts: connect ECONNREFUSED/
    )
  })

  it('sends the token like Prometheus does, and never puts it in the row or the log', async () => {
    seen.length = 0
    answer = () => ({ status: 200, body: '[]' })
    const cfg = await config(amConfig(), { 'alertmanager-token': 'am-token-55731' })
    const ctx = context()
    const [row] = await checkAlerts(cfg, ctx, { since: new Date() })
    expect(row?.status).toBe('passed')
    expect(seen[0]).toEqual({
      path: '/am/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true',
      authorization: 'Bearer am-token-55731'
    })
    expect(JSON.stringify([row, ctx.lines])).not.toContain('am-token-55731')
  })

  it('refuses a redirect to another origin (the token would leak)', async () => {
    seen.length = 0
    answer = () => ({ status: 302, body: '', headers: { Location: 'http://example.invalid/api/v2/alerts' } })
    const cfg = await config(amConfig(), { 'alertmanager-token': 'am-token-55731' })
    const [row] = await checkAlerts(cfg, context(), { since: new Date() })
    expect(row?.status).toBe('inconclusive')
    expect(row?.reason).toContain(
      'redirected to http://example.invalid; deploy-guard does not follow redirects to another origin'
    )
    expect(seen).toHaveLength(1)
  })

  it('a body of the wrong shape is inconclusive, not a pass', async () => {
    answer = () => ({ status: 200, body: '{"alerts": []}' })
    const [row] = await checkAlerts(await config(amConfig()), context(), { since: new Date() })
    expect(row).toMatchObject({
      status: 'inconclusive',
      reason: `could not read alerts: Alertmanager at ${url}/am/api/v2/alerts answered with an unexpected body: not a list of alerts.`
    })
  })
})
