/**
 * The "no critical alerts firing" check end to end: the bundle run as the runner runs it, against the
 * sandbox cluster, the REAL Debian `prometheus-alertmanager` and the REAL `prometheus` evaluating a rule
 * file (the error-ratio alert the test makes fire, and alerts that fire from the start).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startAlertmanager,
  startRulePrometheus,
  type AlertmanagerInstance,
  type RulePrometheusInstance
} from '../harness/alertmanager.js'
import { startSampleService, type SampleService } from '../harness/sample-service.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { apply, deployment, tempDir, type TempDir } from './fixtures.js'
import { runAction, type ActionRun } from './run-action.js'

let service: SampleService
let alertmanager: AlertmanagerInstance
let prometheus: RulePrometheusInstance
let sandbox: Sandbox
let dir: TempDir

/** Outside text in a label: it must neither form a runner command nor break the summary's tables. */
const HOSTILE = '::error::injected ##[warning]x <b>bold</b> | pipe'

const RULES = `
groups:
  - name: e2e
    rules:
      - alert: HighErrorRate
        expr: sum(rate(http_requests_total{status="500"}[5s])) / sum(rate(http_requests_total[5s])) > 0.1
        for: 0s
        labels: { severity: critical, namespace: alerts-new, service: api, note: ${JSON.stringify(HOSTILE)} }
      - alert: OldFire
        expr: vector(1)
        labels: { severity: critical, namespace: alerts-old, service: api }
      - alert: KnownIssue
        expr: vector(1)
        labels: { severity: critical, namespace: alerts-silenced, service: api }
`

beforeAll(async () => {
  service = await startSampleService({ version: 'v2', requestsPerSecond: 50, errorRatio: 0 })
  alertmanager = await startAlertmanager()
  await alertmanager.silence([{ name: 'alertname', value: 'KnownIssue' }])
  prometheus = await startRulePrometheus({
    scrapeTargets: [service.target],
    rules: RULES,
    alertmanagerUrl: alertmanager.url
  })
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'OldFire')
  await alertmanager.waitForAlert((a) => a.labels.alertname === 'KnownIssue' && a.status.silencedBy.length > 0)
}, 60_000)

afterAll(async () => {
  await prometheus?.stop()
  await alertmanager?.stop()
  await service?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

const CONFIG = `
verify:
  timeout: 30s
  pollInterval: 200ms
alerts:
  matchers: { namespace: "{{namespace}}", service: "{{target}}" }
`

async function verify(namespace: string, extra = '', inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    command: 'verify',
    target: 'deployment/api',
    namespace,
    config: await dir.write(`${namespace}.yml`, CONFIG + extra),
    kubeconfig: sandbox.kubeconfig,
    'alertmanager-url': alertmanager.url,
    'alertmanager-token': 'am-e2e-token-42117',
    ...inputs
  })
}

describe('verify with the alerts check', () => {
  it('fails on a critical alert of the workload that began after the deploy: name, labels and startsAt', async () => {
    apply(sandbox, deployment('alerts-new', 'api', 'registry/api:v2', { replicas: 1 }))
    service.setErrorRatio(0.5)
    try {
      const fired = await alertmanager.waitForAlert(
        (a) => a.labels.alertname === 'HighErrorRate' && a.status.state === 'active',
        30_000
      )
      const run = await verify('alerts-new')
      expect(run.outputs.verdict).toBe('failed')
      expect(run.exitCode).not.toBe(0)
      const check = (run.record?.checks as Array<{ id: string; status: string; reason: string }>).find(
        (c) => c.id === 'alerts'
      )
      expect(check?.status).toBe('failed')
      expect(check?.reason).toContain('HighErrorRate {alertname="HighErrorRate", namespace="alerts-new"')
      expect(check?.reason).toContain(`firing since ${fired.startsAt}`)
      expect(run.summary).toContain('HighErrorRate')
      expect(run.summary).toContain(fired.startsAt)
      // Outside text: no runner command in the log, no raw HTML or broken table cell in the summary.
      for (const line of run.stdout.split('\n')) {
        expect(line).not.toMatch(/^\s*::(error|warning)::injected/)
        expect(line).not.toContain('##[warning]')
      }
      expect(run.stdout).toContain('alert firing: HighErrorRate')
      expect(run.summary).not.toContain('<b>bold</b>')
      expect(run.summary).not.toContain('| pipe')
      expect(run.everything).not.toContain('am-e2e-token-42117')
      expect(run.masked).toContain('am-e2e-token-42117')
    } finally {
      service.setErrorRatio(0)
    }
  })

  it('does not blame the deploy for an alert already firing before it (failOn: new), but reports it', async () => {
    apply(sandbox, deployment('alerts-old', 'api', 'registry/api:v2', { replicas: 1 }))
    const run = await verify('alerts-old')
    expect(run.outputs.verdict).toBe('passed')
    expect(run.exitCode).toBe(0)
    const check = (run.record?.checks as Array<{ id: string; status: string; actual: string; caveat?: string }>).find(
      (c) => c.id === 'alerts'
    )
    expect(check).toMatchObject({ status: 'passed', actual: '0 firing, 1 firing since before the deploy' })
    expect(check?.caveat).toContain('OldFire')
  })

  it('fails on that same alert with failOn: any', async () => {
    const run = await verify('alerts-old', '  failOn: any\n')
    expect(run.outputs.verdict).toBe('failed')
    expect(run.summary).toContain('OldFire')
  })

  it('passes with a silenced alert, and says it was silenced', async () => {
    apply(sandbox, deployment('alerts-silenced', 'api', 'registry/api:v2', { replicas: 1 }))
    const run = await verify('alerts-silenced', '  failOn: any\n')
    expect(run.outputs.verdict).toBe('passed')
    const check = (run.record?.checks as Array<{ id: string; actual: string }>).find((c) => c.id === 'alerts')
    expect(check?.actual).toBe('0 firing, 1 silenced or inhibited')
  })

  it('is inconclusive, never passed, when the Alertmanager cannot be reached', async () => {
    apply(sandbox, deployment('alerts-down', 'api', 'registry/api:v2', { replicas: 1 }))
    const stopped = await startAlertmanager()
    await stopped.stop()
    const run = await verify('alerts-down', '  alertmanager: { retries: 1, timeout: 2s }\n', {
      'alertmanager-url': stopped.url
    })
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.exitCode).not.toBe(0)
    expect(run.summary).toContain('could not read alerts')
  })

  it('refuses a bad matcher before touching the cluster, naming the field', async () => {
    const requests = sandbox.requests.length
    const run = await verify('alerts-bad', `  severities: [critical]\n  source: alertmanager\n  failOn: soon\n`)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout + run.stderr).toContain('alerts.failOn: expected new or any, got "soon"')
    expect(sandbox.requests.length).toBe(requests)
  })
})

describe('analyze gated on alerts', () => {
  const analyzeConfig = (failOn: string): string => `
analysis:
  interval: 1s
  count: 1
  checks:
    - name: requests
      query: sum(rate(http_requests_total[5s]))
      min: 0
alerts:
  matchers: { namespace: alerts-old }
  failOn: ${failOn}
`

  it('passes over an alert that was firing before the run began (failOn: new)', async () => {
    const run = await runAction({
      command: 'analyze',
      config: await dir.write('analyze-new.yml', analyzeConfig('new')),
      'prometheus-url': prometheus.url,
      'alertmanager-url': alertmanager.url
    })
    expect(run.outputs.verdict).toBe('passed')
    const record = run.record as { analysis?: { alerts?: { status: string; actual: string } } }
    expect(record.analysis?.alerts).toMatchObject({
      status: 'passed',
      actual: '0 firing, 1 firing since before the deploy'
    })
  })

  it('fails the analysis gate on a matching alert (failOn: any) and shows it in the analysis section', async () => {
    const config = await dir.write('analyze-any.yml', analyzeConfig('any'))
    const run = await runAction({
      command: 'analyze',
      config,
      'prometheus-url': prometheus.url,
      'alertmanager-url': alertmanager.url
    })
    expect(run.outputs.verdict).toBe('failed')
    expect(run.summary).toContain('Alerts gate')
    expect(run.summary).toContain('OldFire')
    const record = run.record as { analysis?: { alerts?: { status: string } } }
    expect(record.analysis?.alerts?.status).toBe('failed')
  })
})
