/** The `alerts` section and the Alertmanager inputs: validated with the rest, before any cluster call. */
import { describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import { actionInputs, type ActionInputs } from '../../src/config/inputs.js'
import { loadConfig, type LoadedConfig } from '../../src/config/load.js'

const FILE = 'deploy-guard.yml'

function load(yaml: string, inputs: Partial<ActionInputs> = {}): Promise<LoadedConfig> {
  return loadConfig(
    actionInputs({ config: FILE, target: 'deployment/web', namespace: 'shop', ...inputs }),
    async () => yaml
  )
}

async function issues(yaml: string, inputs: Partial<ActionInputs> = {}): Promise<string[]> {
  try {
    await load(yaml, inputs)
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('alerts config', () => {
  it('applies the defaults: critical, the target namespace, failOn new, auto source', async () => {
    const { config } = await load('alerts: {}\n', { 'prometheus-url': 'http://prom:9090' })
    expect(config.alerts).toEqual({
      severities: ['critical'],
      matchers: [{ label: 'namespace', op: '=', value: '{{namespace}}' }],
      failOn: 'new',
      source: 'auto'
    })
  })

  it('parses equality and operator matchers (quoted values, escapes)', async () => {
    const { config } = await load(
      [
        'alerts:',
        '  severities: [critical, page]',
        '  failOn: any',
        '  matchers:',
        '    namespace: "{{namespace}}"',
        `    service: '=~"{{target}}-.*"'`,
        `    tier: '!="batch"'`,
        `    track: '!~"canary|preview"'`,
        `    note: '="=~ is literal here"'`,
        '    replicas: 3'
      ].join('\n'),
      { 'alertmanager-url': 'http://am:9093' }
    )
    expect(config.alerts?.matchers).toEqual([
      { label: 'namespace', op: '=', value: '{{namespace}}' },
      { label: 'service', op: '=~', value: '{{target}}-.*' },
      { label: 'tier', op: '!=', value: 'batch' },
      { label: 'track', op: '!~', value: 'canary|preview' },
      { label: 'note', op: '=', value: '=~ is literal here' },
      { label: 'replicas', op: '=', value: '3' }
    ])
    expect(config.alerts?.severities).toEqual(['critical', 'page'])
    expect(config.alerts?.failOn).toBe('any')
  })

  it('reports every bad key with its path, before anything runs', async () => {
    expect(
      await issues(
        [
          'alerts:',
          '  severities: critical',
          '  failOn: old',
          '  source: grafana',
          '  matchers:',
          `    service: '=~web-.*'`,
          `    pod: '=~"web-("'`,
          '    team: "{{team}}"',
          '    "bad-label": x',
          '  silences: true'
        ].join('\n'),
        { 'prometheus-url': 'http://prom:9090' }
      )
    ).toEqual(
      expect.arrayContaining([
        'alerts.severities: expected a list of severity label values, e.g. [critical], got "critical"',
        'alerts.failOn: expected new or any, got "old"',
        'alerts.source: expected auto, alertmanager or prometheus, got "grafana"',
        'alerts.matchers.service: expected a label value, or an operator and a double-quoted value such as =~"web-.*", !~"canary-.*" or !="batch", got "=~web-.*"',
        'alerts.matchers["bad-label"]: expected a label name of letters, digits and _, got "bad-label"',
        'alerts.silences: unknown key (expected one of: severities, matchers, failOn, source, alertmanager)'
      ])
    )
  })

  it('checks matcher templates and regexes once the shape is valid', async () => {
    const problems = await issues(
      ['alerts:', '  matchers:', `    pod: '=~"web-("'`, '    team: "{{team}}"'].join('\n'),
      { 'prometheus-url': 'http://prom:9090' }
    )
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^alerts\.matchers\.pod: invalid regular expression: /)
    expect(problems[1]).toMatch(/^alerts\.matchers\.team: unknown template variable \{\{team\}\} \(known: /)
  })

  it('rejects a severity of the wrong type', async () => {
    expect(
      await issues('alerts: { severities: [critical, { level: 1 }] }\n', { 'prometheus-url': 'http://p:9090' })
    ).toEqual(['alerts.severities[1]: expected a non-empty string, got a mapping'])
  })

  it('needs somewhere to read alerts from', async () => {
    expect(await issues('alerts: {}\n')).toEqual([
      'alerts: the alerts check needs somewhere to read alerts from: set the alertmanager-url input (or alerts.alertmanager.url), or prometheus-url'
    ])
    expect(await issues('alerts: { source: alertmanager }\n', { 'prometheus-url': 'http://p:9090' })).toEqual([
      'alerts.alertmanager.url: required with source: alertmanager: set the alertmanager-url input or alerts.alertmanager.url'
    ])
    expect(await issues('alerts: { source: prometheus }\n', { 'alertmanager-url': 'http://am:9093' })).toEqual([
      'prometheus.url: required by alerts.source: prometheus: set the prometheus-url input or prometheus.url'
    ])
  })

  it('takes the Alertmanager connection from inputs, which turn the check on and are masked', async () => {
    const { config, secrets } = await load('', {
      'alertmanager-url': 'https://am.example.com/alertmanager',
      'alertmanager-token': 'am-secret-token-991',
      'alertmanager-headers': 'X-Scope-OrgID: tenant-a\nX-Api-Key: am-key-7731'
    })
    expect(config.alerts?.alertmanager).toEqual({
      url: 'https://am.example.com/alertmanager',
      token: 'am-secret-token-991',
      headers: { 'X-Scope-OrgID': 'tenant-a', 'X-Api-Key': 'am-key-7731' },
      insecureSkipTlsVerify: false,
      timeout: 10_000,
      retries: 3
    })
    expect(secrets).toEqual(expect.arrayContaining(['am-secret-token-991', 'am-key-7731', 'tenant-a']))
  })

  it('names a bad alertmanager-url input, never echoing a header line', async () => {
    expect(
      await issues('', { 'alertmanager-url': 'am:9093', 'alertmanager-headers': 'secret-am-line-without-colon' })
    ).toEqual([
      'inputs.alertmanager-url: expected an http(s) URL, got "am:9093"',
      'inputs.alertmanager-headers: expected "Name: value" lines or a YAML/JSON mapping; line 1 has no "Name:"'
    ])
  })
})
