/**
 * The fault matrix of issue 7 as data: one row per case — what goes wrong, what the action is given,
 * and the documented outcome (verdict, exit code, wall-time bound, extra assertions). The shared
 * assertions every case gets (no runner command from outside text, no secret anywhere, outputs and
 * summary within limits) are in assert.ts; the runner is run-case.ts.
 *
 * The expectations are the *documented* behaviour (issue 7), not necessarily today's.
 */
import type { FaultCase } from './case-types.js'
import { hostileEvent, PAYLOAD, quickAnalysis, quickVerify, B, withAnnotations } from './case-parts.js'

const hostileTextCases: FaultCase[] = [
  {
    id: 'd1-waiting-message',
    family: 'defect 1: log injection',
    description: 'a container waiting message holding runner commands (CreateContainerConfigError)',
    workload: withAnnotations({ [`${B}behavior`]: 'create-container-config-error', [`${B}config-error`]: PAYLOAD }),
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-failedcreate-message',
    family: 'defect 1: log injection',
    description: 'a ReplicaSet FailedCreate message holding runner commands (quota exceeded)',
    workload: { ...withAnnotations({ [`${B}quota-exceeded`]: PAYLOAD }), progressDeadlineSeconds: 30 },
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-image-name',
    family: 'defect 1: log injection',
    description: 'an image name holding runner commands (its pull fails)',
    workload: { image: `registry/api:v2${PAYLOAD}`, ...withAnnotations({ [`${B}behavior`]: 'image-pull-backoff' }) },
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-event-message-reason',
    family: 'defect 1: log injection',
    description: 'a Warning event whose message and reason hold runner commands',
    objects: (ns) => [hostileEvent(ns, 'hostile', PAYLOAD, PAYLOAD)],
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-previous-log',
    family: 'hostile text',
    description: "a crashed container's previous log holding runner commands",
    workload: withAnnotations({ [`${B}behavior`]: 'crashloop', [`${B}previous-log`]: PAYLOAD }),
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-kube-api-error',
    family: 'defect 1: log injection',
    description: 'a Kubernetes API error message (500 Status) holding runner commands',
    kubeFaults: ({ ns }) => [{ path: new RegExp(`/namespaces/${ns}/deployments/api$`), status: 500, message: PAYLOAD }],
    inputs: () => ({ timeout: '5s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'd1-prom-error-text',
    family: 'defect 1: log injection',
    description: 'Prometheus `status: error` text (bad_data) holding runner commands',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'error', status: 400, errorType: 'bad_data', error: PAYLOAD }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'hostile-prom-500-body',
    family: 'hostile text',
    description: 'a Prometheus 500 whose body holds runner commands',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'status', status: 500, body: PAYLOAD }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'hostile-label-values',
    family: 'hostile text',
    description: 'series label values holding runner commands, on a failing value',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'value', value: 5, labels: { pod: PAYLOAD, reason: PAYLOAD } }] },
    expect: { verdict: 'failed', exitCode: 1, wallMs: 15_000 }
  }
]

const cancellationCases: FaultCase[] = [
  ...(['SIGINT', 'SIGTERM'] as const).map((signal): FaultCase => ({
    id: `${signal.toLowerCase()}-rollout-wait`,
    family: 'cancellation',
    description: `${signal} while waiting for a rollout that never becomes ready`,
    workload: withAnnotations({ [`${B}ready-after`]: '600s' }),
    during: { when: { kind: 'kube-request', path: /\/pods$/, status: 200 }, signal },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000, exitAfterSignalMs: 2_000, check: cancelled }
  })),
  ...(['SIGINT', 'SIGTERM'] as const).map((signal): FaultCase => ({
    id: `${signal.toLowerCase()}-hung-request`,
    family: signal === 'SIGINT' ? 'defect 2: hung request / acceptance 3' : 'defect 2: hung request',
    description: `${signal} while a Deployment GET hangs (acceptance: inconclusive, summary and outputs, exit within 2 s)`,
    kubeFaults: ({ ns }) => [{ method: 'GET', path: `/apis/apps/v1/namespaces/${ns}/deployments/api`, hang: true }],
    during: { when: { kind: 'kube-request', path: /\/deployments\/api$/ }, signal },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000, exitAfterSignalMs: 2_000, check: cancelled }
  })),
  {
    id: 'sigint-then-sigterm-hung',
    family: 'defect 2: hung request',
    description: 'SIGINT then SIGTERM (as the runner cancels) while a Deployment GET hangs',
    kubeFaults: ({ ns }) => [{ method: 'GET', path: `/apis/apps/v1/namespaces/${ns}/deployments/api`, hang: true }],
    during: {
      when: { kind: 'kube-request', path: /\/deployments\/api$/ },
      signal: 'SIGINT',
      thenSigtermAfterMs: 1_500
    },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000, exitAfterSignalMs: 2_000, check: cancelled }
  },
  ...(['SIGINT', 'SIGTERM'] as const).map((signal): FaultCase => ({
    id: `${signal.toLowerCase()}-analysis`,
    family: 'cancellation',
    description: `${signal} between measurements of a long analysis`,
    command: 'analyze',
    config: quickAnalysis({ count: 100, interval: '500ms' }),
    prometheus: { queries: [{ kind: 'value', value: 0 }] },
    during: { when: { kind: 'prom-queries', count: 1 }, signal },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000, exitAfterSignalMs: 2_000, check: cancelled }
  })),
  {
    id: 'sigint-prom-hang',
    family: 'cancellation',
    description: 'SIGINT while a Prometheus query hangs',
    command: 'analyze',
    config: quickAnalysis({ count: 3, retries: 0, timeout: '10s' }),
    prometheus: { queries: [{ kind: 'hang' }] },
    during: { when: { kind: 'prom-queries', count: 1 }, signal: 'SIGINT' },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000, exitAfterSignalMs: 2_000, check: cancelled }
  }
]

const secretCases: FaultCase[] = [
  {
    id: 'd3-cross-origin-redirect',
    family: 'defect 3: credentials across origins',
    description: 'a 302 to another origin: neither the token nor configured headers may reach it',
    command: 'analyze',
    prometheus: ({ secondUrl }) => ({ queries: [{ kind: 'redirect', to: secondUrl ?? '' }] }),
    secondPrometheus: { queries: [{ kind: 'echo-auth' }], others: { kind: 'echo-auth' } },
    inputs: () => ({ 'prometheus-headers': 'X-Api-Key: hdr-secret-key-8841\nX-Scope-OrgID: tenant-secret-org' }),
    secrets: () => ['hdr-secret-key-8841'],
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 15_000,
      check: (_run, w) =>
        (w.second?.requests ?? []).flatMap((r) =>
          ['authorization', 'x-api-key', 'x-scope-orgid']
            .filter((h) => r.headers[h] !== undefined)
            .map((h) => `the other origin received the configured header ${h}`)
        )
    }
  },
  {
    id: 'd4-prom-401-echo',
    family: 'defect 4: echoed secrets',
    description: 'a Prometheus 401 whose body quotes the bearer token',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'echo-auth' }], others: { kind: 'echo-auth' } },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'd4-kube-500-echo',
    family: 'defect 4: echoed secrets',
    description: 'a Kubernetes 500 Status whose message quotes the kubeconfig token',
    kubeFaults: ({ ns, cluster }) => [
      {
        path: new RegExp(`/namespaces/${ns}/deployments/api$`),
        status: 500,
        message: `etcd: bad token Bearer ${cluster.token} for user ci`
      }
    ],
    inputs: () => ({ timeout: '5s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'secret-prom-header-echo',
    family: 'secrets',
    description: 'a Prometheus 401 quoting a custom credential header (X-Api-Key)',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'echo-auth' }], others: { kind: 'echo-auth' } },
    inputs: () => ({ 'prometheus-headers': 'X-Api-Key: hdr-secret-key-5123' }),
    secrets: () => ['hdr-secret-key-5123'],
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'secret-prom-error-text',
    family: 'secrets',
    description: 'a Prometheus `status: error` whose text quotes the token',
    command: 'analyze',
    prometheus: ({ promToken }) => ({
      queries: [{ kind: 'error', status: 422, errorType: 'execution', error: `invalid bearer token ${promToken}` }]
    }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'secret-kube-403-echo',
    family: 'secrets',
    description: 'a Kubernetes 403 on pods whose message quotes the kubeconfig token',
    kubeFaults: ({ ns, cluster }) => [
      {
        path: `/api/v1/namespaces/${ns}/pods`,
        status: 403,
        message: `pods is forbidden: token ${cluster.token} cannot list pods`
      }
    ],
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000 }
  }
]

const defectCases: FaultCase[] = [
  {
    id: 'd2-hung-get-timeout',
    family: 'defect 2: hung request',
    description: 'a Deployment GET that never answers, with `timeout: 3s`',
    kubeFaults: ({ ns }) => [{ method: 'GET', path: `/apis/apps/v1/namespaces/${ns}/deployments/api`, hang: true }],
    inputs: () => ({ timeout: '3s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000 }
  },
  {
    id: 'd5-majority-unjudged',
    family: 'defect 5: judged majority',
    description: '`count: 5`, the first measurement fine, the next four HTTP 500',
    command: 'analyze',
    config: quickAnalysis({ count: 5, retries: 0 }),
    prometheus: {
      queries: [
        { kind: 'value', value: 0 },
        { kind: 'status', status: 500 }
      ]
    },
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 15_000,
      check: (run) =>
        /judged|measured/i.test(run.summary) ? [] : ['the summary does not say how many measurements were judged']
    }
  },
  {
    id: 'd5-prometheus-dies',
    family: 'defect 5: judged majority',
    description: '`count: 5`, Prometheus goes away after the first measurement (connections reset)',
    command: 'analyze',
    config: quickAnalysis({ count: 5, retries: 0 }),
    prometheus: { queries: [{ kind: 'value', value: 0 }, { kind: 'close' }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'd6-interval-overflow',
    family: 'defect 6: duration caps',
    description: '`interval: 1000000h` is a config error naming the field and the cap',
    command: 'analyze',
    config: quickAnalysis({ interval: '1000000h' }),
    prometheus: {},
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: configErrorNaming('analysis.interval') }
  },
  {
    id: 'd6-initial-delay-overflow',
    family: 'defect 6: duration caps',
    description: '`initialDelay: 25d` is a config error naming the field and the cap',
    command: 'analyze',
    config: quickAnalysis({ initialDelay: '25d' }),
    prometheus: {},
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: configErrorNaming('analysis.initialDelay') }
  },
  {
    id: 'd7-huge-event-outputs',
    family: 'defect 7: output caps',
    description: 'a 2 MB Warning event message: outputs capped with a note, the JSON record keeps it whole',
    objects: (ns) => [hostileEvent(ns, 'huge', 'BackOff', 'y'.repeat(2 * 1024 * 1024))],
    expect: {
      verdict: 'failed',
      exitCode: 1,
      wallMs: 30_000,
      check: (run) =>
        run.record && JSON.stringify(run.record).length > 2 * 1024 * 1024
          ? []
          : ['the JSON record does not keep the whole 2 MB message']
    }
  },
  {
    id: 'd8-output-write-fails',
    family: 'defect 8: failed output write',
    description: '`GITHUB_OUTPUT` points at a missing directory: a warning, and the verdict line and exit code still',
    env: () => ({ GITHUB_OUTPUT: '/nonexistent-dir/deploy-guard/output' }),
    expect: {
      verdict: 'passed',
      exitCode: 0,
      wallMs: 20_000,
      verdictFrom: 'stdout',
      check: (run) => [
        ...(/\n\s+at .+:\d+:\d+\)?/.test(run.stdout + run.stderr) ? ['a stack trace was printed'] : []),
        ...(/^::warning/m.test(run.stdout) ? [] : ['no warning says the outputs could not be written'])
      ]
    }
  },
  {
    id: 'd9-summary-keeps-tables',
    family: 'defect 9: summary trimming',
    description: 'a 5 MB variable used in a query: the summary keeps the verdict and the tables',
    command: 'analyze',
    config: `variables:\n  big: "${'v'.repeat(5 * 1024 * 1024)}"\n${quickAnalysis({ query: 'fault_metric{x="{{big}}"}' })}`,
    prometheus: { queries: [{ kind: 'value', value: 0 }] },
    expect: {
      verdict: 'passed',
      exitCode: 0,
      wallMs: 40_000,
      check: (run) => [
        ...(/deploy-guard analyze: passed/.test(run.summary) ? [] : ['the summary lost its verdict heading']),
        ...(/^\|.*fault-check.*\|/m.test(run.summary) ? [] : ['the summary lost the analysis table row'])
      ]
    }
  },
  {
    id: 'd10-yaml-alias-bomb',
    family: 'defect 10: YAML alias bomb',
    description: 'a config file that is a YAML alias bomb is reported like any config error',
    config: [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'verify: { timeout: 5s }'
    ].join('\n'),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: configErrorNaming('') }
  },
  {
    id: 'd11-events-forbidden',
    family: 'defect 11: failure precision',
    description: 'a 403 on events LIST alone makes only the rows that need events inconclusive',
    kubeFaults: ({ ns }) => [
      {
        method: 'GET',
        path: `/api/v1/namespaces/${ns}/events`,
        status: 403,
        message: `events is forbidden: User "system:serviceaccount:ci:deploy-guard" cannot list resource "events" in API group "" in the namespace "${ns}"`
      }
    ],
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 20_000,
      check: (run) => {
        const rows = JSON.parse(run.outputs['failed-checks'] ?? '[]') as Array<{ id: string }>
        const ids = rows.map((r) => r.id)
        return [
          ...(ids.includes('events') ? [] : ['the events row is not reported inconclusive']),
          ...(ids.some((id) => ['rollout', 'pod-count', 'pods-ready', 'version'].includes(id))
            ? [`rows that do not need events are inconclusive too: ${ids.join(', ')}`]
            : [])
        ]
      }
    }
  },
  {
    id: 'd11-wrong-ca',
    family: 'defect 11: failure precision',
    description: 'a kubeconfig whose CA is not the server’s: not retried as if transient',
    inputs: (w) => ({
      kubeconfig: w.cluster.kubeconfig.replace(
        /certificate-authority-data: \S+/,
        `certificate-authority-data: ${w.otherCa}`
      )
    }),
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 3_000,
      check: (run) => [
        ...(/certificate|CA|TLS/i.test(run.stdout) ? [] : ['the log does not name the TLS verification problem']),
        ...(/after retries|\d+ attempts/i.test(run.stdout) ? ['retried as if transient'] : [])
      ]
    }
  },
  {
    id: 'd11-prom-huge-body',
    family: 'defect 11: failure precision',
    description: 'a 100 MB Prometheus body is refused with a clear error, not read whole',
    command: 'analyze',
    config: quickAnalysis({ count: 1, retries: 0, timeout: '20s' }),
    prometheus: { queries: [{ kind: 'huge', bytes: 100 * 1024 * 1024 }] },
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 20_000,
      check: (run, w) => [
        ...(/too large|size|limit|bytes/i.test(run.stdout) ? [] : ['no clear "too large" error in the log']),
        ...((w.prom?.bytesSent() ?? 0) > 50 * 1024 * 1024 ? [`the client read ${w.prom?.bytesSent()} bytes`] : [])
      ]
    }
  },
  {
    id: 'd12-kind-typo-file',
    family: 'defect 12: newcomer errors',
    description: '`kind: Deploymnet` in the file: "did you mean Deployment?"',
    config: (w) => `targets: [{ kind: Deploymnet, name: api, namespace: ${w.ns} }]\n${quickVerify}`,
    inputs: () => ({ target: '' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: logMatches(/did you mean "?Deployment/i) }
  },
  {
    id: 'd12-kind-typo-input',
    family: 'defect 12: newcomer errors',
    description: '`target: deploymnet/api`: "did you mean deployment?"',
    inputs: () => ({ target: 'deploymnet/api' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: logMatches(/did you mean "?deployment/i) }
  },
  {
    id: 'd12-max-percent',
    family: 'defect 12: newcomer errors',
    description: '`max: 1%` is rejected with the suggestion `0.01`',
    command: 'analyze',
    config: quickAnalysis({ max: '1%' }),
    prometheus: {},
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 10_000, check: logMatches(/0\.01/) }
  },
  {
    id: 'd12-config-error-outputs',
    family: 'defect 12: newcomer errors',
    description: 'a config error writes every output (`failed-checks` as `[]`)',
    config: 'verify:\n  timout: 5s\n',
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 10_000,
      check: (run) => {
        const missing = ['verdict', 'action', 'failed-checks', 'analysis', 'summary', 'report'].filter(
          (name) => run.outputs[name] === undefined
        )
        return [
          ...missing.map((name) => `output ${name} not written`),
          ...(run.outputs['failed-checks'] === undefined || Array.isArray(JSON.parse(run.outputs['failed-checks']))
            ? []
            : ['failed-checks is not a JSON array'])
        ]
      }
    }
  },
  {
    id: 'd12-kubeconfig-path',
    family: 'defect 12: newcomer errors',
    description: 'a `kubeconfig` input holding a path says that content is expected',
    inputs: () => ({ kubeconfig: '/home/runner/.kube/config' }),
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 10_000,
      check: (run) => [
        ...(/content|not a (file )?path|a path/i.test(run.stdout) ? [] : ['the log does not say content is expected']),
        ...(/not a mapping/i.test(run.stdout) ? ['the log still says "not a mapping"'] : [])
      ]
    }
  },
  {
    id: 'd12-prometheus-unreachable',
    family: 'defect 12: newcomer errors',
    description: 'Prometheus unreachable: probed once, one line naming the URL, no errorLimit × interval wait',
    command: 'analyze',
    config: quickAnalysis({ count: 5, interval: '3s', retries: 1 }),
    inputs: () => ({ 'prometheus-url': 'http://127.0.0.1:9' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 6_000, check: logMatches(/127\.0\.0\.1:9/) }
  }
]

const prometheusCases: FaultCase[] = [
  {
    id: 'prom-500',
    family: 'prometheus',
    description: 'every query answers HTTP 500',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'status', status: 500 }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'prom-503-retry-after',
    family: 'prometheus',
    description: 'a 503 with Retry-After: 1, then healthy values',
    command: 'analyze',
    prometheus: {
      queries: [
        { kind: 'status', status: 503, retryAfter: '1' },
        { kind: 'value', value: 0 }
      ]
    },
    expect: { verdict: 'passed', exitCode: 0, wallMs: 15_000 }
  },
  {
    id: 'prom-429',
    family: 'prometheus',
    description: 'a 429 (Retry-After: 0), then healthy values',
    command: 'analyze',
    prometheus: {
      queries: [
        { kind: 'status', status: 429, retryAfter: '0' },
        { kind: 'value', value: 0 }
      ]
    },
    expect: { verdict: 'passed', exitCode: 0, wallMs: 15_000 }
  },
  {
    id: 'prom-hang',
    family: 'prometheus',
    description: 'every query hangs; the per-request timeout (1s) ends each',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'hang' }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'prom-malformed-json',
    family: 'prometheus',
    description: 'HTTP 200 with a body that is not JSON',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'malformed' }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'prom-status-error',
    family: 'prometheus',
    description: '`status: error` (execution, HTTP 422)',
    command: 'analyze',
    prometheus: {
      queries: [
        { kind: 'error', status: 422, errorType: 'execution', error: 'query timed out in expression evaluation' }
      ]
    },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  ...(
    [
      ['prom-nan', 'NaN'],
      ['prom-plus-inf', '+Inf'],
      ['prom-minus-inf', '-Inf']
    ] as const
  ).map(([id, value]): FaultCase => ({
    id,
    family: 'prometheus',
    description: `every value is ${value} (no data under the default onNaN)`,
    command: 'analyze',
    prometheus: { queries: [{ kind: 'value', value }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  })),
  {
    id: 'prom-empty',
    family: 'prometheus',
    description: 'an empty vector (no data, onNoData inconclusive)',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'empty' }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'prom-10k-series',
    family: 'prometheus',
    description: '10,000 series, all within the threshold',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'series', count: 10_000 }] },
    expect: { verdict: 'passed', exitCode: 0, wallMs: 20_000 }
  },
  {
    id: 'prom-redirect-same-origin',
    family: 'prometheus',
    description: 'a 302 to the same origin (a moved prefix) is followed',
    command: 'analyze',
    prometheus: {
      queries: [
        { kind: 'redirect', to: '', prefix: '/moved' },
        { kind: 'value', value: 0 }
      ]
    },
    expect: { verdict: 'passed', exitCode: 0, wallMs: 15_000 }
  },
  {
    id: 'prom-redirect-loop',
    family: 'prometheus',
    description: 'a redirect loop ends as an error, not a hang',
    command: 'analyze',
    prometheus: { queries: [{ kind: 'redirect-loop' }] },
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  }
]

const kubernetesCases: FaultCase[] = [
  {
    id: 'k8s-401',
    family: 'kubernetes',
    description: 'a kubeconfig token the API server rejects (401)',
    inputs: (w) => ({ kubeconfig: w.cluster.kubeconfig.replace(w.cluster.token, 'not-the-sandbox-token-0000') }),
    secrets: () => ['not-the-sandbox-token-0000'],
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'k8s-409',
    family: 'kubernetes',
    description: 'the Deployment GET keeps answering 409 Conflict',
    kubeFaults: ({ ns }) => [{ path: `/apis/apps/v1/namespaces/${ns}/deployments/api`, status: 409 }],
    inputs: () => ({ timeout: '5s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'k8s-429-transient',
    family: 'kubernetes',
    description: 'two 429s (Retry-After: 1) on the pods LIST, then normal: retried, passed',
    kubeFaults: ({ ns }) => [{ path: `/api/v1/namespaces/${ns}/pods`, status: 429, retryAfterSeconds: 1, times: 2 }],
    expect: { verdict: 'passed', exitCode: 0, wallMs: 20_000 }
  },
  {
    id: 'k8s-429-storm',
    family: 'kubernetes',
    description: 'every request in the namespace answers 429 (Retry-After: 1), `timeout: 3s`',
    kubeFaults: ({ ns }) => [{ path: new RegExp(`/namespaces/${ns}/`), status: 429, retryAfterSeconds: 1 }],
    inputs: () => ({ timeout: '3s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 15_000 }
  },
  {
    id: 'k8s-500',
    family: 'kubernetes',
    description: 'every request in the namespace answers 500',
    kubeFaults: ({ ns }) => [{ path: new RegExp(`/namespaces/${ns}/`), status: 500 }],
    inputs: () => ({ timeout: '5s' }),
    expect: { verdict: 'inconclusive', exitCode: 1, wallMs: 20_000 }
  },
  {
    id: 'k8s-drop-mid-list',
    family: 'kubernetes',
    description: 'the connection drops once during the pods LIST: retried, passed',
    kubeFaults: ({ ns }) => [{ method: 'GET', path: `/api/v1/namespaces/${ns}/pods`, drop: true, times: 1 }],
    expect: { verdict: 'passed', exitCode: 0, wallMs: 20_000 }
  },
  {
    id: 'k8s-target-deleted',
    family: 'kubernetes',
    description: 'the target Deployment is deleted while the rollout wait runs',
    workload: withAnnotations({ [`${B}ready-after`]: '600s' }),
    during: {
      when: { kind: 'kube-request', path: /\/pods$/, status: 200 },
      act: async (w) => {
        const { apiRequest } = await import('../sandbox/api-harness.js')
        await apiRequest(w.cluster, 'DELETE', `/apis/apps/v1/namespaces/${w.ns}/deployments/api`)
      }
    },
    expect: { verdict: 'failed', exitCode: 1, wallMs: 20_000, check: logMatches(/deleted|not found/i) }
  },
  {
    id: 'k8s-namespace-missing',
    family: 'kubernetes',
    description: 'the target namespace does not exist',
    workload: false,
    inputs: () => ({ namespace: 'no-such-namespace-here' }),
    expect: { verdict: 'failed', exitCode: 1, wallMs: 15_000, check: logMatches(/no-such-namespace-here/) }
  },
  {
    id: 'k8s-control-endpoint',
    family: 'sandbox control',
    description:
      'a sandbox in its own process: a transient 503 from its scenario file, a persistent 500 added through POST /_sandbox/faults',
    sandboxProcess: {
      scenarioFaults: (ns) => [{ method: 'GET', path: `/\\/namespaces\\/${ns}\\/pods$/`, status: 503, times: 1 }]
    },
    kubeFaults: ({ ns }) => [
      {
        path: new RegExp(`/namespaces/${ns}/deployments/api$`),
        status: 500,
        message: 'injected via the control endpoint'
      }
    ],
    inputs: () => ({ timeout: '5s' }),
    expect: {
      verdict: 'inconclusive',
      exitCode: 1,
      wallMs: 20_000,
      check: logMatches(/injected via the control endpoint|500/)
    }
  }
]

export const cases: FaultCase[] = [
  ...defectCases,
  ...hostileTextCases,
  ...secretCases,
  ...cancellationCases,
  ...prometheusCases,
  ...kubernetesCases
]

function cancelled(run: { summary: string; outputs: Record<string, string> }): string[] {
  return [
    ...(run.summary.trim() ? [] : ['no summary written']),
    ...(run.outputs.verdict ? [] : ['no verdict output written']),
    ...(/cancel/i.test(run.summary) ? [] : ['the summary does not say the run was cancelled'])
  ]
}

function logMatches(pattern: RegExp): (run: { stdout: string }) => string[] {
  return (run) => (pattern.test(run.stdout) ? [] : [`the log does not match ${String(pattern)}`])
}

function configErrorNaming(path: string): (run: { stdout: string; summary: string }) => string[] {
  return (run) => [
    ...(/invalid deploy-guard configuration/i.test(run.stdout) ? [] : ['not reported as a config error']),
    ...(path && !run.stdout.includes(path) ? [`the error does not name ${path}`] : [])
  ]
}
