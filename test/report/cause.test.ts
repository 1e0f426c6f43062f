import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { groupCauses, podFailureOf, prometheusOutage, type CauseKind } from '../../src/evaluate/cause.js'
import type { CheckResult, MetricCheckResult, RunResult } from '../../src/model/result.js'
import { SMOKE_ON_OLD_PODS, withCaveats } from '../../src/report/caveats.js'
import { headline } from '../../src/report/headline.js'
import { formatValue, metricUnit } from '../../src/util/units.js'
import { renderSummary } from '../../src/report/summary.js'
import { analysisRun, passedVerify } from './fixtures.js'

const record = (name: string): RunResult =>
  JSON.parse(readFileSync(`test/report/records/${name}.json`, 'utf8')) as RunResult

const row = (
  id: string,
  status: CheckResult['status'],
  reason?: string,
  extra: Partial<CheckResult> = {}
): CheckResult => ({
  id,
  title: id,
  expected: 'x',
  actual: 'y',
  status,
  ...(reason ? { reason } : {}),
  ...extra
})

function run(targetChecks: CheckResult[], runChecks: CheckResult[] = [], extra: Partial<RunResult> = {}): RunResult {
  return {
    ...passedVerify(),
    verdict: 'failed',
    reasons: ['r'],
    targets: [
      {
        ref: { kind: 'Deployment', name: 'api', namespace: 'shop' },
        revision: '3',
        previous: { revision: '2', images: {} },
        checks: targetChecks
      }
    ],
    checks: runChecks,
    ...extra
  }
}

const crashPod = {
  title: 'pod api-1',
  facts: [
    { label: 'phase', value: 'Running' },
    { label: 'CrashLoopBackOff (api)', value: 'back-off 10s restarting failed container' },
    { label: 'last termination (api)', value: 'Error, exit code 1' }
  ],
  text: 'previous log of container api:\nstarting\npanic: no DATABASE_URL\n'
}

const unreachable =
  'Kubernetes API unreachable at https://10.0.0.1:6443 after retries: connect ECONNREFUSED 10.0.0.1:6443'
const forbidden = (what: string): string =>
  `could not check, permission missing: forbidden: cannot list ${what} in namespace shop — grant verbs ["list"] on resources ["${what}"] (apiGroups [""])`
const promDown =
  'Cannot reach Prometheus at http://prom:9090/api/v1/query: connect ECONNREFUSED 10.1.1.1:9090 (after 4 attempts).'

function metric(
  name: string,
  status: MetricCheckResult['status'],
  values: Array<number | null>,
  message?: string
): MetricCheckResult {
  return {
    name,
    query: `sum(rate(errors[1m])) / sum(rate(requests[1m]))`,
    condition: { max: 0.01 },
    measurements: values.map((value, i) => ({
      time: new Date(Date.parse('2025-03-04T06:39:00Z') + i * 60_000).toISOString(),
      value,
      phase: value === null ? 'error' : value > 0.01 ? 'failed' : 'successful',
      ...(message ? { message } : {})
    })),
    status,
    reason: `${name}: ${status}`,
    dryRun: false
  }
}

const analysis = (checks: MetricCheckResult[], reasons: string[] = []): RunResult['analysis'] => ({
  startedAt: '2025-03-04T06:39:00Z',
  finishedAt: '2025-03-04T06:45:00Z',
  checks,
  verdict: checks.some((c) => c.status === 'failed') ? 'failed' : 'inconclusive',
  reasons
})

const podRows = ['rollout', 'pod-count', 'pods-ready', 'restarts', 'endpoints', 'events']

describe('groupCauses: one cause per line, symptoms under it', () => {
  const cases: Array<{ name: string; result: RunResult; kinds: CauseKind[]; symptoms: number[]; summary: string }> = [
    {
      name: 'terminal pod signal: six rows, one cause with container, reason, exit code, last log line',
      result: run(
        podRows.map((id) => row(id, 'failed', `${id} failed`, id === 'events' ? {} : { details: [crashPod] }))
      ),
      kinds: ['pod-failure'],
      symptoms: [6],
      summary: 'container api CrashLoopBackOff, exit code 1 (pod api-1) — last log: panic: no DATABASE_URL'
    },
    {
      name: 'pod signal only in the rollout row’s reason',
      result: run([
        row(
          'rollout',
          'failed',
          'pod api-9 has been in ImagePullBackOff (container web) for 30s, longer than failFastAfter 30s: …'
        ),
        row('pod-count', 'failed', '0 of 3 expected pods of revision 3 are ready.')
      ]),
      kinds: ['pod-failure'],
      symptoms: [2],
      summary: 'container web ImagePullBackOff (pod api-9)'
    },
    {
      name: 'API unreachable: one cause for every row, target or run level',
      result: run(
        [row('rollout', 'inconclusive', unreachable), row('events', 'inconclusive', unreachable)],
        [row('argocd', 'inconclusive', unreachable)]
      ),
      kinds: ['api-unreachable'],
      symptoms: [3],
      summary: 'Kubernetes API at https://10.0.0.1:6443 unreachable: ECONNREFUSED'
    },
    {
      name: 'API forbidden: one cause naming the rules',
      result: run([
        row('events', 'inconclusive', forbidden('events')),
        row('endpoints', 'inconclusive', forbidden('endpoints'))
      ]),
      kinds: ['api-forbidden'],
      symptoms: [2],
      summary: 'permission missing: cannot list events in namespace shop (+1 more rules)'
    },
    {
      name: 'Prometheus unreachable: one cause for all metric checks',
      result: run([row('rollout', 'passed')], [], {
        verdict: 'inconclusive',
        analysis: analysis([
          metric('error-rate', 'inconclusive', [null, null], promDown),
          metric('latency', 'inconclusive', [null, null], promDown)
        ])
      }),
      kinds: ['prometheus-unreachable'],
      symptoms: [2],
      summary: 'Prometheus at http://prom:9090 unreachable: ECONNREFUSED'
    },
    {
      name: 'Prometheus unreachable before the first query (the probe)',
      result: run([], [], {
        verdict: 'inconclusive',
        analysis: analysis([], ['Prometheus at http://prom:9090/ unreachable: ETIMEDOUT (3 attempts)'])
      }),
      kinds: ['prometheus-unreachable'],
      symptoms: [0],
      summary: 'Prometheus at http://prom:9090 unreachable: ETIMEDOUT'
    },
    {
      name: 'metric threshold breach, in its unit: where it stands now, since the first failed measurement',
      result: run([row('rollout', 'passed')], [], {
        analysis: analysis([metric('error-rate', 'failed', [0.002, 0.032, 0.04])])
      }),
      kinds: ['metric-breach'],
      symptoms: [1],
      summary: 'error-rate 4 % > max 1 % since 06:40 UTC (2 of 3 measurements)'
    },
    {
      name: 'smoke failure and GitOps state: a cause each',
      result: run(
        [],
        [
          row('smoke:health', 'failed', 'GET /health returned 503'),
          row('argocd', 'inconclusive', 'Argo CD reports Degraded')
        ]
      ),
      kinds: ['smoke', 'gitops'],
      symptoms: [1, 1],
      summary: 'smoke:health: GET /health returned 503'
    },
    {
      name: 'rollout timeout without pod evidence claims the target’s pod rows',
      result: run([
        row('rollout', 'failed', 'timed out after 10m: Waiting for deployment "api" rollout to finish'),
        row('pods-ready', 'failed', 'x'),
        row('images', 'failed', 'wrong image')
      ]),
      kinds: ['rollout-timeout', 'check'],
      symptoms: [2, 1],
      summary: 'timed out after 10m: Waiting for deployment "api" rollout to finish'
    },
    {
      name: 'a config error: its issues',
      result: {
        ...run([]),
        verdict: 'inconclusive',
        reasons: ['invalid configuration, nothing was sent: verify.timeout: bad', 'analysis.count: bad']
      },
      kinds: ['config', 'config'],
      symptoms: [0, 0],
      summary: 'invalid configuration, nothing was sent: verify.timeout: bad'
    }
  ]
  test.each(cases)('$name', ({ result, kinds, symptoms, summary }) => {
    const causes = groupCauses(result, { formatBreach: (b) => headline(result).causes[0]?.summary ?? String(b) })
    expect(causes.map((c) => c.kind)).toEqual(kinds)
    expect(causes.map((c) => c.symptoms.length)).toEqual(symptoms)
    expect(causes[0]?.summary).toBe(summary)
  })

  test('failed causes come before inconclusive ones', () => {
    const result = run([], [row('argocd', 'inconclusive', 'Degraded'), row('smoke:a', 'failed', 'down')])
    expect(groupCauses(result).map((c) => c.status)).toEqual(['failed', 'inconclusive'])
  })

  test('a passed run has no causes', () => {
    expect(groupCauses(passedVerify())).toEqual([])
  })

  test('pod evidence and Prometheus messages are read from their real wording', () => {
    expect(podFailureOf(crashPod)).toEqual({
      reason: 'CrashLoopBackOff',
      container: 'api',
      exitCode: 1,
      lastLogLine: 'panic: no DATABASE_URL',
      pod: 'api-1'
    })
    expect(podFailureOf({ title: 'pod x', facts: [{ label: 'phase', value: 'Running' }] })).toBeUndefined()
    expect(prometheusOutage(promDown)).toEqual({ server: 'http://prom:9090', error: 'ECONNREFUSED' })
    expect(prometheusOutage('error-rate = 0.02 > max 0.01')).toBeUndefined()
  })
})

describe('headline: the same words on every surface', () => {
  test('crash loop with a rollback: cause, the rollback done, the blast radius', () => {
    const h = headline(record('crashloop'))
    expect(h.cause).toBe(
      'deployment/api: container api CrashLoopBackOff, exit code 1 (pod api-9fb44bc5-5c97h) — last log: panic: cannot start without a database'
    )
    expect(h.next).toBe('rolled back deployment/api to revision 2 (restored version healthy)')
    expect(h.blastRadius).toBe(
      'before the rollback: revision 2 still serves 3 ready endpoints; revision 3: 0 of 3 pods ready'
    )
    expect(h.markdown.split('\n')[0]).toBe('## ❌ deploy-guard verify: failed')
    expect(h.text).not.toMatch(/\n/)
  })

  test('without a rollback, the exact command to run', () => {
    const result = record('crashloop')
    delete result.rollback
    expect(headline(result).nextStep).toEqual({
      text: 'roll back:',
      command: 'kubectl rollout undo deployment/api -n shop --to-revision=2'
    })
  })

  test('Prometheus outage: one cause, what to fix, what is known', () => {
    const h = headline(record('prom-outage-midrun'))
    expect(h.cause).toBe('Prometheus at http://127.0.0.1:9 unreachable: ECONNREFUSED')
    expect(h.moreCauses).toBe(0)
    expect(h.next).toMatch(/^make Prometheus at http:\/\/127\.0\.0\.1:9 reachable from the runner/)
    expect(h.blastRadius).toBe('unknown: no metric was judged; the 7 Kubernetes checks passed')
    // The summary says the outage once per place, not once per measurement.
    // Outside the collapsed block of the verdict's reasons, row by row.
    const md = renderSummary(record('prom-outage-midrun')).replace(
      /<details>\n<summary>The verdict’s[\s\S]*?<\/details>/,
      ''
    )
    expect(md.split('Cannot reach Prometheus').length - 1).toBe(2)
    expect(md.split('unreachable: ECONNREFUSED').length - 1).toBe(1)
  })

  test('RBAC: the rule to add', () => {
    const h = headline(run([row('events', 'inconclusive', forbidden('events'))]))
    expect(h.next).toBe(
      'add the RBAC rule to the runner\'s Role: grant verbs ["list"] on resources ["events"] (apiGroups [""]); docs/rbac.yaml has them all'
    )
  })

  test('a passed run says what passed, and a check judged on 1 of 6 measurements says it stopped early', () => {
    const result = analysisRun()
    result.verdict = 'passed'
    result.analysis!.checks = [
      { ...result.analysis!.checks[1]!, judged: { judged: 1, due: 1, planned: 6, required: 1 } }
    ]
    const h = headline(result)
    expect(h.cause).toBe('1 metric check passed (latency-p95 "quoted" stopped early: judged on 1 of 6 measurements)')
    expect(h.next).toBe('')
    const md = renderSummary(result)
    expect(md).toContain('⚠️ passed, stopped early')
    expect(md).toContain('1 of 1 due (6 planned; stopped early)')
  })

  test('hostile text is escaped in the markdown and kept on one line in the text', () => {
    const result = run([row('rollout', 'failed', 'x\n::error::y </td><script>alert(1)</script> @org/team #1')])
    const h = headline(result)
    expect(h.markdown).not.toContain('<script>')
    expect(h.markdown).not.toMatch(/@org/)
    expect(h.text).not.toMatch(/\n/)
  })
})

describe('a smoke check against the old pods of a failed rollout', () => {
  test('is marked, not green; the verdict does not change', () => {
    const result = record('crashloop')
    const marked = withCaveats(result)
    const smoke = marked.checks.find((c) => c.id === 'smoke:health')!
    expect(smoke.status).toBe('passed')
    expect(smoke.caveat).toBe(SMOKE_ON_OLD_PODS)
    expect(marked.verdict).toBe('failed')
    expect(renderSummary(result)).toContain(
      '| ⚠️ passed — ran against the pods still serving — the old revision — while the rollout failed |'
    )
    expect(withCaveats(marked)).toBe(marked)
  })

  test('is left alone when the rollout succeeded', () => {
    const result = record('passed')
    expect(withCaveats(result)).toBe(result)
  })
})

describe('units: one vocabulary', () => {
  test.each([
    [
      { name: 'latency-p95', query: 'histogram_quantile(0.95, rate(x_seconds_bucket[1m]))', condition: { max: 0.5 } },
      0.0975,
      '97.5 ms'
    ],
    [
      { name: 'p99', query: 'histogram_quantile(0.99, rate(x_seconds_bucket[1m]))', condition: { max: 2 } },
      1.5,
      '1.5 s'
    ],
    [{ name: 'error-rate', query: 'sum(rate(e[1m])) / sum(rate(r[1m]))', condition: { max: 0.01 } }, 0.032, '3.2 %'],
    [{ name: 'memory', query: 'max(container_memory_working_set_bytes)', condition: { max: 1e9 } }, 1572864, '1.5 MiB'],
    [{ name: 'queue-depth', query: 'sum(queue_depth)', condition: { max: 100 } }, 12, '12'],
    [{ name: 'requests', query: 'sum(rate(r[1m]))', condition: { min: 1 } }, 0.5, '0.5']
  ])('%o: %p → %s', (check, value, text) => {
    expect(formatValue(value, metricUnit(check))).toBe(text)
  })
})
