import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import { actionInputs, type ActionInputs } from '../../src/config/inputs.js'
import { loadConfig, type LoadedConfig } from '../../src/config/load.js'
import type { DeployGuardConfig } from '../../src/config/types.js'

const FILE = '.github/deploy-guard.yml'

/** A readFile that behaves like fs: ENOENT for anything not given. */
function files(content: Record<string, string>): (path: string) => Promise<string> {
  return async (path) => {
    const text = content[path]
    if (text === undefined)
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })
    return text
  }
}

async function load(yaml: string | undefined, inputs: Partial<ActionInputs> = {}): Promise<LoadedConfig> {
  return loadConfig(
    actionInputs({ ...(yaml === undefined ? {} : { config: FILE }), ...inputs }),
    files(yaml === undefined ? {} : { [FILE]: yaml })
  )
}

/** Every issue reported, as `path: message` lines; fails if loading succeeds. */
async function issues(yaml: string | undefined, inputs: Partial<ActionInputs> = {}): Promise<string[]> {
  try {
    await load(yaml, inputs)
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

const DEFAULT_ROLLBACK: DeployGuardConfig['rollback'] = {
  onFailure: true,
  onInconclusive: false,
  to: 'recorded',
  helm: 'helm',
  argocd: 'refuse',
  forceStatefulSet: false,
  analysis: false
}

const DEFAULT_RECORDS: NonNullable<DeployGuardConfig['records']> = {
  commentOnPr: 'auto',
  deploymentStatus: 'auto',
  notifyOn: ['failed', 'inconclusive', 'rolled-back']
}

const DEFAULT_VERIFY: DeployGuardConfig['verify'] = {
  timeout: 600_000,
  failFastAfter: 30_000,
  pollInterval: 2_000,
  expect: {},
  allowRestarts: 0,
  endpoints: { require: 'any', minReady: 1 },
  ignoreEventReasons: [],
  smoke: [],
  gitops: {}
}

describe('valid configs', () => {
  test('inputs only: one target, every default', async () => {
    const loaded = await load(undefined, { target: 'deployment/api' })
    expect(loaded).toEqual({
      command: 'verify',
      config: {
        targets: [{ kind: 'Deployment', name: 'api', namespace: 'default' }],
        variables: {},
        dryRun: false,
        verify: DEFAULT_VERIFY,
        rollback: DEFAULT_ROLLBACK,
        records: DEFAULT_RECORDS
      },
      secrets: []
    })
  })

  test('the sketch from DESIGN.md, with defaults filled in', async () => {
    const loaded = await load(
      `
targets: [ { kind: Deployment, name: api, namespace: production } ]
variables: { service: api, window: 5m }
verify:
  timeout: 10m
  expect: { replicas: 4, image: "registry/api:v1.2.3" }
  allowRestarts: 0
  smoke: [ { url: https://api.example.com/health, expectStatus: 200, retries: 10, delay: 5s } ]
  gitops: { argocd: { application: api }, flux: { kind: HelmRelease, name: api } }
analysis:
  interval: 30s
  count: 10
  failureLimit: 0
  inconclusiveLimit: 1
  errorLimit: 4
  minTraffic: { query: 'sum(rate(http_requests_total{version="{{version}}"}[1m]))', min: 1 }
  checks:
    - name: error-rate
      query: sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))
      max: 0.005
      onNoData: inconclusive
    - name: latency-p95
      query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{ service }}"}[{{window}}])))
      max: 0.5
      maxIncrease: 10%
prometheus: { url: "http://prometheus:9090" }
canary:
  steps: [ { weight: 5, pause: 10m }, { weight: 25, pause: 10m }, { weight: 100 } ]
  traffic: { replicas: { canary: api-canary, stable: api } }
rollback: { onFailure: true, to: recorded }
`,
      { command: 'analyze' }
    )
    expect(loaded.command).toBe('analyze')
    expect(loaded.config).toEqual({
      targets: [{ kind: 'Deployment', name: 'api', namespace: 'production' }],
      variables: { service: 'api', window: '5m' },
      dryRun: false,
      rollback: DEFAULT_ROLLBACK,
      records: DEFAULT_RECORDS,
      verify: {
        ...DEFAULT_VERIFY,
        expect: { replicas: 4, image: 'registry/api:v1.2.3' },
        smoke: [
          {
            name: 'api.example.com/health',
            url: 'https://api.example.com/health',
            method: 'GET',
            expectStatus: [200],
            headers: {},
            retries: 10,
            delay: 5_000,
            timeout: 10_000
          }
        ],
        gitops: {
          argocd: { application: 'api', namespace: 'argocd' },
          flux: { kind: 'HelmRelease', name: 'api', namespace: 'production' }
        }
      },
      analysis: {
        initialDelay: 0,
        interval: 30_000,
        count: 10,
        failureLimit: 0,
        inconclusiveLimit: 1,
        errorLimit: 4,
        minJudged: 6,
        minTraffic: { query: 'sum(rate(http_requests_total{version="{{version}}"}[1m]))', min: 1 },
        baseline: { window: 600_000, offset: 0 },
        checks: [
          {
            name: 'error-rate',
            query:
              'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))',
            max: 0.005,
            onNoData: 'inconclusive',
            onNaN: 'no-data',
            dryRun: false
          },
          {
            name: 'latency-p95',
            query:
              'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{ service }}"}[{{window}}])))',
            max: 0.5,
            maxIncrease: 0.1,
            onNoData: 'inconclusive',
            onNaN: 'no-data',
            dryRun: false
          }
        ]
      },
      prometheus: {
        url: 'http://prometheus:9090',
        headers: {},
        insecureSkipTlsVerify: false,
        timeout: 10_000,
        retries: 3
      },
      canary: {
        strategy: 'canary',
        steps: [{ weight: 5, pause: 600_000 }, { weight: 25, pause: 600_000 }, { weight: 100 }],
        traffic: { replicas: { canary: 'api-canary', stable: 'api' } },
        onNoData: 'hold',
        cleanup: 'scaleToZero',
        resume: 'start'
      }
    })
  })

  test.each([
    ['an empty file', '', {}],
    ['a comment-only file', '# nothing yet\n', {}],
    [
      'kinds are normalised',
      'targets: [ { kind: sts, name: db }, { kind: ds, name: agent, namespace: kube-system } ]',
      {}
    ]
  ])('%s', async (_, yaml) => {
    const loaded = await load(yaml, { target: yaml.includes('targets') ? '' : 'deployment/api', namespace: 'prod' })
    expect(loaded.config.targets.length).toBeGreaterThan(0)
  })

  test('custom resources keep their kind and apiVersion', async () => {
    const loaded = await load('targets: [ { kind: Rollout, apiVersion: argoproj.io/v1alpha1, name: api } ]', {
      namespace: 'prod'
    })
    expect(loaded.config.targets).toEqual([
      { kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', name: 'api', namespace: 'prod' }
    ])
  })

  test('expectStatus takes a list and method any case', async () => {
    const loaded = await load(
      'verify: { smoke: [ { name: hc, url: "http://a/x", expectStatus: [200, 204], method: head } ] }',
      { target: 'deploy/api' }
    )
    expect(loaded.config.verify.smoke[0]).toMatchObject({ name: 'hc', expectStatus: [200, 204], method: 'HEAD' })
  })
})

describe('inputs override the file', () => {
  const yaml = `
targets: [ { kind: Deployment, name: from-file } ]
dryRun: false
version: v1
verify: { timeout: 5m, failFastAfter: 1m }
prometheus: { url: "http://file:9090", headers: { X-Scope-OrgID: file, X-Keep: yes } }
`
  test('target replaces, scalars override, headers merge', async () => {
    const { config } = await load(yaml, {
      target: 'deployment/api\nstaging/sts/db',
      namespace: 'prod',
      timeout: '15m',
      'fail-fast-after': '45s',
      'dry-run': 'true',
      version: 'v2',
      'prometheus-url': 'https://prom.example.com',
      'prometheus-token': 'tok-123456',
      'prometheus-headers': 'X-Scope-OrgID: input'
    })
    expect(config.targets).toEqual([
      { kind: 'Deployment', name: 'api', namespace: 'prod' },
      { kind: 'StatefulSet', name: 'db', namespace: 'staging' }
    ])
    expect(config).toMatchObject({ dryRun: true, version: 'v2', verify: { timeout: 900_000, failFastAfter: 45_000 } })
    expect(config.prometheus).toMatchObject({
      url: 'https://prom.example.com',
      token: 'tok-123456',
      headers: { 'X-Scope-OrgID': 'input', 'X-Keep': 'yes' }
    })
  })

  test('the file is used where inputs are unset', async () => {
    const { config } = await load(yaml)
    expect(config).toMatchObject({
      targets: [{ kind: 'Deployment', name: 'from-file', namespace: 'default' }],
      version: 'v1',
      verify: { timeout: 300_000, failFastAfter: 60_000 },
      prometheus: { url: 'http://file:9090' }
    })
  })

  test('prometheus inputs alone create the section', async () => {
    const { config } = await load(undefined, { target: 'deployment/api', 'prometheus-url': 'http://p:9090' })
    expect(config.prometheus).toEqual({
      url: 'http://p:9090',
      headers: {},
      insecureSkipTlsVerify: false,
      timeout: 10_000,
      retries: 3
    })
  })
})

describe('{{version}} needs a version', () => {
  const analysis = `
analysis:
  minTraffic: { query: 'sum(rate(x{version="{{version}}"}[1m]))', min: 1 }
  checks:
    - { name: ok, query: 'up', max: 1 }
    - { name: errors, query: 'sum(rate(x{version="{{ version }}"}[1m]))', max: 1 }
`
  test('analyze with neither a version nor a target to read it from is a config error', async () => {
    expect(await issues(analysis, { command: 'analyze', 'prometheus-url': 'http://prom:9090' })).toEqual([
      'analysis.minTraffic.query: uses {{version}}, but no version is known: set the version input (or version in the file), or a target whose image tag is the version',
      'analysis.checks[1].query: uses {{version}}, but no version is known: set the version input (or version in the file), or a target whose image tag is the version'
    ])
  })

  test.each<[string, Partial<ActionInputs>]>([
    ['the version input', { version: 'v2' }],
    ['a target to read the image tag from', { target: 'deployment/api' }]
  ])('analyze is fine with %s', async (_, inputs) => {
    const loaded = await load(analysis, { command: 'analyze', 'prometheus-url': 'http://prom:9090', ...inputs })
    expect(loaded.config.analysis?.checks).toHaveLength(2)
  })
})

describe('invalid configs report every problem at once, with its path', () => {
  test.each<[string, string | undefined, Partial<ActionInputs>, string[]]>([
    [
      'the examples from the brief',
      `
targets: [ { kind: Deployment, name: API } ]
verify:
  timout: 5m
  smoke: [ { url: "ftp:/x" } ]
analysis:
  interval: ten
  checks:
    - { name: ok, query: 'up', max: 1 }
    - { name: bad, query: 'sum(rate(x{a="b"}[1m]))}', max: 1 }
`,
      {},
      [
        'targets[0].name: expected a Kubernetes name (lower-case RFC 1123), got "API"',
        'verify.smoke[0].url: expected an http(s) URL, got "ftp:/x"',
        'verify.timout: unknown key (did you mean "timeout"?)',
        'analysis.interval: expected a duration like 30s, 5m or 1h30m, got "ten"',
        'analysis.checks[1].query: invalid PromQL at 1:24: unexpected "}"'
      ]
    ],
    [
      'types, enums, ranges and defaults-only sections',
      `
dryRun: "yes"
targets: [ { kind: "apps/Deployment", name: api }, { name: web }, "deployment/x" ]
verify:
  pollInterval: 0s
  allowRestarts: -1
  endpoints: { require: most, minReady: 1.5 }
  ignoreEventReasons: FailedMount
  smoke:
    - { url: "https://a.example.com", expectStatus: [200, 700], method: PUT, retries: two }
    - { url: "https://a.example.com", headers: { X-A: [1] } }
  gitops: { argocd: { app: api }, flux: { kind: Kustomisation, name: api } }
`,
      {},
      [
        'dryRun: expected true or false, got "yes"',
        'targets[0].kind: expected a Kind such as Deployment, StatefulSet, DaemonSet or a custom resource Kind, got "apps/Deployment"',
        'targets[1].kind: is required; expected a Kind such as Deployment, StatefulSet, DaemonSet or a custom resource Kind',
        'targets[2]: expected a mapping, got "deployment/x"',
        'verify.pollInterval: expected a duration greater than 0, got 0',
        'verify.allowRestarts: expected a whole number >= 0, got -1',
        'verify.endpoints.require: expected one of any, all, got "most"',
        'verify.endpoints.minReady: expected a whole number >= 0, got 1.5',
        'verify.ignoreEventReasons: expected a list of event reasons, got "FailedMount"',
        'verify.smoke[0].method: expected one of GET, HEAD, POST, got "PUT"',
        'verify.smoke[0].expectStatus[1]: expected an HTTP status (100-599), got 700',
        'verify.smoke[0].retries: expected a whole number >= 0, got "two"',
        'verify.smoke[1].headers["X-A"]: expected a string, got a list',
        'verify.gitops.argocd.application: is required; expected a Kubernetes name (lower-case RFC 1123)',
        'verify.gitops.argocd.app: unknown key (did you mean "application"?)',
        'verify.gitops.flux.kind: expected one of Kustomization, HelmRelease, got "Kustomisation"'
      ]
    ],
    [
      'analysis rules: thresholds, unique names, templates, limits',
      `
variables: { namespace: x, "bad-name": 1, service: api }
analysis:
  count: 3
  interval: 0
  failureLimit: -1
  minTraffic: { query: 'sum(rate(x[1m])', min: 1 }
  baseline: { window: 0s }
  checks:
    - { name: a, query: 'up' }
    - { name: a, query: 'rate(x{v="{{verison}}",s="{{service}}"}[1m])', max: "x", onNoData: skip }
    - { name: "b c", query: 'up', min: 2, max: 1, maxIncrease: lots }
    - { name: d, query: '', max: 1, treshold: 2 }
`,
      { command: 'analyze', 'prometheus-url': 'http://p:9090' },
      [
        'variables["bad-name"]: expected a variable name of letters, digits and _, got "bad-name"',
        'variables.namespace: "namespace" is a built-in variable and cannot be redefined',
        'analysis.failureLimit: expected a whole number >= 0, got -1',
        'analysis.minTraffic.query: invalid PromQL at 1:16: unexpected end of query (unclosed "(")',
        'analysis.baseline.window: expected a duration greater than 0, got 0',
        'analysis.checks[0]: needs at least one of max, min, maxIncrease or maxDecrease',
        'analysis.checks[1].query: unknown template variable {{verison}} (known: namespace, target, kind, version, service)',
        'analysis.checks[1].max: expected a number, got "x"',
        'analysis.checks[1].onNoData: expected one of fail, pass, inconclusive, got "skip"',
        'analysis.checks[2].name: expected a check name of letters, digits, "-", "_", "." or ":", got "b c"',
        'analysis.checks[2].maxIncrease: expected a percentage like 10% or a fraction like 0.1, got "lots"',
        'analysis.checks[2].min: min (2) must not be greater than max (1)',
        'analysis.checks[3].query: expected a non-empty string, got ""',
        'analysis.checks[3].treshold: unknown key (expected one of: name, query, max, min, maxIncrease, maxDecrease, onNoData, onNaN, dryRun)',
        'analysis.checks[1].name: duplicate check name "a" (also used by analysis.checks[0])'
      ]
    ],
    [
      'command requirements: verify needs a target',
      'verify: { timeout: 1m }',
      {},
      [
        'targets: at least one target is required for verify: set the target input (e.g. deployment/api) or targets in the config file'
      ]
    ],
    [
      'command requirements: analyze needs checks and a Prometheus URL',
      undefined,
      { command: 'analyze' },
      [
        'analysis.checks: at least one check is required for analyze',
        'prometheus.url: required for analyze: set the prometheus-url input or prometheus.url in the config file'
      ]
    ],
    [
      'command requirements: each router names its objects; blueGreen needs the active Service',
      `
analysis: { checks: [ { name: errors, query: 'sum(up)', max: 1 } ] }
prometheus: { url: "http://p" }
canary: { steps: [ { weight: 10, pause: 1m } ], traffic: { gatewayHTTPRoute: { route: web, stable: web } } }
`,
      { command: 'canary', target: 'deployment/api' },
      ['canary.traffic.gatewayHTTPRoute.canary: is required; expected a Kubernetes name (lower-case RFC 1123)']
    ],
    [
      'command requirements: a canary whose steps never measure could only abort',
      `
analysis: { checks: [ { name: errors, query: 'sum(up)', max: 1 } ] }
prometheus: { url: "http://p" }
canary: { steps: [ { weight: 10, pause: 0s }, { pause: manual }, { weight: 100 } ] }
`,
      { command: 'canary', target: 'deployment/api' },
      [
        'canary.steps: no step runs the analysis, so every run would end in an abort (a canary is never promoted on pod health alone): give at least one step a pause to measure over, e.g. { weight: 25, pause: 5m }'
      ]
    ],
    [
      'command requirements: strategy blueGreen needs canary.blueGreen.activeService, not steps',
      `
analysis: { checks: [ { name: errors, query: 'sum(up)', max: 1 } ] }
prometheus: { url: "http://p" }
canary: { strategy: blueGreen }
`,
      { command: 'canary', target: 'deployment/api' },
      [
        'canary.blueGreen.activeService: required for canary with strategy blueGreen: the Service whose selector switches from blue to green'
      ]
    ],
    [
      'canary steps: weight or replicas, a manual pause, the image and canary-resume inputs',
      `
analysis: { checks: [ { name: errors, query: 'sum(up)', max: 1 } ] }
prometheus: { url: "http://p" }
canary: { steps: [ { weight: 10, replicas: 1 }, { pause: later } ], onNoData: wait, cleanup: remove }
`,
      { command: 'canary', target: 'deployment/api', image: 'app=', 'canary-resume': 'maybe' },
      [
        "canary.steps[0]: give weight or replicas, not both (replicas: N sends the canary N pods' share of traffic)",
        'canary.steps[1].pause: expected a duration like 30s, 5m or 1h30m, got "later"',
        'canary.onNoData: expected one of hold, inconclusive, abort, got "wait"',
        'canary.cleanup: expected scaleToZero or delete, got "remove"',
        'inputs.image: expected container=image, one per line (e.g. app=registry/web:2.0.0), or a bare image when the pod has one container, got "app="',
        'inputs.canary-resume: expected start (a new canary; refuse if one is paused), continue (go on from the paused step) or abort (restore the routing, canary to 0), got "maybe"'
      ]
    ],
    [
      'bad inputs and a custom resource without apiVersion',
      `
targets: [ { kind: Rollout, name: api }, { kind: Deployment, apiVersion: extensions/v1beta1, name: web } ]
prometheus: { url: "http://p", token: t0k3n-value, basicAuth: { username: u, password: p4ss-value } }
unknownSection: 1
`,
      { command: 'canary', namespace: 'Prod', timeout: 'ten', 'dry-run': 'maybe', 'prometheus-url': 'p:9090' },
      [
        'canary.steps: required for canary: e.g. [ { weight: 10, pause: 5m }, { weight: 100 } ]',
        'analysis.checks: at least one check is required for canary',
        'inputs.namespace: expected a Kubernetes namespace (lower-case RFC 1123 label, at most 63 characters), got "Prod"',
        'inputs.timeout: expected a duration like 30s, 5m or 1h30m, got "ten"',
        'inputs.dry-run: expected true or false, got "maybe"',
        'inputs.prometheus-url: expected an http(s) URL, got "p:9090"',
        'targets[0].apiVersion: required for the custom resource kind "Rollout" (e.g. argoproj.io/v1alpha1)',
        'targets[1].apiVersion: Deployment is served as apps/v1; leave apiVersion out or set it to apps/v1',
        'prometheus.basicAuth: cannot be combined with token; use one of them',
        'unknownSection: unknown key (expected one of: version, variables, dryRun, targets, verify, analysis, prometheus, rollback, canary, alerts)'
      ]
    ],
    [
      'future sections are validated too',
      `
targets: [ { kind: Deployment, name: api } ]
rollback: { to: yesterday, onFailur: true }
canary: { steps: [ { weight: 150, pause: soon } ], traffic: { linkerd: {} } }
`,
      {},
      [
        'rollback.to: expected recorded, previous or a revision number, got "yesterday"',
        'rollback.onFailur: unknown key (did you mean "onFailure"?)',
        'canary.steps[0].weight: expected a weight from 0 to 100, got 150',
        'canary.steps[0].pause: expected a duration like 30s, 5m or 1h30m, got "soon"',
        'canary.traffic.linkerd: unknown key (expected one of: replicas, gatewayHTTPRoute, istioVirtualService, nginxIngress)',
        'canary.traffic: needs exactly one traffic router: replicas, gatewayHTTPRoute, istioVirtualService or nginxIngress'
      ]
    ],
    [
      'a missing file',
      undefined,
      { config: '.github/deploy-guard.yml', target: 'deployment/api' },
      ['inputs.config: file ".github/deploy-guard.yml" not found']
    ],
    [
      'a YAML syntax error with its position',
      'targets:\n  - { kind: Deployment, name: api\nverify: {}\n',
      {},
      [
        'inputs.config: YAML syntax error in ".github/deploy-guard.yml" at 3:1: Flow map in block collection must be sufficiently indented and end with a }'
      ]
    ],
    [
      'duplicate keys',
      'dryRun: true\ndryRun: false\n',
      {},
      ['inputs.config: YAML syntax error in ".github/deploy-guard.yml" at 2:1: Map keys must be unique']
    ],
    [
      'a file that is not a mapping',
      '- deployment/api\n',
      {},
      [
        'inputs.config: expected ".github/deploy-guard.yml" to hold a mapping of sections (targets, verify, analysis, prometheus)'
      ]
    ]
  ])('%s', async (_, yaml, inputs, expected) => {
    const found = await issues(yaml, inputs)
    expect([...found].sort()).toEqual([...expected].sort())
  })

  test('the error message lists every issue, one per line', async () => {
    const error = await load('verify: { timeout: ten, allowRestarts: x }', { target: 'deployment/api' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toBe(
      [
        'Invalid deploy-guard configuration (2 problems):',
        'verify.timeout: expected a duration like 30s, 5m or 1h30m, got "ten"',
        'verify.allowRestarts: expected a whole number >= 0, got "x"'
      ].join('\n')
    )
  })

  test('secrets never appear in issue messages', async () => {
    const found = await issues(
      'prometheus: { url: "http://p:9090", token: 12345678, headers: { Authorization: [x] } }',
      {
        target: 'deployment/api'
      }
    )
    expect(found).toEqual([
      'prometheus.token: expected a non-empty string, got ***',
      'prometheus.headers.Authorization: expected a string, got a list'
    ])
  })
})
