/** The alerts row (pure) and the gate it puts on an analysis, as analyze and canary steps read it. */
import { describe, expect, it } from '@jest/globals'
import { alertsRow, alertsUnavailableRow } from '../../src/alerts/check-row.js'
import { withAlertGate } from '../../src/alerts/gate.js'
import { decideVerdict } from '../../src/decide/verdict.js'
import type { AlertJudgement, ObservedAlert } from '../../src/evaluate/alerts.js'
import type { AnalysisResult, CheckResult, MetricCheckResult, Verdict } from '../../src/model/result.js'

const alert = (
  name: string,
  startsAt = '2026-11-30T10:01:00.000Z',
  extra: Partial<ObservedAlert> = {}
): ObservedAlert => ({
  name,
  labels: { alertname: name, severity: 'critical', namespace: 'shop' },
  annotations: { summary: `${name} summary` },
  startsAt,
  state: 'firing',
  ...extra
})
const context = {
  source: 'Alertmanager at http://am:9093/',
  severities: ['critical'],
  matcherSets: [[{ label: 'namespace', op: '=' as const, value: 'shop' }]],
  failOn: 'new' as const,
  since: new Date('2026-11-30T10:00:00Z')
}
const judgement = (over: Partial<AlertJudgement>): AlertJudgement => ({
  failing: [],
  preexisting: [],
  muted: [],
  ...over
})

describe('alertsRow', () => {
  it('passes when nothing fires', () => {
    expect(alertsRow(judgement({}), context)).toEqual({
      id: 'alerts',
      title: 'No critical alerts firing',
      expected: 'no new critical alert firing for {namespace="shop"}',
      actual: 'none firing',
      status: 'passed'
    })
  })

  it('fails naming each alert with labels and startsAt, at most three, then a count', () => {
    const failing = ['A', 'B', 'C', 'D'].map((n, i) => alert(n, `2026-11-30T10:0${i + 1}:00.000Z`))
    const row = alertsRow(judgement({ failing }), context)
    expect(row.status).toBe('failed')
    expect(row.reason).toBe(
      '4 alerts firing (read from Alertmanager at http://am:9093/): ' +
        'A {alertname="A", namespace="shop", severity="critical"} firing since 2026-11-30T10:01:00.000Z; ' +
        'B {alertname="B", namespace="shop", severity="critical"} firing since 2026-11-30T10:02:00.000Z; ' +
        'C {alertname="C", namespace="shop", severity="critical"} firing since 2026-11-30T10:03:00.000Z; and 1 more'
    )
    expect(row.details?.[0]).toEqual({
      title: 'A (firing)',
      facts: [
        { label: 'state', value: 'firing' },
        { label: 'startsAt', value: '2026-11-30T10:01:00.000Z' },
        { label: 'labels', value: '{alertname="A", namespace="shop", severity="critical"}' },
        { label: 'summary', value: 'A summary' }
      ]
    })
  })

  it('passes with a caveat when only old or muted alerts fire', () => {
    const row = alertsRow(
      judgement({
        preexisting: [alert('Old', '2026-11-30T09:00:00.000Z')],
        muted: [alert('Quiet', undefined, { state: 'silenced', mutedBy: ['silence-1'] })]
      }),
      context
    )
    expect(row).toMatchObject({
      status: 'passed',
      actual: '0 firing, 1 firing since before the deploy, 1 silenced or inhibited',
      caveat:
        '1 alert firing since before the deploy (Old) not counted (failOn: new); 1 alert silenced or inhibited, not counted'
    })
    expect(row.details?.map((d) => d.title)).toEqual(['Old (firing since before the deploy)', 'Quiet (silenced)'])
    expect(row.details?.[1]?.facts).toContainEqual({ label: 'muted by', value: 'silence-1' })
  })

  it('caps the evidence at 20 alerts', () => {
    const failing = Array.from({ length: 25 }, (_, i) => alert(`A${i}`))
    expect(alertsRow(judgement({ failing }), context).details?.at(-1)).toEqual({ title: 'and 5 more alerts' })
  })
})

const metric = (status: MetricCheckResult['status']): MetricCheckResult => ({
  name: 'error-rate',
  query: 'q',
  condition: { max: 0.01 },
  measurements: [],
  status,
  reason: `error-rate ${status}`,
  dryRun: false
})
const analysis = (verdict: Verdict, checks: MetricCheckResult[]): AnalysisResult => ({
  startedAt: '2026-11-30T10:00:00Z',
  finishedAt: '2026-11-30T10:01:00Z',
  checks,
  verdict,
  reasons: checks.map((c) => c.reason)
})
const failedRow = alertsRow(judgement({ failing: [alert('HighErrorRate')] }), context)
const unknownRow = alertsUnavailableRow(['critical'], 'could not read alerts: HTTP 503')
const passedRow: CheckResult = alertsRow(judgement({}), context)

describe('withAlertGate and the verdict it leads to', () => {
  it.each<[string, AnalysisResult, CheckResult, Verdict]>([
    ['passed metrics + passed alerts', analysis('passed', [metric('passed')]), passedRow, 'passed'],
    ['passed metrics + firing alert', analysis('passed', [metric('passed')]), failedRow, 'failed'],
    [
      'passed metrics + unreadable source: never a pass',
      analysis('passed', [metric('passed')]),
      unknownRow,
      'inconclusive'
    ],
    [
      'inconclusive metrics + firing alert: failed wins',
      analysis('inconclusive', [metric('inconclusive')]),
      failedRow,
      'failed'
    ],
    ['failed metrics + unreadable source stays failed', analysis('failed', [metric('failed')]), unknownRow, 'failed']
  ])('%s', (_name, before, row, verdict) => {
    const gated = withAlertGate(before, row)
    expect(gated.verdict).toBe(verdict)
    expect(gated.alerts).toBe(row)
    // decideVerdict (analyze, and the canary's step verdict) agrees with the analysis' own verdict.
    expect(decideVerdict({ targets: [], checks: [], analysis: gated }).verdict).toBe(verdict)
  })

  it("puts the alert's reason first and drops the passing metrics' reasons", () => {
    const gated = withAlertGate(analysis('passed', [metric('passed')]), failedRow)
    expect(gated.reasons).toEqual([`No critical alerts firing: ${failedRow.reason}`])
    expect(decideVerdict({ targets: [], checks: [], analysis: gated }).reasons).toEqual([
      `No critical alerts firing: ${failedRow.reason}`
    ])
  })

  it('leaves an analysis without an alerts row as it was', () => {
    const before = analysis('passed', [metric('passed')])
    expect(withAlertGate(before, undefined)).toBe(before)
  })
})
