/** Plain RunResult fixtures for the report tests. */
import type {
  CheckDetail,
  CheckResult,
  MetricCheckResult,
  RunResult,
  TargetRef,
  TargetResult
} from '../../src/model/result.js'
import type { RollbackState, TargetRollbackReport } from '../../src/model/rollback.js'

export const MALICIOUS = '</td><script>alert(1)</script>'

const times = { startedAt: '2025-03-04T10:00:00.000Z', finishedAt: '2025-03-04T10:02:05.000Z' }

const api = { kind: 'Deployment', name: 'api', namespace: 'production' }

function healthyChecks(): CheckResult[] {
  return [
    {
      id: 'rollout',
      title: 'Rollout complete',
      expected: 'revision 7 available',
      actual: 'revision 7 available',
      status: 'passed'
    },
    { id: 'pod-count', title: 'Pod count', expected: '4', actual: '4', status: 'passed' },
    { id: 'pods-running', title: 'All pods Running', expected: '4 Running', actual: '4 Running', status: 'passed' },
    { id: 'containers-ready', title: 'All containers Ready', expected: '4/4', actual: '4/4', status: 'passed' },
    { id: 'endpoints', title: 'Endpoints populated', expected: '≥ 1 ready', actual: '4 ready', status: 'passed' },
    { id: 'events', title: 'No Warning events', expected: '0', actual: '0', status: 'passed' },
    { id: 'hpa', title: 'HPA', expected: 'not configured', actual: '—', status: 'skipped' }
  ]
}

export function passedVerify(): RunResult {
  const target: TargetResult = {
    ref: api,
    revision: '7',
    images: { api: 'registry.example.com/api:v1.2.3' },
    checks: healthyChecks()
  }
  return {
    command: 'verify',
    ...times,
    verdict: 'passed',
    action: 'none',
    reasons: [],
    dryRun: false,
    targets: [target],
    checks: [
      {
        id: 'smoke:health',
        title: 'Smoke GET /health',
        expected: 'HTTP 200',
        actual: 'HTTP 200 in 35 ms',
        status: 'passed'
      }
    ]
  }
}

export const CRASH_LOG = [
  'starting api v1.2.3',
  'loading config from /etc/api/config.yaml',
  'Error: connect ECONNREFUSED 10.0.0.12:5432',
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)',
  '```',
  'exit 1'
].join('\n')

function crashPod(i: number, log = CRASH_LOG): CheckDetail {
  return {
    title: `api-7d9f8c6b5-${String(i).padStart(5, '0')}`,
    facts: [
      { label: 'Waiting', value: 'CrashLoopBackOff' },
      { label: 'Last exit code', value: '1' },
      { label: 'Restarts', value: '5' }
    ],
    text: log
  }
}

function warningEvent(i: number): CheckDetail {
  return {
    title: `Warning BackOff #${i}`,
    facts: [{ label: 'message', value: `Back-off restarting failed container api in pod api-7d9f8c6b5-${i}` }]
  }
}

export function failedVerify(pods = 2, events = 3): RunResult {
  const checks = healthyChecks()
  checks[2] = {
    id: 'pods-running',
    title: 'All pods Running',
    expected: '4 Running',
    actual: `2 Running, ${pods} CrashLoopBackOff`,
    status: 'failed',
    reason: `${pods} pods are in CrashLoopBackOff (container api exits with code 1).`,
    details: Array.from({ length: pods }, (_v, i) => crashPod(i))
  }
  checks[5] = {
    id: 'events',
    title: 'No Warning events',
    expected: '0',
    actual: String(events),
    status: 'failed',
    reason: `${events} Warning events since the deploy (BackOff).`,
    details: Array.from({ length: events }, (_v, i) => warningEvent(i))
  }
  return {
    command: 'verify',
    ...times,
    verdict: 'failed',
    action: 'rolled-back',
    reasons: [
      'deployment/api: 2 pods are in CrashLoopBackOff (container api exits with code 1).',
      'deployment/api: Warning events since the deploy.'
    ],
    dryRun: false,
    targets: [{ ref: api, revision: '8', images: { api: 'registry.example.com/api:v1.2.4' }, checks }],
    checks: [
      {
        id: 'smoke:health',
        title: 'Smoke GET /health',
        expected: 'HTTP 200',
        actual: 'HTTP 503',
        status: 'failed',
        reason: 'GET https://api.example.com/health returned 503 after 10 tries.'
      },
      {
        id: 'argocd',
        title: 'Argo CD application api',
        expected: 'Synced / Healthy',
        actual: 'Synced / Degraded',
        status: 'inconclusive',
        reason: 'Argo CD reports Degraded.'
      }
    ]
  }
}

export function maliciousVerify(): RunResult {
  const result = failedVerify()
  const target = result.targets[0]!
  target.ref = { kind: 'Deployment', name: MALICIOUS, namespace: 'a|b' }
  target.images = { ['c|`x`']: 'img`|`\nnext' }
  target.checks[0] = {
    id: 'rollout',
    title: `Rollout ${MALICIOUS}`,
    expected: 'a|b',
    actual: 'line1\nline2 `tick` **bold** [link](javascript:alert(1))',
    status: 'failed',
    reason: `label value ${MALICIOUS} | pipe`,
    details: [
      {
        title: MALICIOUS,
        facts: [{ label: 'l|abel', value: `${MALICIOUS}\n\n# heading` }],
        text: 'log with ``` fence\n</details><script>x</script>'
      }
    ]
  }
  result.reasons = [`${MALICIOUS} and a|b`, '- not a list\n# not a heading', '1. not ordered']
  return result
}

function measurementsOf(
  values: Array<number | null>,
  phaseOf: (v: number | null, i: number) => MetricCheckResult['measurements'][number]['phase']
): MetricCheckResult['measurements'] {
  return values.map((value, i) => ({
    time: new Date(Date.parse('2025-03-04T10:00:00Z') + i * 30_000).toISOString(),
    value,
    phase: phaseOf(value, i),
    ...(value === null ? { message: 'no data (onNoData: inconclusive)' } : {})
  }))
}

export function analysisRun(): RunResult {
  const errorRate: MetricCheckResult = {
    name: 'error-rate',
    query:
      'sum(rate(http_requests_total{status=~"5..",version="v1.2.4"}[1m])) / sum(rate(http_requests_total{version="v1.2.4"}[1m]))',
    condition: { max: 0.005 },
    measurements: measurementsOf([0.001, 0.0051, 0.021, null, 0.03], (v) =>
      v === null ? 'no-data' : v > 0.005 ? 'failed' : 'successful'
    ),
    status: 'failed',
    reason: 'error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)',
    dryRun: false,
    graphUrl: 'https://prometheus.example.com/graph?g0.expr=sum(rate(x%7Ba%3D%22b%22%7D[1m]))&g0.tab=0'
  }
  const latency: MetricCheckResult = {
    name: 'latency-p95 "quoted"',
    query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))',
    condition: { maxIncrease: 0.1, baseline: 0.2 },
    measurements: measurementsOf([0.000012, 0.19, 0.21, 0.2], () => 'successful'),
    status: 'passed',
    reason: 'latency-p95 within baseline 0.2 +10 % in 4 of 4 measurements',
    dryRun: false
  }
  const noData: MetricCheckResult = {
    name: 'saturation',
    query: 'max(container_memory_working_set_bytes{pod=~"api-.*"})',
    condition: { min: 1 },
    measurements: measurementsOf([null, null, 5], (v) => (v === null ? 'no-data' : 'successful')),
    status: 'inconclusive',
    reason: 'saturation: no data in 2 of 3 measurements (inconclusiveLimit 1)',
    dryRun: false
  }
  const errored: MetricCheckResult = {
    name: 'queue-depth',
    query: 'sum(queue_depth)',
    condition: { max: 100 },
    measurements: [
      { time: '2025-03-04T10:00:00.000Z', value: null, phase: 'error', message: 'HTTP 503' },
      {
        time: '2025-03-04T10:00:30.000Z',
        value: 12,
        phase: 'successful',
        warnings: ['PromQL info: metric might not be a counter']
      }
    ],
    status: 'inconclusive',
    reason: 'queue-depth: 1 query error (errorLimit 0)',
    dryRun: true
  }
  return {
    command: 'analyze',
    ...times,
    verdict: 'failed',
    action: 'none',
    reasons: ['error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)'],
    dryRun: false,
    targets: [],
    checks: [],
    analysis: {
      ...times,
      checks: [errorRate, latency, noData, errored],
      verdict: 'failed',
      reasons: ['error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)', 'saturation: no data']
    }
  }
}

export function dryRun(): RunResult {
  return { ...failedVerify(), dryRun: true, action: 'rolled-back' }
}

/** 5,000 crash-looping pods with log tails and 20,000 Warning events. */
export function hugeFailure(): RunResult {
  const result = failedVerify(5000, 20000)
  const bigLog = Array.from({ length: 400 }, (_v, i) => `line ${i}: ${'x'.repeat(60)} ünïcødé ✓`).join('\n')
  result.targets[0]!.checks[2]!.details = Array.from({ length: 5000 }, (_v, i) => crashPod(i, bigLog))
  return result
}

/**
 * A crash-looping workload as the evaluators report it: rollout, pods-ready and restarts all carry
 * the same pod evidence (restarts one more pod), plus Warning events of their own.
 */
export function sharedPodFailure(): RunResult {
  const result = failedVerify(2, 2)
  const checks = result.targets[0]!.checks
  checks[0] = {
    id: 'rollout',
    title: 'Rollout complete',
    expected: 'revision 8 available',
    actual: '2/4 updated replicas available',
    status: 'failed',
    reason: 'Deployment "api" exceeded its progress deadline.',
    details: [crashPod(0), crashPod(1)]
  }
  checks[3] = {
    id: 'restarts',
    title: 'Restarts since deploy',
    expected: '≤ 0',
    actual: '11',
    status: 'failed',
    reason: '11 container restarts since the rollout began, more than allowRestarts 0 (most: pod api-1, 5).',
    details: [crashPod(1), crashPod(0), crashPod(2)]
  }
  return result
}

/** An analysis gated by minTraffic: enough traffic at 3 of 5 ticks, one quiet tick, one query error. */
export function trafficRun(): RunResult {
  const result = analysisRun()
  const at = (i: number): string => new Date(Date.parse('2025-03-04T10:00:00Z') + i * 30_000).toISOString()
  result.analysis!.traffic = {
    query: 'sum(rate(http_requests_total{version="v1.2.4"}[1m]))',
    min: 1,
    measurements: [
      { time: at(0), value: 0.4, phase: 'no-data', message: 'traffic 0.4 < minTraffic 1' },
      { time: at(1), value: 2.5, phase: 'successful', message: 'traffic 2.5 >= minTraffic 1' },
      { time: at(2), value: 3, phase: 'successful', message: 'traffic 3 >= minTraffic 1' },
      { time: at(3), value: null, phase: 'error', message: 'minTraffic query failed: HTTP 503' },
      { time: at(4), value: 3.25, phase: 'successful', message: 'traffic 3.25 >= minTraffic 1' }
    ]
  }
  return result
}

/** The undo patch kubectl sends for a Deployment (template of revision 1, annotations copied). */
export function undoPatch(): unknown {
  return [
    {
      op: 'replace',
      path: '/spec/template',
      value: {
        metadata: { labels: { app: 'api' } },
        spec: { containers: [{ name: 'api', image: 'registry.example.com/api:v1.2.3' }] }
      }
    },
    { op: 'replace', path: '/metadata/annotations', value: { 'deploy-guard.io/failed-revision': '[{"revision":2}]' } }
  ]
}

const STATE_SUMMARY: Record<RollbackState, string> = {
  'rolled-back':
    'deployment/api in production was rolled back from revision 2 to revision 1; the restored version is healthy',
  'rolled-back-unhealthy':
    'deployment/api in production was rolled back from revision 2 to revision 1, but the restored version is failed: the rollback is half done',
  'rolled-back-unverified':
    'deployment/api in production was rolled back from revision 2 to revision 1, but the restored version was not verified before the run ended',
  'dry-run': 'dry run: would roll deployment/api back from revision 2 to revision 1; nothing was changed',
  refused:
    'the failing revision 2 is the one that was running before the deploy (the deploy changed nothing): nothing older is rolled back to; nothing was changed',
  'not-started': 'deployment/api in production was not rolled back; nothing was changed',
  failed:
    'the rollback of deployment/api in production from revision 2 to revision 1 failed: 422 Unprocessable Entity; nothing was changed',
  unknown:
    'the rollback of deployment/api in production from revision 2 to revision 1 was sent but not confirmed: socket hang up; it may or may not have landed — check the history before undoing by hand'
}

const STATE_MANUAL: Record<RollbackState, string[]> = {
  'rolled-back': [],
  'rolled-back-unhealthy': [
    'kubectl rollout status deployment/api -n production',
    'kubectl rollout history deployment/api -n production'
  ],
  'rolled-back-unverified': [
    'kubectl rollout status deployment/api -n production',
    'kubectl rollout history deployment/api -n production'
  ],
  'dry-run': ['kubectl rollout undo deployment/api -n production --to-revision=1'],
  refused: [],
  'not-started': [],
  failed: [
    'kubectl rollout undo deployment/api -n production --to-revision=1',
    'kubectl rollout status deployment/api -n production'
  ],
  unknown: [
    'kubectl rollout history deployment/api -n production',
    'kubectl rollout undo deployment/api -n production --to-revision=1'
  ]
}

/** The restored version's checklist: healthy, or (unhealthy) crash-looping again. */
export function restoredTarget(healthy = true, ref: TargetRef = api): TargetResult {
  const checks = healthyChecks()
  if (!healthy) {
    checks[2] = {
      id: 'pods-running',
      title: 'All pods Running',
      expected: '4 Running',
      actual: '3 Running, 1 CrashLoopBackOff',
      status: 'failed',
      reason: '1 pod is in CrashLoopBackOff (container api exits with code 1).',
      details: [crashPod(9)]
    }
  }
  return { ref, revision: '3', images: { api: 'registry.example.com/api:v1.2.3' }, checks }
}

/** One target's rollback in `state`, as the orchestrator reports it. */
export function targetRollback(state: RollbackState, ref: TargetRef = api): TargetRollbackReport {
  const landed = state === 'rolled-back' || state === 'rolled-back-unhealthy' || state === 'rolled-back-unverified'
  const restoredVerdict = state === 'rolled-back' ? 'passed' : state === 'rolled-back-unhealthy' ? 'failed' : undefined
  return {
    ref,
    state,
    summary: STATE_SUMMARY[state].replaceAll('deployment/api', `${ref.kind.toLowerCase()}/${ref.name}`),
    manual: STATE_MANUAL[state].map((c) =>
      c.replace('deployment/api -n production', `${ref.kind.toLowerCase()}/${ref.name} -n ${ref.namespace}`)
    ),
    method: 'kubectl',
    fromRevision: 2,
    // A guard rail stops before a revision is chosen.
    ...(state === 'refused' || state === 'not-started' ? {} : { toRevision: 1 }),
    ...(landed || state === 'dry-run'
      ? { change: { kind: 'patch' as const, patchType: 'json', body: undoPatch() } }
      : {}),
    ...(landed || state === 'dry-run' ? { message: 'rolled back' } : {}),
    ...(landed && state !== 'rolled-back-unverified' ? { restored: restoredTarget(state === 'rolled-back', ref) } : {}),
    ...(restoredVerdict ? { restoredVerdict } : {}),
    notes: landed ? ['no snapshot was taken: the recorded revision is the one live before the rollout began'] : [],
    dryRun: state === 'dry-run'
  }
}

/** A failed verify whose rollback ended in `state` (a dry-run state makes the whole run a dry run). */
export function rolledBackVerify(state: RollbackState): RunResult {
  const result = failedVerify()
  const dry = state === 'dry-run'
  const landed = state === 'rolled-back' || state === 'rolled-back-unhealthy' || state === 'rolled-back-unverified'
  return {
    ...result,
    dryRun: dry,
    action: landed ? 'rolled-back' : 'none',
    rollback: {
      decision: dry ? 'dry-run-rollback' : 'rollback',
      reason: 'the verdict is failed and rollback.onFailure is on',
      targets: [targetRollback(state)]
    }
  }
}

/** `command: rollback` run by hand from the workflow: who, what, from which revision to which, why. */
export function manualRollback(): RunResult {
  const target = targetRollback('rolled-back')
  return {
    command: 'rollback',
    ...times,
    verdict: 'passed',
    action: 'rolled-back',
    reasons: [],
    dryRun: false,
    targets: [],
    checks: [],
    rollback: {
      decision: 'rollback',
      reason: 'checkout errors after v1.2.4, see INC-42',
      requestedBy: 'octocat',
      targets: [{ ...target, fromRevision: 3, toRevision: 2, restored: { ...restoredTarget(), revision: '4' } }]
    }
  }
}
