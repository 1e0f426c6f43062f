/**
 * Real alerting for tests: the Debian `prometheus-alertmanager` binary (0.25, API v2) on a random
 * loopback port with a temp config and storage (clustering off), and a Debian `prometheus` with a rule
 * file and, optionally, that Alertmanager as its alert target. Both on short intervals so an alert
 * fires within a few seconds; tests wait on the alert's state through the APIs, never on sleeps.
 *
 * (startPrometheus in prometheus.ts takes no rule files; this file starts its own Prometheus through
 * the same start-up, prometheus.ts' startDaemon, rather than changing that harness.)
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDaemon, type Daemon } from './prometheus.js'

export const ALERTMANAGER_BINARY = 'prometheus-alertmanager'

export interface SilenceMatcher {
  name: string
  value: string
  isRegex?: boolean
  isEqual?: boolean
}

export interface AlertmanagerInstance extends Daemon {
  /** Creates a silence through API v2 (`POST /api/v2/silences`); returns its id. */
  silence(matchers: SilenceMatcher[], minutes?: number): Promise<string>
  /** Polls `GET /api/v2/alerts` until one satisfies `predicate`; returns it. */
  waitForAlert(predicate: (alert: AmAlert) => boolean, timeoutMs?: number): Promise<AmAlert>
}

export interface AmAlert {
  labels: Record<string, string>
  annotations: Record<string, string>
  startsAt: string
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] }
}

export interface RulePrometheusInstance extends Daemon {
  /** Polls `GET /api/v1/alerts` until the named alert is in `state` (`firing` by default); returns its activeAt. */
  waitForAlert(name: string, state?: 'firing' | 'pending', timeoutMs?: number): Promise<string>
}

const poll = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function startAlertmanager(): Promise<AlertmanagerInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-guard-am-'))
  const config = join(dir, 'alertmanager.yml')
  // One receiver that sends nowhere; short group waits so alerts reach the API at once.
  await writeFile(
    config,
    [
      'route:',
      '  receiver: nowhere',
      '  group_wait: 0s',
      '  group_interval: 1s',
      'receivers:',
      '  - name: nowhere',
      'inhibit_rules:',
      '  - source_matchers: [inhibitor="true"]',
      '    target_matchers: [inhibited="yes"]',
      ''
    ].join('\n')
  )
  const daemon = await startDaemon(
    ALERTMANAGER_BINARY,
    [
      `--config.file=${config}`,
      `--storage.path=${join(dir, 'data')}`,
      // No gossip port: a test must not listen on 0.0.0.0 or collide with another Alertmanager.
      '--cluster.listen-address='
    ],
    dir
  )
  const silence = async (matchers: SilenceMatcher[], minutes = 60): Promise<string> => {
    const now = Date.now()
    const response = await fetch(`${daemon.url}/api/v2/silences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        matchers: matchers.map((m) => ({ isRegex: false, isEqual: true, ...m })),
        startsAt: new Date(now - 1000).toISOString(),
        endsAt: new Date(now + minutes * 60_000).toISOString(),
        createdBy: 'deploy-guard tests',
        comment: 'known issue'
      })
    })
    const body = (await response.json()) as { silenceID?: string }
    if (!response.ok || !body.silenceID)
      throw new Error(`silence not created: HTTP ${response.status} ${JSON.stringify(body)}`)
    return body.silenceID
  }
  const waitForAlert = async (predicate: (alert: AmAlert) => boolean, timeoutMs = 20_000): Promise<AmAlert> => {
    const until = Date.now() + timeoutMs
    let last = ''
    for (;;) {
      try {
        const alerts = (await (await fetch(`${daemon.url}/api/v2/alerts`)).json()) as AmAlert[]
        last = JSON.stringify(alerts).slice(0, 2000)
        const hit = alerts.find(predicate)
        if (hit) return hit
      } catch (error) {
        last = String(error)
      }
      if (Date.now() > until)
        throw new Error(`no matching alert in Alertmanager within ${timeoutMs} ms (last: ${last})`)
      await poll(200)
    }
  }
  return { ...daemon, silence, waitForAlert }
}

export interface RulePrometheusOptions {
  /** host:port targets scraped every second under job `sample`. */
  scrapeTargets: string[]
  /** Rule file content (YAML `groups:`). */
  rules: string
  /** Alertmanager base URL to send alerts to. */
  alertmanagerUrl?: string
}

export async function startRulePrometheus(options: RulePrometheusOptions): Promise<RulePrometheusInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-guard-prom-rules-'))
  const rules = join(dir, 'rules.yml')
  await writeFile(rules, options.rules)
  const alerting = options.alertmanagerUrl
    ? [
        'alerting:',
        '  alertmanagers:',
        `    - static_configs: [ { targets: [${JSON.stringify(new URL(options.alertmanagerUrl).host)}] } ]`
      ]
    : []
  const config = join(dir, 'prometheus.yml')
  await writeFile(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      '  evaluation_interval: 1s',
      `rule_files: [${JSON.stringify(rules)}]`,
      ...alerting,
      'scrape_configs:',
      '  - job_name: sample',
      '    static_configs:',
      `      - targets: [${options.scrapeTargets.map((t) => JSON.stringify(t)).join(', ')}]`,
      ''
    ].join('\n')
  )
  const daemon = await startDaemon(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      // Resend firing alerts every second (default 1m), so Alertmanager hears of a new one at once.
      '--rules.alert.resend-delay=1s'
    ],
    dir
  )
  const waitForAlert = async (name: string, state: 'firing' | 'pending' = 'firing', timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs
    let last = ''
    for (;;) {
      try {
        const body = (await (await fetch(`${daemon.url}/api/v1/alerts`)).json()) as {
          data: { alerts: Array<{ labels: Record<string, string>; state: string; activeAt: string }> }
        }
        last = JSON.stringify(body.data.alerts).slice(0, 2000)
        const hit = body.data.alerts.find((a) => a.labels.alertname === name && a.state === state)
        if (hit) return hit.activeAt
      } catch (error) {
        last = String(error)
      }
      if (Date.now() > until) throw new Error(`alert ${name} not ${state} within ${timeoutMs} ms (last: ${last})`)
      await poll(200)
    }
  }
  return { ...daemon, waitForAlert }
}
