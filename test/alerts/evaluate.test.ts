/** The alerts judgement (src/evaluate/alerts.ts): pure tables, no I/O. */
import { describe, expect, it } from '@jest/globals'
import {
  formatLabels,
  judgeAlerts,
  matchesLabel,
  renderMatcher,
  type AlertPolicy,
  type LabelMatcher,
  type ObservedAlert
} from '../../src/evaluate/alerts.js'

const DEPLOY = new Date('2026-11-30T10:00:00Z')

function alert(
  name: string,
  labels: Record<string, string>,
  startsAt: string,
  state: ObservedAlert['state'] = 'firing'
): ObservedAlert {
  return { name, labels: { alertname: name, ...labels }, annotations: {}, startsAt, state }
}

const workload: LabelMatcher[] = [
  { label: 'namespace', op: '=', value: 'shop' },
  { label: 'service', op: '=', value: 'web' }
]
const policy = (over: Partial<AlertPolicy> = {}): AlertPolicy => ({
  severities: ['critical'],
  matcherSets: [workload],
  failOn: 'new',
  since: DEPLOY,
  ...over
})
const names = (list: ObservedAlert[]): string[] => list.map((a) => a.name)

describe('matchesLabel (Prometheus matcher semantics)', () => {
  it.each<[string, LabelMatcher, Record<string, string>, boolean]>([
    ['equal', { label: 'app', op: '=', value: 'web' }, { app: 'web' }, true],
    ['equal, other value', { label: 'app', op: '=', value: 'web' }, { app: 'web-2' }, false],
    ['equal empty matches a missing label', { label: 'app', op: '=', value: '' }, {}, true],
    ['not equal', { label: 'app', op: '!=', value: 'web' }, { app: 'api' }, true],
    ['not equal matches a missing label', { label: 'app', op: '!=', value: 'web' }, {}, true],
    ['regex is anchored (whole value)', { label: 'app', op: '=~', value: 'web' }, { app: 'web-2' }, false],
    ['regex', { label: 'app', op: '=~', value: 'web-.*' }, { app: 'web-2' }, true],
    ['regex alternation is anchored as a whole', { label: 'app', op: '=~', value: 'a|b' }, { app: 'xb' }, false],
    ['negative regex', { label: 'app', op: '!~', value: 'canary-.*' }, { app: 'canary-1' }, false],
    ['negative regex, missing label', { label: 'app', op: '!~', value: '.+' }, {}, true]
  ])('%s', (_name, matcher, labels, expected) => {
    expect(matchesLabel(labels, matcher)).toBe(expected)
  })
})

describe('renderMatcher', () => {
  it('fills placeholders, escaping values that land in a regex', () => {
    const values = { namespace: 'shop', target: 'api.v2' }
    expect(renderMatcher({ label: 'namespace', op: '=', value: '{{ namespace }}' }, values).value).toBe('shop')
    expect(renderMatcher({ label: 'service', op: '=', value: '{{target}}' }, values).value).toBe('api.v2')
    const regex = renderMatcher({ label: 'pod', op: '=~', value: '{{target}}-.*' }, values)
    expect(regex.value).toBe('api\\.v2-.*')
    expect(matchesLabel({ pod: 'api.v2-abc' }, regex)).toBe(true)
    expect(matchesLabel({ pod: 'apixv2-abc' }, regex)).toBe(false)
  })

  it('refuses a variable the run does not have, naming the matcher', () => {
    expect(() => renderMatcher({ label: 'team', op: '=', value: '{{team}}' }, {})).toThrow(
      'unknown template variable {{team}} in alerts.matchers.team'
    )
  })
})

describe('judgeAlerts', () => {
  const cases: Array<{
    name: string
    alerts: ObservedAlert[]
    policy?: Partial<AlertPolicy>
    failing: string[]
    preexisting: string[]
    muted: string[]
  }> = [
    { name: 'nothing firing', alerts: [], failing: [], preexisting: [], muted: [] },
    {
      name: 'a new critical alert of the workload fails',
      alerts: [
        alert('HighErrorRate', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z')
      ],
      failing: ['HighErrorRate'],
      preexisting: [],
      muted: []
    },
    {
      name: 'severity is compared without case; other severities are ignored',
      alerts: [
        alert('A', { severity: 'CRITICAL', namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z'),
        alert('B', { severity: 'warning', namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z'),
        alert('C', { namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z')
      ],
      failing: ['A'],
      preexisting: [],
      muted: []
    },
    {
      name: 'alerts of other workloads are ignored',
      alerts: [
        alert('A', { severity: 'critical', namespace: 'shop', service: 'cart' }, '2026-11-30T10:01:00Z'),
        alert('B', { severity: 'critical', namespace: 'other', service: 'web' }, '2026-11-30T10:01:00Z')
      ],
      failing: [],
      preexisting: [],
      muted: []
    },
    {
      name: 'an alert firing before the deploy is reported apart and does not fail with failOn new',
      alerts: [alert('Old', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T09:59:59Z')],
      failing: [],
      preexisting: ['Old'],
      muted: []
    },
    {
      name: 'with failOn any, an alert firing before the deploy fails',
      alerts: [alert('Old', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T09:00:00Z')],
      policy: { failOn: 'any' },
      failing: ['Old'],
      preexisting: [],
      muted: []
    },
    {
      name: 'an alert starting exactly at the deploy start is new',
      alerts: [alert('Edge', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:00:00Z')],
      failing: ['Edge'],
      preexisting: [],
      muted: []
    },
    {
      name: 'an unreadable startsAt cannot prove an alert old: it counts as new',
      alerts: [alert('Odd', { severity: 'critical', namespace: 'shop', service: 'web' }, 'yesterday')],
      failing: ['Odd'],
      preexisting: [],
      muted: []
    },
    {
      name: 'silenced and inhibited alerts are reported, never failing (even with failOn any)',
      alerts: [
        alert('S', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z', 'silenced'),
        alert('I', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:02:00Z', 'inhibited')
      ],
      policy: { failOn: 'any' },
      failing: [],
      preexisting: [],
      muted: ['S', 'I']
    },
    {
      name: 'one matcher set per target: an alert of any target counts',
      alerts: [
        alert('A', { severity: 'critical', namespace: 'shop', service: 'cart' }, '2026-11-30T10:01:00Z'),
        alert('B', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:02:00Z'),
        alert('C', { severity: 'critical', namespace: 'shop', service: 'db' }, '2026-11-30T10:03:00Z')
      ],
      policy: {
        matcherSets: [
          workload,
          [
            { label: 'namespace', op: '=', value: 'shop' },
            { label: 'service', op: '=', value: 'cart' }
          ]
        ]
      },
      failing: ['A', 'B'],
      preexisting: [],
      muted: []
    },
    {
      name: 'several severities; failing listed earliest first',
      alerts: [
        alert('Late', { severity: 'page', namespace: 'shop', service: 'web' }, '2026-11-30T10:05:00Z'),
        alert('Early', { severity: 'critical', namespace: 'shop', service: 'web' }, '2026-11-30T10:01:00Z')
      ],
      policy: { severities: ['critical', 'page'] },
      failing: ['Early', 'Late'],
      preexisting: [],
      muted: []
    }
  ]
  it.each(cases)('$name', ({ alerts, policy: over, failing, preexisting, muted }) => {
    const judgement = judgeAlerts(alerts, policy(over))
    expect({
      failing: names(judgement.failing),
      preexisting: names(judgement.preexisting),
      muted: names(judgement.muted)
    }).toEqual({ failing, preexisting, muted })
  })
})

it('formatLabels writes labels as Prometheus does, sorted, values quoted and escaped', () => {
  expect(formatLabels({ service: 'web', alertname: 'X', note: 'say "hi"' })).toBe(
    '{alertname="X", note="say \\"hi\\"", service="web"}'
  )
})
