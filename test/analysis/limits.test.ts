import { describe, expect, it } from '@jest/globals'
import { judgeCheck, type Limits, requiredJudged, trafficGate, trafficMeasurement } from '../../src/analysis/limits.js'
import type { NoDataPolicy } from '../../src/config/types.js'
import type { Measurement, MeasurementPhase } from '../../src/model/result.js'

const at = '2025-01-01T00:00:00.000Z'
const ok: Measurement = { time: at, value: 0.001, phase: 'successful', message: '0.001 <= max 0.005' }
const bad: Measurement = { time: at, value: 0.021, phase: 'failed', message: '0.021 > max 0.005' }
const maybe: Measurement = { time: at, value: 0.5, phase: 'inconclusive', message: '0.5; no baseline' }
const err = (n = 1): Measurement => ({ time: at, value: null, phase: 'error', message: `HTTP 503 #${n}` })
const none = (policy: NoDataPolicy): Measurement => ({
  time: at,
  value: null,
  phase: 'no-data',
  message: `no data (onNoData: ${policy})`
})
const limits = (l: Partial<Limits> = {}): Limits => ({ failureLimit: 0, inconclusiveLimit: 0, errorLimit: 4, ...l })

type Row = [string, Measurement[], Partial<Limits>, NoDataPolicy, number, boolean, string, boolean, string]

describe('judgeCheck', () => {
  const rows: Row[] = [
    [
      'first failure fails with failureLimit 0',
      [ok, bad],
      {},
      'inconclusive',
      10,
      false,
      'failed',
      true,
      'error-rate = 0.021 > max 0.005 in 1 of 2 measurements (failureLimit 0)'
    ],
    [
      'failures within the limit keep running',
      [bad, ok],
      { failureLimit: 1 },
      'inconclusive',
      10,
      false,
      'running',
      false,
      'error-rate: 2 of 10 measurements taken'
    ],
    [
      'failures > failureLimit fail (3 of 10)',
      [bad, ok, bad, ok, ok, ok, ok, ok, ok, bad],
      { failureLimit: 2 },
      'inconclusive',
      10,
      true,
      'failed',
      true,
      'error-rate = 0.021 > max 0.005 in 3 of 10 measurements (failureLimit 2)'
    ],
    [
      'tolerated failures are named in a pass',
      [ok, bad, ok],
      { failureLimit: 1 },
      'inconclusive',
      3,
      true,
      'passed',
      true,
      'error-rate: passed 2 of 3 measurements, last 0.001 <= max 0.005; 1 failed within failureLimit 1'
    ],
    [
      'all fine and complete: passed',
      [ok, ok, ok],
      {},
      'inconclusive',
      3,
      false,
      'passed',
      true,
      'error-rate: passed 3 of 3 measurements, last 0.001 <= max 0.005'
    ],
    [
      'inconclusive > inconclusiveLimit',
      [ok, maybe, maybe],
      { inconclusiveLimit: 1 },
      'inconclusive',
      10,
      false,
      'inconclusive',
      true,
      'error-rate = 0.5; no baseline in 2 of 3 measurements (inconclusiveLimit 1)'
    ],
    [
      'no-data under fail counts as a failure',
      [none('fail')],
      {},
      'fail',
      5,
      false,
      'failed',
      true,
      'error-rate: no data (onNoData: fail) in 1 of 1 measurement (failureLimit 0)'
    ],
    [
      'no-data under inconclusive counts as inconclusive',
      [none('inconclusive')],
      {},
      'inconclusive',
      5,
      false,
      'inconclusive',
      true,
      'error-rate: no data (onNoData: inconclusive) in 1 of 1 measurement (inconclusiveLimit 0)'
    ],
    [
      'no-data under pass counts as a pass',
      [none('pass'), none('pass')],
      {},
      'pass',
      2,
      true,
      'passed',
      true,
      'error-rate: passed 2 of 2 measurements, last no data (onNoData: pass)'
    ],
    [
      'errors within errorLimit are neither pass nor failure',
      [err(1), ok, ok],
      { errorLimit: 2 },
      'inconclusive',
      3,
      true,
      'passed',
      true,
      'error-rate: passed 2 of 3 measurements, last 0.001 <= max 0.005; 1 query error within errorLimit 2'
    ],
    [
      "one pass then four errors within errorLimit: too few judged, inconclusive (not Argo's false green)",
      [ok, err(1), err(2), err(3), err(4)],
      { errorLimit: 4 },
      'inconclusive',
      5,
      true,
      'inconclusive',
      true,
      'error-rate: judged 1 of 5 measurements, fewer than the 3 required (minJudged); not judged: 4 query errors, last: HTTP 503 #4'
    ],
    [
      'a majority judged is enough (3 of 5)',
      [ok, err(1), ok, err(2), ok],
      { errorLimit: 4 },
      'inconclusive',
      5,
      true,
      'passed',
      true,
      'error-rate: passed 3 of 5 measurements, last 0.001 <= max 0.005; 2 query errors within errorLimit 4'
    ],
    [
      'half is not a majority (2 of 4)',
      [ok, err(1), ok, err(2)],
      { errorLimit: 4 },
      'inconclusive',
      4,
      true,
      'inconclusive',
      true,
      'error-rate: judged 2 of 4 measurements, fewer than the 3 required (minJudged); not judged: 2 query errors, last: HTTP 503 #2'
    ],
    [
      'minJudged configured lower lets fewer judged pass',
      [ok, err(1), err(2), err(3), err(4)],
      { errorLimit: 4, minJudged: 1 },
      'inconclusive',
      5,
      true,
      'passed',
      true,
      'error-rate: passed 1 of 5 measurements, last 0.001 <= max 0.005; 4 query errors within errorLimit 4'
    ],
    [
      'minJudged configured higher: 4 of 5 judged is not all 5',
      [ok, ok, ok, ok, err(1)],
      { errorLimit: 4, minJudged: 5 },
      'inconclusive',
      5,
      true,
      'inconclusive',
      true,
      'error-rate: judged 4 of 5 measurements, fewer than the 5 required (minJudged); not judged: 1 query error, last: HTTP 503 #1'
    ],
    [
      'inconclusive measurements within inconclusiveLimit are not judged either',
      [ok, maybe, maybe],
      { inconclusiveLimit: 2 },
      'inconclusive',
      3,
      true,
      'inconclusive',
      true,
      'error-rate: judged 1 of 3 measurements, fewer than the 2 required (minJudged); not judged: 2 inconclusive'
    ],
    [
      'no-data under onNoData pass is judged (the user chose to count it as a pass)',
      [ok, none('pass'), none('pass')],
      {},
      'pass',
      3,
      true,
      'passed',
      true,
      'error-rate: passed 3 of 3 measurements, last no data (onNoData: pass)'
    ],
    [
      'a failure within failureLimit is judged',
      [ok, bad, err(1)],
      { failureLimit: 1 },
      'inconclusive',
      3,
      true,
      'passed',
      true,
      'error-rate: passed 1 of 3 measurements, last 0.001 <= max 0.005; 1 failed within failureLimit 1, 1 query error within errorLimit 4'
    ],
    [
      'failures within failureLimit and no pass: inconclusive, never passed',
      [bad, err(1)],
      { failureLimit: 1 },
      'inconclusive',
      2,
      true,
      'inconclusive',
      true,
      'error-rate: no measurement passed: 1 failed within failureLimit 1'
    ],
    [
      'failing early is still failed, however few were judged',
      [err(1), err(2), bad],
      { errorLimit: 4 },
      'inconclusive',
      10,
      false,
      'failed',
      true,
      'error-rate = 0.021 > max 0.005 in 1 of 3 measurements (failureLimit 0)'
    ],
    [
      'no early exit before a majority of the planned count was judged',
      [ok, err(1), err(2)],
      { failureLimit: 5, inconclusiveLimit: 5, errorLimit: 5 },
      'inconclusive',
      5,
      false,
      'running',
      false,
      'error-rate: 3 of 5 measurements taken'
    ],
    [
      'run ended early (cancelled): the minimum applies to the measurements that were due',
      [ok, err(1)],
      {},
      'inconclusive',
      10,
      true,
      'inconclusive',
      true,
      'error-rate: judged 1 of 2 measurements due (10 planned), fewer than the 2 required (minJudged); not judged: 1 query error, last: HTTP 503 #1'
    ],
    [
      'consecutive errors > errorLimit: inconclusive with the last error',
      [ok, err(1), err(2), err(3)],
      { errorLimit: 2 },
      'inconclusive',
      10,
      false,
      'inconclusive',
      true,
      'error-rate: Prometheus query failed 3 times in a row: HTTP 503 #3'
    ],
    [
      'non-consecutive errors do not add up',
      [err(1), err(2), ok, err(3), err(4), ok],
      { errorLimit: 2 },
      'inconclusive',
      10,
      false,
      'running',
      false,
      'error-rate: 6 of 10 measurements taken'
    ],
    [
      'only errors, under the budget: never a pass',
      [err(1), err(2)],
      { errorLimit: 4 },
      'inconclusive',
      2,
      true,
      'inconclusive',
      true,
      'error-rate: no measurement could be judged in 2 attempts (2 query errors, last: HTTP 503 #2)'
    ],
    ['nothing taken', [], {}, 'inconclusive', 3, true, 'inconclusive', true, 'error-rate: no measurement was taken'],
    [
      'stopped early (another check failed) with good data',
      [ok, ok],
      {},
      'inconclusive',
      10,
      true,
      'passed',
      true,
      'error-rate: passed 2 of 2 measurements (stopped after 2 of 10), last 0.001 <= max 0.005'
    ],
    [
      'early exit: remaining measurements cannot fail it',
      [ok, ok, ok, ok],
      { failureLimit: 1, inconclusiveLimit: 1, errorLimit: 1 },
      'inconclusive',
      5,
      false,
      'passed',
      true,
      'error-rate: passed 4 of 4 measurements (stopped after 4 of 5), last 0.001 <= max 0.005'
    ],
    [
      'no early exit while one more failure would still count',
      [ok, ok, ok],
      { failureLimit: 1, inconclusiveLimit: 1 },
      'inconclusive',
      5,
      false,
      'running',
      false,
      'error-rate: 3 of 5 measurements taken'
    ]
  ]

  it.each([
    [
      'only passes',
      [ok, ok],
      'error-rate: 2 of 2 measurements passed before the run stopped (latency failed), last 0.001 <= max 0.005'
    ],
    [
      'a tolerated failure is still named',
      [ok, bad, ok],
      'error-rate: 2 of 3 measurements passed before the run stopped (latency failed), last 0.001 <= max 0.005; 1 failed within failureLimit 1'
    ]
  ] as Array<[string, Measurement[], string]>)(
    'stopped by another check before it was decided (%s): still passed, but says it was cut short',
    (_name, measurements, reason) => {
      const outcome = judgeCheck({
        name: 'error-rate',
        onNoData: 'inconclusive',
        measurements,
        limits: limits({ failureLimit: 1 }),
        planned: 10,
        complete: true,
        stoppedBy: 'latency failed'
      })
      expect({ status: outcome.status, reason: outcome.reason }).toEqual({ status: 'passed', reason })
    }
  )

  it('stoppedBy does not change a check that was decided on its own (the rest could not fail it)', () => {
    const outcome = judgeCheck({
      name: 'error-rate',
      onNoData: 'inconclusive',
      measurements: [ok, ok, ok, ok],
      limits: limits({ failureLimit: 1, inconclusiveLimit: 1, errorLimit: 1 }),
      planned: 5,
      complete: true,
      stoppedBy: 'latency failed'
    })
    expect(outcome.reason).toBe(
      'error-rate: passed 4 of 4 measurements (stopped after 4 of 5), last 0.001 <= max 0.005'
    )
  })

  it.each(rows)('%s', (_name, measurements, l, onNoData, planned, complete, status, decided, reason) => {
    const outcome = judgeCheck({ name: 'error-rate', onNoData, measurements, limits: limits(l), planned, complete })
    expect({ status: outcome.status, decided: outcome.decided, reason: outcome.reason }).toEqual({
      status,
      decided,
      reason
    })
  })

  it('errors are never counted as failures or successes', () => {
    const phases: MeasurementPhase[] = ['error', 'error', 'error']
    const measurements = phases.map((_, i) => err(i))
    const outcome = judgeCheck({
      name: 'x',
      onNoData: 'fail',
      measurements,
      limits: limits({ errorLimit: 5 }),
      planned: 10,
      complete: false
    })
    expect(outcome.tally).toMatchObject({ failures: 0, successes: 0, errors: 3, errorStreak: 3 })
  })
})

describe('trafficGate', () => {
  const vals = (v: number[], nonFinite: string[] = []) => ({
    kind: 'values' as const,
    values: v,
    nonFinite,
    series: v.length + nonFinite.length
  })
  it.each([
    ['enough traffic', vals([3]), 1, true, undefined],
    ['traffic summed over series', vals([0.4, 0.7]), 1, true, undefined],
    ['below the floor', vals([0.2]), 1, false, 'traffic 0.2 < minTraffic 1'],
    ['no traffic series', vals([]), 1, false, 'no traffic data, below minTraffic 1'],
    ['NaN traffic', vals([], ['NaN']), 1, false, 'traffic NaN, below minTraffic 1']
  ])('%s', (_name, observed, min, open, why) => {
    const gate = trafficGate(observed, min)
    expect(gate.open).toBe(open)
    if (!gate.open) expect(gate.observed).toEqual({ kind: 'no-data', why })
  })

  it.each([
    ['at the floor', vals([0.4, 0.6]), { value: 1, phase: 'successful', message: 'traffic 1 >= minTraffic 1' }],
    ['below the floor', vals([0.2]), { value: 0.2, phase: 'no-data', message: 'traffic 0.2 < minTraffic 1' }],
    ['no series', vals([]), { value: null, phase: 'no-data', message: 'no traffic data, below minTraffic 1' }],
    ['NaN', vals([], ['NaN']), { value: null, phase: 'no-data', message: 'traffic NaN, below minTraffic 1' }],
    [
      'query error',
      { kind: 'error' as const, message: 'HTTP 503' },
      { value: null, phase: 'error', message: 'minTraffic query failed: HTTP 503' }
    ]
  ])('the gate as a measurement for reports: %s', (_name, observed, expected) => {
    expect(trafficMeasurement(observed, 1, new Date(at))).toEqual({ time: at, ...expected })
  })

  it('a failing traffic query is an error for every check', () => {
    const gate = trafficGate({ kind: 'error', message: 'HTTP 503' }, 1)
    expect(gate).toEqual({ open: false, observed: { kind: 'error', message: 'minTraffic query failed: HTTP 503' } })
  })
})

describe('requiredJudged: a majority of count by default, minJudged when set, in proportion when fewer were due', () => {
  it.each<[string, number | undefined, number, number, number]>([
    ['majority of 5', undefined, 5, 5, 3],
    ['majority of 4 is 3 (half is not a majority)', undefined, 4, 4, 3],
    ['majority of 1', undefined, 1, 1, 1],
    ['majority of 10', undefined, 10, 10, 6],
    ['configured 2 of 5', 2, 5, 5, 2],
    ['configured above count is capped at count', 9, 5, 5, 5],
    ['cut short: 2 of 10 due needs 2 (majority of 2)', undefined, 10, 2, 2],
    ['cut short: 5 of 10 due needs 3', undefined, 10, 5, 3],
    ['cut short: 1 due needs 1', undefined, 10, 1, 1],
    ['nothing due still needs 1', undefined, 10, 0, 1]
  ])('%s', (_name, minJudged, planned, due, required) => {
    expect(requiredJudged(minJudged, planned, due)).toBe(required)
  })

  it('the outcome carries judged / due / planned / required for reports', () => {
    const outcome = judgeCheck({
      name: 'error-rate',
      onNoData: 'inconclusive',
      measurements: [ok, err(1), err(2), err(3), err(4)],
      limits: limits(),
      planned: 5,
      complete: true
    })
    expect(outcome.judged).toEqual({ judged: 1, due: 5, planned: 5, required: 3 })
  })
})
